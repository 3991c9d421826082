import { describe, expect, it } from 'vitest';
import { assistAccess } from './access';

describe('assistAccess', () => {
  it.each([
    { whenInputIs: ['agent'], expectedOutputIs: { canServe: true, canOversee: false } },
    { whenInputIs: ['mentor', 'agent'], expectedOutputIs: { canServe: true, canOversee: false } },
    { whenInputIs: ['supervisor'], expectedOutputIs: { canServe: true, canOversee: true } },
    { whenInputIs: ['deputy'], expectedOutputIs: { canServe: false, canOversee: true } },
    { whenInputIs: ['leader'], expectedOutputIs: { canServe: false, canOversee: true } },
    { whenInputIs: ['trainer'], expectedOutputIs: { canServe: false, canOversee: false } },
    { whenInputIs: ['admin'], expectedOutputIs: { canServe: false, canOversee: false } },
  ] as const)('$whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(assistAccess(whenInputIs)).toEqual(expectedOutputIs);
  });
});
