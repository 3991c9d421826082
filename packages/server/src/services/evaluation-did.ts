import { DID_MIN_GROUP, KPI_FIELDS, KPI_HIGHER_IS_BETTER, type TDidRow, type TKpiField, type TKpiValues } from '@calmdesk/shared';

/**
 * Level 4's before/after comparison (SPEC §2.8), as a difference in differences. Pure.
 *
 * A person counts as trained from the day of their first attended session (present or late).
 * That day splits their KPI periods: those that end before it are "before", those that start
 * on or after it are "after"; a period that straddles it is left out. Their change is the mean
 * of their after-periods minus the mean of their before-periods.
 *
 * People change without training too (season, new products, a sale), so each trained person
 * is compared with the people not yet trained over the very same periods (see computeDid):
 * their change is what would have happened anyway, and the difference of the two changes is
 * the part that goes with the training. It is an association, not a proof: who gets trained
 * first is not random.
 */

export type TKpiPeriodRecord = { userId: string; periodStart: string; periodEnd: string; values: TKpiValues };

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length);

type TPeriod = { key: string; start: string; end: string; value: number };

/** Each person's periods with a value for the KPI. */
function periodsByPerson(records: readonly TKpiPeriodRecord[], field: TKpiField): Map<string, TPeriod[]> {
  const byPerson = new Map<string, TPeriod[]>();
  for (const record of records) {
    const value = record.values[field];
    if (value === null) continue;
    const periods = byPerson.get(record.userId) ?? [];
    periods.push({ key: `${record.periodStart}|${record.periodEnd}`, start: record.periodStart, end: record.periodEnd, value });
    byPerson.set(record.userId, periods);
  }
  return byPerson;
}

/** Where a period falls for a person first trained on `trainedOn` (YYYY-MM-DD); undefined: never trained. */
export function periodPhase(periodStart: string, periodEnd: string, trainedOn: string | undefined | null): 'before' | 'after' | 'during' | 'untrained' {
  if (!trainedOn) return 'untrained';
  if (periodEnd < trainedOn) return 'before';
  if (periodStart >= trainedOn) return 'after';
  return 'during';
}

/**
 * The comparison of one KPI.
 *
 * Training usually reaches people in waves, so the comparison group changes from period to
 * period: for each after-period of a trained person, the colleagues not yet trained when that
 * period ends, with a value in it and in at least one of the person's before-periods. Their
 * change is their value in the period minus their mean over those before-periods. The
 * person's difference is the mean, over their after-periods that have such colleagues, of
 * (own value − own before-mean) − (the colleagues' mean change); the KPI's difference is the
 * mean over people. The trained and comparison figures shown are over those same people and
 * periods, so that trained change − comparison change = difference. When nobody has a
 * comparison, the trained people's own before and after are still given, with no difference.
 * @param records KPI records of the people in scope
 * @param firstTrainedOn person → day of their first attended session (YYYY-MM-DD); absent: not trained
 * @returns the row, with group sizes; figures are null when a side has nobody
 */
export function computeDid(records: readonly TKpiPeriodRecord[], firstTrainedOn: ReadonlyMap<string, string>, field: TKpiField): TDidRow {
  const byPerson = periodsByPerson(records, field);
  const valueAt = new Map<string, Map<string, number>>([...byPerson].map(([userId, periods]) => [userId, new Map(periods.map((p) => [p.key, p.value]))]));
  type TSide = { before: number; after: number };
  const unmatched: TSide[] = [];
  const matched: { own: TSide; control: TSide }[] = [];
  const controlsUsed = new Set<string>();
  for (const [userId, periods] of byPerson) {
    const trainedOn = firstTrainedOn.get(userId);
    if (!trainedOn) continue;
    const before = periods.filter((p) => periodPhase(p.start, p.end, trainedOn) === 'before');
    const after = periods.filter((p) => periodPhase(p.start, p.end, trainedOn) === 'after');
    if (before.length === 0 || after.length === 0) continue;
    const ownBefore = mean(before.map((p) => p.value))!;
    unmatched.push({ before: ownBefore, after: mean(after.map((p) => p.value))! });
    const ownAfter: number[] = [];
    const controlBefore: number[] = [];
    const controlAfter: number[] = [];
    for (const period of after) {
      const changes: { before: number; after: number }[] = [];
      for (const [otherId, values] of valueAt) {
        if (otherId === userId) continue;
        const otherTrainedOn = firstTrainedOn.get(otherId);
        if (otherTrainedOn !== undefined && otherTrainedOn <= period.end) continue;
        const otherAfter = values.get(period.key);
        const otherBefore = mean(before.flatMap((p) => (values.has(p.key) ? [values.get(p.key)!] : [])));
        if (otherAfter === undefined || otherBefore === null) continue;
        changes.push({ before: otherBefore, after: otherAfter });
        controlsUsed.add(otherId);
      }
      if (changes.length === 0) continue;
      ownAfter.push(period.value);
      controlBefore.push(mean(changes.map((c) => c.before))!);
      controlAfter.push(mean(changes.map((c) => c.after))!);
    }
    if (ownAfter.length === 0) continue;
    matched.push({ own: { before: ownBefore, after: mean(ownAfter)! }, control: { before: mean(controlBefore)!, after: mean(controlAfter)! } });
  }
  const trainedSide = matched.length > 0 ? matched.map((m) => m.own) : unmatched;
  const trainedBefore = mean(trainedSide.map((t) => t.before));
  const trainedAfter = mean(trainedSide.map((t) => t.after));
  const controlBefore = mean(matched.map((m) => m.control.before));
  const controlAfter = mean(matched.map((m) => m.control.after));
  const difference = mean(matched.map((m) => m.own.after - m.own.before - (m.control.after - m.control.before)));
  const roundedDifference = round2(difference);
  return {
    field,
    trainedPeople: trainedSide.length,
    controlPeople: controlsUsed.size,
    trainedBefore: round2(trainedBefore),
    trainedAfter: round2(trainedAfter),
    controlBefore: round2(controlBefore),
    controlAfter: round2(controlAfter),
    trainedChange: trainedBefore === null || trainedAfter === null ? null : round2(trainedAfter - trainedBefore),
    controlChange: controlBefore === null || controlAfter === null ? null : round2(controlAfter - controlBefore),
    difference: roundedDifference,
    isImprovement: roundedDifference === null || roundedDifference === 0 ? null : KPI_HIGHER_IS_BETTER[field] === roundedDifference > 0,
    isSmall: trainedSide.length < DID_MIN_GROUP || controlsUsed.size < DID_MIN_GROUP,
  };
}

/** The comparison of every KPI. */
export function computeDidRows(records: readonly TKpiPeriodRecord[], firstTrainedOn: ReadonlyMap<string, string>): TDidRow[] {
  return KPI_FIELDS.map((field) => computeDid(records, firstTrainedOn, field));
}

/**
 * One person's means before and after their first session.
 * @param records that person's KPI records
 * @param trainedOn their first attended session's day, or null
 */
export function personBeforeAfter(records: readonly TKpiPeriodRecord[], trainedOn: string | null) {
  return KPI_FIELDS.map((field) => {
    const phaseValues = (phase: 'before' | 'after') =>
      records.flatMap((r) => (r.values[field] !== null && periodPhase(r.periodStart, r.periodEnd, trainedOn) === phase ? [r.values[field]] : []));
    const before = mean(phaseValues('before'));
    const after = mean(phaseValues('after'));
    return { field, before: round2(before), after: round2(after), change: before === null || after === null ? null : round2(after - before) };
  });
}
