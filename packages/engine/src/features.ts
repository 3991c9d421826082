/**
 * Character n-gram features of normalised text, as numbers rather than strings, so the
 * hot path allocates nothing: a unigram is its code (< 2^16), a bigram c1·2^16 + c2
 * (< 2^32), a trigram c1·2^32 + c2·2^16 + c3 (< 2^48, exact in a double).
 * Whitespace resets the window: n-grams never span a space.
 */
export const NGRAM_MAX = 3;

const TWO_16 = 65536;
const TWO_32 = 4294967296;

/** Calls `visit` with every 1-, 2- and (when `maxOrder` is 3) 3-gram key of the text, and its start offset. */
export function featuresForEach(text: string, visit: (key: number, start: number, length: number) => void, maxOrder: 2 | 3 = 3): void {
  let p1 = -1; // previous char code
  let p2 = -1; // the one before
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      p1 = -1;
      p2 = -1;
      continue;
    }
    visit(c, i, 1);
    if (p1 >= 0) {
      visit(p1 * TWO_16 + c, i - 1, 2);
      if (p2 >= 0 && maxOrder === 3) visit(p2 * TWO_32 + p1 * TWO_16 + c, i - 2, 3);
    }
    p2 = p1;
    p1 = c;
  }
}

/** The key of an n-gram string (1 to 3 UTF-16 units), as featuresForEach computes it. */
export function featureKey(gram: string): number {
  if (gram.length === 1) return gram.charCodeAt(0);
  if (gram.length === 2) return gram.charCodeAt(0) * TWO_16 + gram.charCodeAt(1);
  if (gram.length === 3) return gram.charCodeAt(0) * TWO_32 + gram.charCodeAt(1) * TWO_16 + gram.charCodeAt(2);
  throw new Error(`@calmdesk/engine: featureKey expects 1 to 3 characters, instead found ${gram.length}`);
}

/** The n-gram string of a key (inverse of featureKey). */
export function featureGram(key: number): string {
  if (key < TWO_16) return String.fromCharCode(key);
  if (key < TWO_32) return String.fromCharCode(Math.floor(key / TWO_16), key % TWO_16);
  const c1 = Math.floor(key / TWO_32);
  const rest = key - c1 * TWO_32;
  return String.fromCharCode(c1, Math.floor(rest / TWO_16), rest % TWO_16);
}
