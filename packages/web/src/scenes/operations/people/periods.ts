/**
 * Ranking periods as the API names them (2026, 2026-H2, 2026-Q4, 2026-11, all), built from
 * today's date in Beijing time. Pure, so it is tested without a browser.
 */

export type TPeriodChoice = { key: 'month' | 'quarter' | 'half' | 'year' | 'all'; period: string };

/**
 * The current month, quarter, half-year and year, and all time.
 * @param today a date like 2026-12-06
 * @returns the choices in that order
 */
export function currentPeriods(today: string): TPeriodChoice[] {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  return [
    { key: 'month', period: `${year}-${String(month).padStart(2, '0')}` },
    { key: 'quarter', period: `${year}-Q${Math.ceil(month / 3)}` },
    { key: 'half', period: `${year}-H${month <= 6 ? 1 : 2}` },
    { key: 'year', period: year },
    { key: 'all', period: 'all' },
  ];
}

/**
 * Half-years that can be selected for the excellent-trainee selection: the current one and the
 * three before it, newest first.
 * @param today a date like 2026-12-06
 */
export function recentHalves(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  const halves: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    halves.push(`${year}-H${half}`);
    if (half === 1) {
      year -= 1;
      half = 2;
    } else half = 1;
  }
  return halves;
}

/** Today in Beijing time, YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
