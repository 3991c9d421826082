/**
 * Finds lexicon terms in normalised text in one left-to-right pass over a character trie
 * (plain terms), plus a few compiled regular expressions (patterns such as 第三次).
 * No allocation per character; one object per match.
 */
export type TTermPattern<P> = { term: string; payload: P };

export type TMatch<P> = { start: number; end: number; payload: P };

type TTrieNode<P> = { next: Map<number, TTrieNode<P>> | undefined; payloads: P[] | undefined };

export type TMatcher<P> = {
  /**
   * Every match of every term (a term that is a prefix of a longer matching term is
   * reported too). Terms that begin or end with a Latin letter or digit match whole
   * words only, so "not" does not fire inside "nothing" and 315 not inside 13150.
   * The returned array is reused by the next call: read it before calling again.
   */
  findAll: (text: string) => TMatch<P>[];
};

/** Latin letters and digits (normalised text is lower-case and half-width). */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * Compiles terms (`re:` prefix = regular expression) into a matcher.
 * @param patterns terms with what each stands for
 * @returns the matcher; throws on an invalid regular expression (a content error caught by validation)
 */
export function matcherCreate<P>(patterns: readonly TTermPattern<P>[]): TMatcher<P> {
  const root: TTrieNode<P> = { next: undefined, payloads: undefined };
  const regexSources: { source: string; payload: P; groups: number }[] = [];
  for (const { term, payload } of patterns) {
    if (term.startsWith('re:')) {
      const source = term.slice(3);
      // Capturing groups inside the pattern shift the numbering of the combined regex.
      const groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
      regexSources.push({ source, payload, groups });
      continue;
    }
    if (term.length === 0) continue;
    let node = root;
    for (let i = 0; i < term.length; i += 1) {
      const code = term.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) {
        child = { next: undefined, payloads: undefined };
        node.next.set(code, child);
      }
      node = child;
    }
    (node.payloads ??= []).push(payload);
  }

  // All patterns in one regular expression, one capturing group each: one scan per text
  // instead of one per pattern. `groupOf[g]` names the pattern whose group is g.
  const groupOf: (P | undefined)[] = [undefined];
  const combined =
    regexSources.length === 0
      ? undefined
      : new RegExp(
          regexSources
            .map(({ source, payload, groups }) => {
              groupOf.push(payload);
              for (let g = 0; g < groups; g += 1) groupOf.push(undefined);
              return `(${source})`;
            })
            .join('|'),
          'g',
        );

  // First characters index straight into the root's children: one array read per position.
  const rootChildren: (TTrieNode<P> | undefined)[] = new Array(65536);
  for (const [code, child] of root.next ?? []) rootChildren[code] = child;
  const matches: TMatch<P>[] = [];

  return {
    findAll(text: string): TMatch<P>[] {
      matches.length = 0;
      const length = text.length;
      for (let start = 0; start < length; start += 1) {
        const first = text.charCodeAt(start);
        let node: TTrieNode<P> | undefined = rootChildren[first];
        if (!node) continue;
        if (isWordChar(first) && start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
        let i = start + 1;
        while (node) {
          if (node.payloads && !(isWordChar(text.charCodeAt(i - 1)) && i < length && isWordChar(text.charCodeAt(i)))) {
            for (const payload of node.payloads) matches.push({ start, end: i, payload });
          }
          if (i >= length || !node.next) break;
          node = node.next.get(text.charCodeAt(i));
          i += 1;
        }
      }
      if (combined) {
        combined.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = combined.exec(text)) !== null) {
          if (m[0].length > 0) {
            for (let g = 1; g < m.length; g += 1) {
              if (m[g] !== undefined && groupOf[g] !== undefined) {
                matches.push({ start: m.index, end: m.index + m[0].length, payload: groupOf[g]! });
                break;
              }
            }
          }
          // Resume one character on, so a later pattern may match inside this one.
          combined.lastIndex = m.index + 1;
        }
      }
      return matches;
    },
  };
}

/**
 * Sorts spans by start, and at one start by length, in place. Most lists arrive sorted
 * already (the trie reports in text order), so it first checks, which is cheaper than
 * sorting on the hot path.
 */
export function spansSort<T extends { start: number; end: number }>(spans: T[], tie: 'longest-first' | 'shortest-first'): void {
  const compare = tie === 'longest-first' ? (a: T, b: T) => a.start - b.start || b.end - a.end : (a: T, b: T) => a.start - b.start || a.end - b.end;
  for (let i = 1; i < spans.length; i += 1) {
    if (compare(spans[i - 1]!, spans[i]!) > 0) {
      spans.sort(compare);
      return;
    }
  }
}
