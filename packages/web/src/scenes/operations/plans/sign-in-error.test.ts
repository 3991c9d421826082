import { describe, expect, it } from 'vitest';
import { AppError } from '../../../api/client';
import { signInProblem } from './sign-in-error';

const NOW = Date.parse('2026-03-12T06:00:00Z');
const window = (opensAt: string, closesAt: string) => [
  { path: 'opensAt', message: opensAt },
  { path: 'closesAt', message: closesAt },
];

describe('signInProblem', () => {
  const cases = [
    { whenInputIs: new AppError('BAD_REQUEST', '签到码不正确', { status: 400, issues: [{ path: 'code', message: '签到码不正确' }] }), expectedOutputIs: { kind: 'wrongCode' } },
    { whenInputIs: new AppError('CONFLICT', '签到尚未开始', { status: 409, issues: window('2026-03-12T07:30:00Z', '2026-03-12T10:00:00Z') }), expectedOutputIs: { kind: 'notYet', opensAt: '2026-03-12T07:30:00Z' } },
    { whenInputIs: new AppError('CONFLICT', '签到已截止', { status: 409, issues: window('2026-03-12T01:30:00Z', '2026-03-12T04:00:00Z') }), expectedOutputIs: { kind: 'closed', closesAt: '2026-03-12T04:00:00Z' } },
    { whenInputIs: new AppError('CONFLICT', '讲师还没有开始签到', { status: 409, issues: window('2026-03-12T05:30:00Z', '2026-03-12T08:00:00Z') }), expectedOutputIs: { kind: 'notStarted' } },
    { whenInputIs: new AppError('CONFLICT', '已结束', { status: 409 }), expectedOutputIs: { kind: 'ended' } },
    { whenInputIs: new AppError('FORBIDDEN', '不在名单上', { status: 403 }), expectedOutputIs: { kind: 'notEnrolled' } },
    { whenInputIs: new AppError('NOT_FOUND', '找不到', { status: 404 }), expectedOutputIs: { kind: 'notFound' } },
    { whenInputIs: new TypeError('Failed to fetch'), expectedOutputIs: { kind: 'other' } },
  ];
  for (const { whenInputIs, expectedOutputIs } of cases) {
    it(`${whenInputIs.message} -> ${expectedOutputIs.kind}`, () => {
      expect(signInProblem(whenInputIs, NOW)).toEqual(expectedOutputIs);
    });
  }
});
