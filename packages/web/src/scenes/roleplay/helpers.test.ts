// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { roleplayAccess, roleplayTabs } from './access';
import { formatScore, isOutcome, isOverdue, remainingDelay, scoreBand, scoreSeries, typingDelay, TYPING_MAX_MS, TYPING_MIN_MS } from './format';
import { clampMeter, deltaTone, formatDelta, meterBand, meterColor } from './meter';
import { PACER_CYCLE_MS, PACER_MAX_SCALE, PACER_MIN_SCALE, PACER_READY_MS, PACER_TOTAL_MS, pacerAt } from './pacer';
import { PAUSE_TEMPLATE, withPauseTemplate } from './templates';

describe('mood meters', () => {
  it.each([
    { meter: 'anger', value: 85, band: 'bad' },
    { meter: 'anger', value: 70, band: 'bad' },
    { meter: 'anger', value: 69, band: 'watch' },
    { meter: 'anger', value: 40, band: 'watch' },
    { meter: 'anger', value: 39, band: 'good' },
    { meter: 'trust', value: 60, band: 'good' },
    { meter: 'trust', value: 59, band: 'watch' },
    { meter: 'trust', value: 29, band: 'bad' },
    { meter: 'patience', value: 0, band: 'bad' },
    { meter: 'patience', value: 30, band: 'watch' },
    { meter: 'patience', value: 100, band: 'good' },
  ] as const)('reads $meter $value as $band', ({ meter, value, band }) => {
    expect(meterBand(meter, value)).toBe(band);
  });

  it('colours high anger like low trust, and calm anger like high patience', () => {
    expect(meterColor('anger', 90)).toBe(meterColor('trust', 10));
    expect(meterColor('anger', 10)).toBe(meterColor('patience', 90));
    expect(meterColor('anger', 50)).not.toBe(meterColor('anger', 10));
  });

  it('keeps values within 0–100, and treats a missing number as 0', () => {
    expect(clampMeter(-5)).toBe(0);
    expect(clampMeter(130)).toBe(100);
    expect(clampMeter(42.6)).toBe(43);
    expect(clampMeter(Number.NaN)).toBe(0);
    expect(meterBand('anger', 250)).toBe('bad');
  });

  it('calls less anger and more trust or patience an improvement', () => {
    expect(deltaTone('anger', -10)).toBe('good');
    expect(deltaTone('anger', 15)).toBe('bad');
    expect(deltaTone('trust', 5)).toBe('good');
    expect(deltaTone('patience', -15)).toBe('bad');
    expect(deltaTone('trust', 0)).toBe('neutral');
    expect(deltaTone('trust', 0.2)).toBe('neutral');
  });

  it.each([
    { delta: 5, text: '+5' },
    { delta: -12, text: '−12' },
    { delta: 0, text: '0' },
    { delta: -0.3, text: '0' },
    { delta: Number.NaN, text: '—' },
  ])('writes a change of $delta as $text', ({ delta, text }) => {
    expect(formatDelta(delta)).toBe(text);
  });
});

describe('breathing pacer', () => {
  it('counts three before the first breath', () => {
    expect(pacerAt(0)).toMatchObject({ phase: 'ready', phaseSecondsLeft: 3, totalSecondsLeft: 60, scale: PACER_MIN_SCALE, breath: 0 });
    expect(pacerAt(1_500)).toMatchObject({ phase: 'ready', phaseSecondsLeft: 2 });
    expect(pacerAt(2_999)).toMatchObject({ phase: 'ready', phaseSecondsLeft: 1 });
  });

  it('breathes in for 4 s, holds for 2 s and breathes out for 6 s', () => {
    expect(PACER_CYCLE_MS).toBe(12_000);
    const at = (ms: number) => pacerAt(PACER_READY_MS + ms);
    expect(at(0)).toMatchObject({ phase: 'inhale', phaseSecondsLeft: 4, breath: 1 });
    expect(at(3_999).phase).toBe('inhale');
    expect(at(4_000)).toMatchObject({ phase: 'hold', phaseSecondsLeft: 2 });
    expect(at(6_000)).toMatchObject({ phase: 'exhale', phaseSecondsLeft: 6 });
    expect(at(11_500)).toMatchObject({ phase: 'exhale', phaseSecondsLeft: 1 });
    expect(at(12_000)).toMatchObject({ phase: 'inhale', breath: 2 });
  });

  it('grows the circle while breathing in, keeps it while holding, shrinks it while breathing out', () => {
    const at = (ms: number) => pacerAt(PACER_READY_MS + ms).scale;
    expect(at(0)).toBeCloseTo(PACER_MIN_SCALE);
    expect(at(1_000)).toBeLessThan(at(2_000));
    expect(at(2_000)).toBeLessThan(at(3_000));
    expect(at(4_500)).toBe(PACER_MAX_SCALE);
    expect(at(7_000)).toBeGreaterThan(at(9_000));
    expect(at(11_999)).toBeCloseTo(PACER_MIN_SCALE, 2);
    for (let ms = 0; ms < PACER_TOTAL_MS; ms += 250) {
      const { scale } = pacerAt(ms);
      expect(scale).toBeGreaterThanOrEqual(PACER_MIN_SCALE);
      expect(scale).toBeLessThanOrEqual(PACER_MAX_SCALE);
    }
  });

  it('ends after one minute, counting the seconds down on the way', () => {
    expect(pacerAt(30_200).totalSecondsLeft).toBe(30);
    expect(pacerAt(59_999).phase).not.toBe('done');
    expect(pacerAt(59_999).totalSecondsLeft).toBe(1);
    expect(pacerAt(PACER_TOTAL_MS)).toMatchObject({ phase: 'done', totalSecondsLeft: 0, phaseSecondsLeft: 0 });
    expect(pacerAt(90_000).phase).toBe('done');
  });

  it('does not promise more seconds of a phase than the minute has left', () => {
    // 57 s of breathing = four full breaths and a 9 s fifth: its out-breath is cut to 3 s.
    const lastExhale = pacerAt(PACER_READY_MS + 4 * PACER_CYCLE_MS + 6_000);
    expect(lastExhale).toMatchObject({ phase: 'exhale', breath: 5, phaseSecondsLeft: 3, totalSecondsLeft: 3 });
  });

  it('treats negative or missing times as the start', () => {
    expect(pacerAt(-500).phase).toBe('ready');
    expect(pacerAt(Number.NaN).phase).toBe('ready');
  });
});

