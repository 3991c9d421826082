import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The months and team a page shows, kept in the address (?from=2026-06&to=2026-12&teamId=…)
 * so a link or a reload shows the same figures. Without months the server shows this month and the twelve before it.
 */
export type TEvalFilters = { from?: string | undefined; to?: string | undefined; teamId?: string | undefined };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Filters from the address; values that are not a month or an id are dropped.
 * @param params the URL search params
 */
export function filtersFromParams(params: URLSearchParams): TEvalFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const teamId = params.get('teamId') ?? '';
  return { from: MONTH.test(from) ? from : undefined, to: MONTH.test(to) ? to : undefined, teamId: UUID.test(teamId) ? teamId : undefined };
}

/** Filters as address parameters, empty ones left out. */
export function filtersToParams(filters: TEvalFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => typeof value === 'string' && value !== '')) as Record<string, string>;
}

/** The months of the filters only, for links to a team or a person. */
export function rangeSearch(filters: TEvalFilters): string {
  const params = new URLSearchParams(filtersToParams({ from: filters.from, to: filters.to })).toString();
  return params ? `?${params}` : '';
}

/** The filters of the current address and a setter that replaces them. */
export function useEvalFilters(): [TEvalFilters, (next: TEvalFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  return [filters, (next) => setParams(filtersToParams(next), { replace: true })];
}
