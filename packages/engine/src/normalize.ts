/**
 * Length-preserving text folding: the normalised string has the same UTF-16 length as
 * the input, so every offset found in it is an offset into the original text.
 * - Traditional → Simplified, character by character, from a table passed in (content/lexicons/t2s.yaml);
 * - full-width ASCII (！？ＡＢＣ１２３) → half-width, the ideographic space → space;
 * - A–Z → a–z.
 * Chinese punctuation that carries emotion (！？。，) is folded to its ASCII form, so one
 * pattern covers both ways of typing it.
 */
export type TNormalizer = (text: string) => string;

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/**
 * Builds a normaliser.
 * @param t2sPairs map from a Traditional character to its Simplified form (one UTF-16 unit each)
 * @returns a function that folds a text, keeping its length
 */
export function normalizerCreate(t2sPairs: ReadonlyMap<string, string>): TNormalizer {
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code += 1) table[code] = code;
  for (let code = 65; code <= 90; code += 1) table[code] = code + 32;
  for (let code = FULLWIDTH_START; code <= FULLWIDTH_END; code += 1) {
    let folded = code - FULLWIDTH_OFFSET;
    if (folded >= 65 && folded <= 90) folded += 32;
    table[code] = folded;
  }
  table[0x3000] = 0x20; // ideographic space
  table[0x3002] = 0x2e; // 。
  table[0x3001] = 0x2c; // 、
  for (const [from, to] of t2sPairs) {
    if (from.length === 1 && to.length === 1) table[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  let buffer = new Uint16Array(256);
  return (text: string): string => {
    const length = text.length;
    let first = -1;
    for (let i = 0; i < length; i += 1) {
      const code = text.charCodeAt(i);
      if (table[code] !== code) {
        first = i;
        break;
      }
    }
    if (first < 0) return text;
    if (buffer.length < length) buffer = new Uint16Array(length);
    for (let i = 0; i < length; i += 1) buffer[i] = table[text.charCodeAt(i)]!;
    // Chunked to stay under the engine's argument limit on long texts.
    if (length <= 8192) return String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
    let out = '';
    for (let i = 0; i < length; i += 8192) out += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
    return out;
  };
}
