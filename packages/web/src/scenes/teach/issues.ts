import type { TFieldIssue } from '../../api/client';

/**
 * Server validation issues placed on nested form fields: `title.zh` on the Chinese title,
 * `downloads.1.url` on the second download's address.
 */

export type TNamePath = (string | number)[];

/**
 * An issue path as an antd name path.
 * @param path the issue's path as the server sent it (`body.title.zh`, `/downloads/1/url`)
 * @returns the segments, numbers for list positions; [] when the path names no field
 */
export function issueNamePath(path: string): TNamePath {
  return path
    .split(/[./]/)
    .filter((segment) => segment !== '' && segment !== 'body')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export interface TPlacedIssues {
  /** Errors per field, keyed by the joined name path. */
  fields: { name: TNamePath; errors: string[] }[];
  /** Messages whose field is not on the form. */
  unplaced: string[];
}

/**
 * Splits issues into the ones a form can show beside a field and the rest. An issue on a part
 * of a field the form does not have (say `quizKeys.3`) goes to the nearest field it does have.
 * @param issues the server's issues
 * @param hasField whether the form has a field at a name path
 * @returns field errors (several issues on one field are kept together) and the leftovers
 */
export function placeIssues(issues: readonly TFieldIssue[], hasField: (name: TNamePath) => boolean): TPlacedIssues {
  const byName = new Map<string, { name: TNamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    let name = issueNamePath(issue.path);
    while (name.length > 0 && !hasField(name)) name = name.slice(0, -1);
    if (name.length === 0) {
      unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], unplaced };
}

/**
 * A field test for {@link placeIssues} from the form's field names, `*` standing for a list
 * position: `['title.zh', 'downloads.*.url', 'quizKeys']`.
 * @param patterns the name paths the form shows errors on
 * @returns whether a name path is one of them
 */
export function fieldMatcher(patterns: readonly string[]): (name: TNamePath) => boolean {
  const known = new Set(patterns);
  return (name) => known.has(name.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.'));
}
