/**
 * This browser's storage for what the learner pages keep locally (worksheets, exam answers).
 * Private mode or a full disk must not break a page: failures read as "nothing stored".
 */

/**
 * Reads a stored value.
 * @param key the storage key
 * @returns the value, or null when absent or storage is unavailable
 */
export function readLocal(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * Stores a value; silently does nothing when storage is unavailable.
 * @param key the storage key
 * @param value the text to keep
 */
export function writeLocal(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage full or disabled: the page still works, it just forgets on reload.
  }
}

/**
 * Removes a stored value.
 * @param key the storage key
 */
export function removeLocal(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
