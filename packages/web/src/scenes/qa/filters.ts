import type { TQaConversationQuery, TQaConversationSort } from '../../api/qa';

/**
 * The conversation list's filters live in the address (/qa?from=2026-11-01&flagged=true&page=2),
 * so a filtered list can be shared, and going back from a conversation returns to the same
 * page. These read the address into the API's query and write it back, leaving defaults out.
 */

export const CONVERSATION_SORTS: readonly TQaConversationSort[] = ['newest', 'lowest_score', 'slowest_response'];
export const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters the page offers, as the API takes them; sort, page and page size always set. */
export interface TConversationFilters {
  from?: string;
  to?: string;
  sourceId?: string;
  /** Set by links, not by the filter bar: one import's conversations, one agent's, one team's. */
  importId?: string;
  agentUserId?: string;
  teamId?: string;
  shop?: string;
  channel?: string;
  /** Only conversations with a coaching flag. */
  isFlaggedOnly: boolean;
  maxScore?: number;
  sort: TQaConversationSort;
  page: number;
  pageSize: number;
}

/** Filters by id that arrive in links (from an import, the dashboard's agent and team tables). */
export const LINKED_IDS = ['sourceId', 'importId', 'agentUserId', 'teamId'] as const;

const positiveInt = (text: string | null): number | null => (text !== null && /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : null);

/**
 * Reads the filters from the address. A value the API would refuse (a bad date, an id that is
 * not a UUID, a score over 100) is dropped rather than sent: an old or hand-made link still opens.
 * @param params the page's search params
 * @returns the filters
 */
export function filtersFromParams(params: URLSearchParams): TConversationFilters {
  const filters: TConversationFilters = { isFlaggedOnly: params.get('flagged') === 'true', sort: 'newest', page: 1, pageSize: DEFAULT_PAGE_SIZE };
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && DATE.test(from)) filters.from = from;
  if (to !== null && DATE.test(to)) filters.to = to;
  for (const key of LINKED_IDS) {
    const value = params.get(key);
    if (value !== null && UUID.test(value)) filters[key] = value;
  }
  for (const key of ['shop', 'channel'] as const) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value.slice(0, 200);
  }
  const maxScore = params.get('maxScore');
  if (maxScore !== null && /^\d+$/.test(maxScore) && Number(maxScore) <= 100) filters.maxScore = Number(maxScore);
  const sort = params.get('sort');
  if (sort !== null && (CONVERSATION_SORTS as readonly string[]).includes(sort)) filters.sort = sort as TQaConversationSort;
  filters.page = positiveInt(params.get('page')) ?? 1;
  const pageSize = positiveInt(params.get('pageSize'));
  if (pageSize !== null && PAGE_SIZES.includes(pageSize)) filters.pageSize = pageSize;
  return filters;
}

/**
 * Writes the filters to the address, defaults left out (/qa stays /qa).
 * @param filters the filters
 * @returns search params as a record
 */
export function filtersToParams(filters: TConversationFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.from) params.from = filters.from;
  if (filters.to) params.to = filters.to;
  for (const key of LINKED_IDS) if (filters[key]) params[key] = filters[key];
  if (filters.shop) params.shop = filters.shop;
  if (filters.channel) params.channel = filters.channel;
  if (filters.isFlaggedOnly) params.flagged = 'true';
  if (filters.maxScore !== undefined) params.maxScore = String(filters.maxScore);
  if (filters.sort !== 'newest') params.sort = filters.sort;
  if (filters.page !== 1) params.page = String(filters.page);
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.pageSize = String(filters.pageSize);
  return params;
}

/**
 * The filters as the API's query.
 * @param filters the filters
 * @returns GET /api/qa/conversations query values
 */
export function filtersToQuery(filters: TConversationFilters): TQaConversationQuery {
  const { isFlaggedOnly, ...rest } = filters;
  return { ...rest, ...(isFlaggedOnly ? { flagged: 'true' as const } : {}) };
}

/**
 * A change of filter starts again at page 1 (page 4 of the old list means nothing in the new one).
 * @param filters the current filters
 * @param change what changed
 * @returns the new filters
 */
export function changeFilters(filters: TConversationFilters, change: Partial<Omit<TConversationFilters, 'page'>>): TConversationFilters {
  const merged: TConversationFilters = { ...filters, ...change, page: 1 };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value !== '')) as unknown as TConversationFilters;
}
