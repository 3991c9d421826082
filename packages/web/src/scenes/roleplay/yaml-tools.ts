/**
 * Text helpers of the scenario editor. The server parses and validates the YAML; these
 * only read or replace the top-level `id:` line and find lines for error links, so they
 * work on drafts that do not parse yet.
 */

const ID_LINE = /^id:[ \t]*(.*?)[ \t]*(#.*)?$/m;

/**
 * The scenario id written in a YAML draft.
 * @param yaml the draft
 * @returns the id without quotes, or null when the draft has no top-level `id:` line
 */
export function readScenarioId(yaml: string): string | null {
  const match = ID_LINE.exec(yaml);
  if (!match) return null;
  const value = (match[1] ?? '').replace(/^(['"])(.*)\1$/, '$2').trim();
  return value === '' ? null : value;
}

/**
 * Replaces the top-level id of a YAML draft (for "copy as new"), or adds one on top.
 * @param yaml the draft
 * @param id the new id
 * @returns the draft with that id
 */
export function renameScenarioId(yaml: string, id: string): string {
  if (ID_LINE.test(yaml)) return yaml.replace(ID_LINE, (_line, _value, comment?: string) => `id: ${id}${comment ? ` ${comment}` : ''}`);
  return `id: ${id}\n${yaml}`;
}

/**
 * An id for a copy that is not taken yet: `<id>-copy`, then `<id>-copy-2`, …
 * @param id the scenario being copied
 * @param taken ids already in use
 * @returns a free kebab-case id of at most 100 characters
 */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  const base = `${id.slice(0, 90)}-copy`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Where a 1-based line lies in a text, for selecting it in the editor.
 * @param text the whole text
 * @param line 1-based line number; out-of-range lines are clamped
 * @returns start and end offsets of that line (end excludes the newline)
 */
export function lineRange(text: string, line: number): { start: number; end: number } {
  const lines = text.split('\n');
  const index = Math.min(Math.max(1, Math.floor(Number.isFinite(line) ? line : 1)), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i += 1) start += (lines[i]?.length ?? 0) + 1;
  return { start, end: start + (lines[index]?.length ?? 0) };
}

export interface TYamlError {
  line?: number;
  path: string;
  message: string;
}

/**
 * Reads the issues of a refused save. The server names them `yaml:<line> <field path>`
 * (or `yaml <field>` without a line); anything else is kept as the path.
 * @param issues the error's issues
 * @returns errors in the shape the validate call returns
 */
export function saveIssuesToErrors(issues: readonly { path: string; message: string }[]): TYamlError[] {
  return issues.map((issue) => {
    const match = /^yaml(?::(\d+))?(?:\s+(.*))?$/.exec(issue.path.trim());
    if (!match) return { path: issue.path, message: issue.message };
    const line = match[1] ? Number(match[1]) : undefined;
    return { ...(line ? { line } : {}), path: match[2] ?? '', message: issue.message };
  });
}
