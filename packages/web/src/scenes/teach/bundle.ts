/** Course files: the name an export is saved under, and a first look at a file picked for import. */

export const BUNDLE_FORMAT = 'calmdesk-course-v1';

/**
 * The file name for an exported course.
 * @param key the course's key
 * @returns e.g. `emotion-basics.calmdesk-course.json`
 */
export function bundleFileName(key: string): string {
  const safe = key.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'course';
  return `${safe}.calmdesk-course.json`;
}

export type TBundleRead = { isOk: true; bundle: unknown } | { isOk: false; problem: 'notJson' | 'notBundle'; detail?: string };

/**
 * Reads a picked file's text: JSON, and a course file at all (the server checks the rest and
 * names every problem).
 * @param text the file's content
 * @returns the parsed value, or why it cannot be a course file
 */
export function readBundleText(text: string): TBundleRead {
  let value: unknown;
  try {
    // A byte-order mark (saved by some Windows editors) is not JSON.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { isOk: false, problem: 'notJson', detail: err instanceof Error ? err.message : String(err) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== BUNDLE_FORMAT) {
    return { isOk: false, problem: 'notBundle' };
  }
  return { isOk: true, bundle: value };
}
