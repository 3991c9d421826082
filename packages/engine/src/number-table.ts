/**
 * An open-addressing hash table from non-negative integer keys below 2^53 (our n-gram
 * keys) to non-negative int32 values. A JavaScript Map boxes keys above 2^31 as heap
 * numbers, which made every trigram lookup allocate; this table allocates nothing per lookup.
 */
export type TNumberTable = { get: (key: number) => number; size: number };

const EMPTY = -1;
const TWO_32 = 4294967296;

function hashKey(key: number): number {
  const hi = Math.floor(key / TWO_32);
  const lo = key - hi * TWO_32;
  let h = Math.imul((lo | 0) ^ Math.imul(hi | 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * @param entries keys with their values
 * @returns `get(key)`: the value, or -1 when the key is absent
 */
export function numberTableCreate(entries: Iterable<readonly [number, number]>): TNumberTable {
  const list = [...entries];
  let capacity = 16;
  while (capacity < list.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Float64Array(capacity).fill(EMPTY);
  const values = new Int32Array(capacity);
  for (const [key, value] of list) {
    let slot = hashKey(key) & mask;
    while (keys[slot] !== EMPTY && keys[slot] !== key) slot = (slot + 1) & mask;
    keys[slot] = key;
    values[slot] = value;
  }
  return {
    size: list.length,
    get(key: number): number {
      let slot = hashKey(key) & mask;
      for (;;) {
        const found = keys[slot]!;
        if (found === key) return values[slot]!;
        if (found === EMPTY) return -1;
        slot = (slot + 1) & mask;
      }
    },
  };
}
