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
  const regexes: { re: RegExp; payload: P }[] = [];
  for (const { term, payload } of patterns) {
    if (term.startsWith('re:')) {
      regexes.push({ re: new RegExp(term.slice(3), 'g'), payload });
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

  return {
    findAll(text: string): TMatch<P>[] {
      const matches: TMatch<P>[] = [];
      const length = text.length;
      for (let start = 0; start < length; start += 1) {
        const first = text.charCodeAt(start);
        let node: TTrieNode<P> | undefined = root.next?.get(first);
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
      for (const { re, payload } of regexes) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex += 1;
            continue;
          }
          matches.push({ start: m.index, end: m.index + m[0].length, payload });
        }
      }
      return matches;
    },
  };
}
