import { ERROR_CODES } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';
import { ALL_ERROR_CODES, AppError, buildUrl, describeError, errorMessageKey, issueField } from './client';

describe('AppError.fromResponse', () => {
  it('keeps the code, issues and request id of a well-formed error body', () => {
    const err = AppError.fromResponse(400, {
      error: { code: 'VALIDATION_FAILED', message: 'bad', issues: [{ path: 'login', message: 'too short' }], requestId: 'r-1' },
    });
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.status).toBe(400);
    expect(err.issues).toEqual([{ path: 'login', message: 'too short' }]);
    expect(err.requestId).toBe('r-1');
  });

  it.each([
    { whenStatusIs: 401, expected: 'UNAUTHENTICATED' },
    { whenStatusIs: 403, expected: 'FORBIDDEN' },
    { whenStatusIs: 404, expected: 'NOT_FOUND' },
    { whenStatusIs: 409, expected: 'CONFLICT' },
    { whenStatusIs: 429, expected: 'RATE_LIMITED' },
    { whenStatusIs: 502, expected: 'INTERNAL' },
    { whenStatusIs: 418, expected: 'UNKNOWN' },
  ])('falls back to the status when the body names no code ($whenStatusIs → $expected)', ({ whenStatusIs, expected }) => {
    expect(AppError.fromResponse(whenStatusIs, '<html>proxy error</html>').code).toBe(expected);
  });

  it('ignores a code it does not know and uses the status instead', () => {
    expect(AppError.fromResponse(403, { error: { code: 'SOMETHING_NEW', message: 'x' } }).code).toBe('FORBIDDEN');
  });

  it('reads Retry-After as seconds', () => {
    expect(AppError.fromResponse(429, { error: { code: 'ACCOUNT_LOCKED', message: 'x' } }, '600').retryAfterSeconds).toBe(600);
    expect(AppError.fromResponse(429, {}, 'soon').retryAfterSeconds).toBeUndefined();
  });
});

describe('AppError.parseError', () => {
  it('keeps an AppError as it is', () => {
    const err = new AppError('CONFLICT', 'taken', { status: 409 });
    expect(AppError.parseError(err)).toBe(err);
  });

  it('treats a fetch TypeError as a network failure', () => {
    expect(AppError.parseError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });

  it('turns anything else into UNKNOWN', () => {
    expect(AppError.parseError(new Error('boom')).code).toBe('UNKNOWN');
    expect(AppError.parseError('boom').code).toBe('UNKNOWN');
  });
});

describe('error messages', () => {
  it.each([
    { whenCodeIs: 'INVALID_CREDENTIALS', zh: '账号或密码不正确。' },
    { whenCodeIs: 'WRONG_PASSWORD', zh: '当前密码不正确。' },
  ] as const)('maps $whenCodeIs to its sentence', ({ whenCodeIs, zh }) => {
    const key = errorMessageKey(new AppError(whenCodeIs, 'x'));
    expect(key).toBe(`errors.${whenCodeIs}`);
    expect(zhCN.errors[whenCodeIs]).toBe(zh);
  });

  it('has a Chinese and an English sentence for every code the server or client can produce', () => {
    expect(ALL_ERROR_CODES).toEqual(expect.arrayContaining([...ERROR_CODES]));
    for (const code of ALL_ERROR_CODES) {
      expect(zhCN.errors[code], `zh-CN errors.${code}`).toMatch(/\S/);
      expect(en.errors[code], `en errors.${code}`).toMatch(/\S/);
      expect(zhCN.errors[code], `zh-CN errors.${code} should differ from English`).not.toBe(en.errors[code]);
    }
  });

  it('says how long to wait when a lockout names its duration, rounding up to whole minutes', () => {
    const locked = AppError.fromResponse(429, { error: { code: 'ACCOUNT_LOCKED', message: 'locked' } }, '61');
    expect(describeError(locked)).toEqual({ key: 'errors.ACCOUNT_LOCKED', retryAfterMinutes: 2 });
  });

  it('offers the request id only for server faults', () => {
    const internal = AppError.fromResponse(500, { error: { code: 'INTERNAL', message: 'x', requestId: 'req-9' } });
    expect(describeError(internal)).toEqual({ key: 'errors.INTERNAL', requestId: 'req-9' });
    const notFound = AppError.fromResponse(404, { error: { code: 'NOT_FOUND', message: 'x', requestId: 'req-9' } });
    expect(describeError(notFound)).toEqual({ key: 'errors.NOT_FOUND' });
  });
});

describe('buildUrl', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(buildUrl('/api/admin/users', { q: '张 三', role: undefined, teamId: '', page: 2 })).toBe(
      '/api/admin/users?q=%E5%BC%A0+%E4%B8%89&page=2',
    );
    expect(buildUrl('/api/teams', {})).toBe('/api/teams');
  });
});

describe('issueField', () => {
  it.each([
    { whenPathIs: 'body.login', expected: 'login' },
    { whenPathIs: 'body.roles.0', expected: 'roles' },
    { whenPathIs: '/teamIds/2', expected: 'teamIds' },
    { whenPathIs: 'displayName', expected: 'displayName' },
    { whenPathIs: 'body', expected: '' },
    { whenPathIs: '', expected: '' },
  ])('finds the form field of "$whenPathIs"', ({ whenPathIs, expected }) => {
    expect(issueField(whenPathIs)).toBe(expected);
  });
});
