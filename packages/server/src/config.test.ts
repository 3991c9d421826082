import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it.each([
    { whenEnvIs: {}, expected: { port: 3000, databaseUrl: undefined, seedDemo: true } },
    { whenEnvIs: { PORT: '8080', SEED_DEMO: 'false' }, expected: { port: 8080, seedDemo: false } },
    { whenEnvIs: { DATABASE_URL: '' }, expected: { databaseUrl: undefined } },
    { whenEnvIs: { DATABASE_URL: 'postgres://u:p@db:5432/cd' }, expected: { databaseUrl: 'postgres://u:p@db:5432/cd' } },
  ])('reads $whenEnvIs', ({ whenEnvIs, expected }) => {
    expect(loadConfig(whenEnvIs)).toMatchObject(expected);
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must start with postgres:\/\/[\s\S]*LOG_LEVEL/,
    );
  });

  it('resolves DATA_DIR to an absolute path', () => {
    expect(loadConfig({ DATA_DIR: 'rel/data' }).dataDir).toMatch(/^\/.*rel\/data$/);
  });
});
