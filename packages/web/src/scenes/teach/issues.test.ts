import { describe, expect, it } from 'vitest';
import { fieldMatcher, issueNamePath, placeIssues, type TNamePath } from './issues';

describe('issueNamePath', () => {
  it.each([
    { path: 'title.zh', expected: ['title', 'zh'] },
    { path: 'body.downloads.1.url', expected: ['downloads', 1, 'url'] },
    { path: '/quizKeys/0', expected: ['quizKeys', 0] },
    { path: '', expected: [] },
  ])('$path', ({ path, expected }) => {
    expect(issueNamePath(path)).toEqual(expected);
  });
});

describe('placeIssues', () => {
  const fields = new Set(['title.zh', 'title.en', 'downloads.0.url', 'downloads', 'quizKeys', 'bodyMd']);
  const hasField = (name: TNamePath) => fields.has(name.join('.'));

  it('puts each issue on its field, or the nearest field above it, and keeps the rest apart', () => {
    const placed = placeIssues(
      [
        { path: 'title.zh', message: 'Required' },
        { path: 'downloads.0.url', message: 'a link starting with https://' },
        { path: 'quizKeys.3', message: 'unknown question key "x"' },
        { path: 'quizKeys.4', message: 'unknown question key "y"' },
        { path: 'key', message: 'taken' },
        { path: '', message: 'Invalid input' },
      ],
      hasField,
    );
    expect(placed.fields).toEqual([
      { name: ['title', 'zh'], errors: ['Required'] },
      { name: ['downloads', 0, 'url'], errors: ['a link starting with https://'] },
      { name: ['quizKeys'], errors: ['unknown question key "x"', 'unknown question key "y"'] },
    ]);
    expect(placed.unplaced).toEqual(['key: taken', 'Invalid input']);
  });
});

describe('fieldMatcher', () => {
  it('matches list positions with *', () => {
    const hasField = fieldMatcher(['title.zh', 'downloads.*.url', 'quizKeys']);
    expect(hasField(['downloads', 3, 'url'])).toBe(true);
    expect(hasField(['title', 'zh'])).toBe(true);
    expect(hasField(['quizKeys', 2])).toBe(false);
    expect(placeIssues([{ path: 'quizKeys.2', message: 'unknown' }], hasField).fields).toEqual([{ name: ['quizKeys'], errors: ['unknown'] }]);
  });
});
