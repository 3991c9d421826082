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
 * A growable table for building: `intern(key)` returns the key's index, adding it when new.
 * Used to merge several models' n-grams without a boxed-key Map.
 */
export function numberInternerCreate(expected: number): { intern: (key: number) => number; keys: () => Float64Array } {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  let mask = capacity - 1;
  let slots = new Float64Array(capacity).fill(EMPTY);
  let indexes = new Int32Array(capacity);
  let order = new Float64Array(Math.max(16, expected));
  let size = 0;
  const place = (key: number, index: number) => {
    let slot = hashKey(key) & mask;
    while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    slots[slot] = key;
    indexes[slot] = index;
  };
  return {
    intern(key: number): number {
      let slot = hashKey(key) & mask;
      for (;;) {
        const found = slots[slot]!;
        if (found === key) return indexes[slot]!;
        if (found === EMPTY) break;
        slot = (slot + 1) & mask;
      }
      if (size >= order.length) {
        const bigger = new Float64Array(order.length * 2);
        bigger.set(order);
        order = bigger;
      }
      order[size] = key;
      slots[slot] = key;
      indexes[slot] = size;
      size += 1;
      if (size * 2 > capacity) {
        capacity *= 2;
        mask = capacity - 1;
        slots = new Float64Array(capacity).fill(EMPTY);
        indexes = new Int32Array(capacity);
        for (let i = 0; i < size; i += 1) place(order[i]!, i);
      }
      return size - 1;
    },
    keys: () => order.subarray(0, size),
  };
}

/**
 * @param entries keys with their values
 * @returns `get(key)`: the value, or -1 when the key is absent
 */
export function numberTableCreate(entries: Iterable<readonly [number, number]>): TNumberTable {
  const keys: number[] = [];
  const values: number[] = [];
  for (const [key, value] of entries) {
    keys.push(key);
    values.push(value);
  }
  return numberTableFromArrays(Float64Array.from(keys), Int32Array.from(values));
}

/** Same as numberTableCreate, from parallel arrays (no tuple per entry: faster to build). */
export function numberTableFromArrays(entryKeys: Float64Array, entryValues: Int32Array): TNumberTable {
  let capacity = 16;
  while (capacity < entryKeys.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Float64Array(capacity).fill(EMPTY);
  const values = new Int32Array(capacity);
  for (let i = 0; i < entryKeys.length; i += 1) {
    const key = entryKeys[i]!;
    let slot = hashKey(key) & mask;
    while (keys[slot] !== EMPTY && keys[slot] !== key) slot = (slot + 1) & mask;
    keys[slot] = key;
    values[slot] = entryValues[i]!;
  }
  return {
    size: entryKeys.length,
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