describe('scores and outcomes', () => {
  it.each([
    { score: 92, band: 'excellent' },
    { score: 85, band: 'excellent' },
    { score: 84, band: 'good' },
    { score: 70, band: 'good' },
    { score: 50, band: 'fair' },
    { score: 49, band: 'poor' },
    { score: Number.NaN, band: 'poor' },
  ] as const)('reads $score as $band', ({ score, band }) => {
    expect(scoreBand(score)).toBe(band);
  });

  it('writes a missing score as a dash and rounds the others', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatScore(undefined)).toBe('—');
    expect(formatScore(81.6)).toBe('82');
    expect(formatScore(0)).toBe('0');
  });

  it('knows the four endings and nothing else', () => {
    expect(['resolved', 'escalated', 'leaves', 'out_of_turns'].every(isOutcome)).toBe(true);
    expect(isOutcome('abandoned')).toBe(false);
    expect(isOutcome(null)).toBe(false);
  });

  it('plots finished attempts only, oldest first', () => {
    const series = scoreSeries([
      { id: 'c', total: 90, finishedAt: '2026-11-20T10:00:00Z' },
      { id: 'running', total: null, finishedAt: null },
      { id: 'a', total: 55, finishedAt: '2026-11-01T08:00:00Z' },
      { id: 'b', total: 72, finishedAt: '2026-11-10T09:30:00Z' },
    ]);
    expect(series.map((point) => point.id)).toEqual(['a', 'b', 'c']);
    expect(series.map((point) => point.total)).toEqual([55, 72, 90]);
    expect(scoreSeries([])).toEqual([]);
  });

  it('calls a due date overdue only once it has passed', () => {
    expect(isOverdue('2026-11-22', '2026-11-23')).toBe(true);
    expect(isOverdue('2026-11-23', '2026-11-23')).toBe(false);
    expect(isOverdue(null, '2026-11-23')).toBe(false);
  });
});

describe('the customer typing', () => {
  it('waits between 600 and 1200 ms', () => {
    expect(TYPING_MIN_MS).toBe(600);
    expect(TYPING_MAX_MS).toBe(1200);
    expect(typingDelay(0)).toBe(600);
    expect(typingDelay(0.5)).toBe(900);
    expect(typingDelay(0.9999)).toBeLessThanOrEqual(1200);
    expect(typingDelay(7)).toBe(1200);
    expect(typingDelay(Number.NaN)).toBe(600);
  });

  it('counts the time the server took towards the pause', () => {
    expect(remainingDelay(1_000, 1_300, 900)).toBe(600);
    expect(remainingDelay(1_000, 2_500, 900)).toBe(0);
  });
});

describe('the pause template', () => {
  it('fills an empty box and follows what is already written, once', () => {
    expect(withPauseTemplate('')).toBe(PAUSE_TEMPLATE);
    expect(withPauseTemplate('  ')).toBe(PAUSE_TEMPLATE);
    expect(withPauseTemplate('真的很抱歉。')).toBe(`真的很抱歉。${PAUSE_TEMPLATE}`);
    expect(withPauseTemplate('真的很抱歉')).toBe(`真的很抱歉。${PAUSE_TEMPLATE}`);
    expect(withPauseTemplate(PAUSE_TEMPLATE)).toBe(PAUSE_TEMPLATE);
  });
});

describe('role-play rights', () => {
  it('lets every role practise, coaching roles coach, trainers and mentors assign, trainers author', () => {
    expect(roleplayAccess(['agent'])).toEqual({ canCoach: false, canAssign: false, canAuthor: false });
    expect(roleplayAccess(['admin'])).toEqual({ canCoach: false, canAssign: false, canAuthor: false });
    expect(roleplayAccess(['supervisor'])).toEqual({ canCoach: true, canAssign: false, canAuthor: false });
    expect(roleplayAccess(['mentor'])).toEqual({ canCoach: true, canAssign: true, canAuthor: false });
    expect(roleplayAccess(['trainer'])).toEqual({ canCoach: true, canAssign: true, canAuthor: true });
    expect(roleplayAccess(['agent', 'leader']).canCoach).toBe(true);
  });

  it('shows the tabs each role may use, in order', () => {
    expect(roleplayTabs(['agent'])).toEqual(['catalogue', 'history']);
    expect(roleplayTabs(['deputy'])).toEqual(['catalogue', 'history', 'coaching']);
    expect(roleplayTabs(['trainer'])).toEqual(['catalogue', 'history', 'coaching', 'authoring']);
  });
});
