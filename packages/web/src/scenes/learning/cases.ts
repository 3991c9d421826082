/**
 * Filtering the case library: by kind (good, bad, turnaround), tag, goods and words in the
 * title (both languages) or the tags (as coded and as named on screen).
 */

export interface TCaseFilter {
  kind: string;
  tag: string;
  goods: string;
  q: string;
}

interface TCaseLike {
  key: string;
  title: { zh: string; en: string };
  kind: string;
  tags: readonly string[];
  goods: string;
}

/**
 * The cases that pass a filter; empty fields do not filter.
 * @param cases the library
 * @param filter kind, tag, goods and search words
 * @param tagName how a tag is named on screen (so "退款" finds the tag "refund")
 * @returns the matching cases in their order
 */
export function filterCases<T extends TCaseLike>(cases: readonly T[], filter: TCaseFilter, tagName: (tag: string) => string = (tag) => tag): T[] {
  const q = filter.q.trim().toLowerCase();
  return cases.filter(
    (item) =>
      (!filter.kind || item.kind === filter.kind) &&
      (!filter.tag || item.tags.includes(filter.tag)) &&
      (!filter.goods || item.goods === filter.goods) &&
      (!q || [item.title.zh, item.title.en, item.key, ...item.tags, ...item.tags.map(tagName)].some((text) => text.toLowerCase().includes(q))),
  );
}

/**
 * Tags used in the library, most used first (ties by name), for the tag filter.
 * @param cases the library
 * @returns distinct tags with their counts
 */
export function caseTagCounts(cases: readonly TCaseLike[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of cases) for (const tag of new Set(item.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
