import { describe, expect, it } from 'vitest';
import { changeFilters, filtersFromParams, filtersToParams, filtersToQuery } from './filters';
import { parseRejectReason } from './reasons';

const SOURCE = '660fa60f-f5cc-4e43-89a3-b51ae5d373dc';

describe('conversation filters in the address', () => {
  it('reads an empty address as the defaults', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual({ isFlaggedOnly: false, sort: 'newest', page: 1, pageSize: 20 });
  });

  it('reads every filter', () => {
    const params = new URLSearchParams(`from=2026-11-01&to=2026-11-30&sourceId=${SOURCE}&shop=心安旗舰店&channel=千牛&flagged=true&maxScore=59&sort=lowest_score&page=3&pageSize=50`);
    expect(filtersFromParams(params)).toEqual({ from: '2026-11-01', to: '2026-11-30', sourceId: SOURCE, shop: '心安旗舰店', channel: '千牛', isFlaggedOnly: true, maxScore: 59, sort: 'lowest_score', page: 3, pageSize: 50 });
  });

  it('reads the ids that links carry: an import, an agent, a team', () => {
    const other = '3b1c2d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
    const filters = filtersFromParams(new URLSearchParams(`importId=${SOURCE}&agentUserId=${other}&teamId=not-a-uuid`));
    expect(filters).toEqual({ importId: SOURCE, agentUserId: other, isFlaggedOnly: false, sort: 'newest', page: 1, pageSize: 20 });
    expect(filtersToParams(filters)).toEqual({ importId: SOURCE, agentUserId: other });
    expect(filtersToQuery(filters)).toEqual(expect.objectContaining({ importId: SOURCE, agentUserId: other }));
  });

  it('drops what the API would refuse, so an old link still opens', () => {
    const params = new URLSearchParams('from=11/01/2026&sourceId=abc&maxScore=120&sort=best&page=0&pageSize=7&shop=%20%20');
    expect(filtersFromParams(params)).toEqual({ isFlaggedOnly: false, sort: 'newest', page: 1, pageSize: 20 });
  });

  it('writes back only what differs from the defaults, and round-trips', () => {
    expect(filtersToParams({ isFlaggedOnly: false, sort: 'newest', page: 1, pageSize: 20 })).toEqual({});
    const filters = { from: '2026-11-01', shop: '心安旗舰店', isFlaggedOnly: true, maxScore: 0, sort: 'slowest_response' as const, page: 2, pageSize: 50 };
    expect(filtersFromParams(new URLSearchParams(filtersToParams(filters)))).toEqual(filters);
  });

  it('sends flagged=true only when asked, never flagged=false (that would hide the flagged ones)', () => {
    expect(filtersToQuery({ isFlaggedOnly: true, sort: 'newest', page: 1, pageSize: 20 })).toEqual({ flagged: 'true', sort: 'newest', page: 1, pageSize: 20 });
    expect(filtersToQuery({ isFlaggedOnly: false, sort: 'newest', page: 1, pageSize: 20 })).not.toHaveProperty('flagged');
  });

  it('goes back to page 1 when a filter changes, and clears emptied ones', () => {
    expect(changeFilters({ shop: 'A', isFlaggedOnly: false, sort: 'newest', page: 4, pageSize: 20 }, { shop: '', maxScore: 60 })).toEqual({ isFlaggedOnly: false, sort: 'newest', page: 1, pageSize: 20, maxScore: 60 });
  });
});

describe('parseRejectReason', () => {
  it.each([
    { whenInputIs: 'empty text in column 消息内容', expectedOutputIs: { key: 'emptyText', column: '消息内容' } },
    { whenInputIs: 'unreadable time "昨天下午" in column 时间', expectedOutputIs: { key: 'unreadableTime', column: '时间', value: '昨天下午' } },
    { whenInputIs: 'unknown role "小蜜" in column 发送方', expectedOutputIs: { key: 'unknownRole', column: '发送方', value: '小蜜' } },
    { whenInputIs: 'missing conversation id in column 会话ID', expectedOutputIs: { key: 'missingConversationId', column: '会话ID' } },
    { whenInputIs: 'text longer than 20,000 characters in column content', expectedOutputIs: { key: 'tooLongText', column: 'content' } },
    { whenInputIs: 'empty role in column from', expectedOutputIs: { key: 'emptyRole', column: 'from' } },
    { whenInputIs: 'Unexpected token } in JSON at position 12', expectedOutputIs: null },
  ])('$whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(parseRejectReason(whenInputIs)).toEqual(expectedOutputIs);
  });
});
