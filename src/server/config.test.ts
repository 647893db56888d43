import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** The problems a ConfigError lists for an environment (always a given one, never the real one). */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: undefined,
      keyFile: join(resolve('./data'), 'sanad.key'),
      trustProxy: false,
      demo: undefined,
      logLevel: 'info',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '', SANAD_DEMO: '' })).toMatchObject({ port: 8080, host: '127.0.0.1', demo: undefined });
  });

  it('puts the key file in the data dir unless SANAD_KEY_FILE names one', () => {
    expect(loadConfig({ SANAD_DATA_DIR: '/srv/sanad' }).keyFile).toBe('/srv/sanad/sanad.key');
    expect(loadConfig({ SANAD_DATA_DIR: '/srv/sanad', SANAD_KEY_FILE: '/etc/sanad/key' }).keyFile).toBe('/etc/sanad/key');
    expect(loadConfig({ SANAD_DATA_DIR: 'relative/dir' }).dataDir).toBe(resolve('relative/dir'));
  });

  it('reads the port as a number and accepts 0 (any free port)', () => {
    expect(loadConfig({ PORT: '3000' }).port).toBe(3000);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('refuses PORT=abc with a ConfigError that names PORT', () => {
    const problems = problemsOf({ PORT: 'abc' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: /);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Invalid configuration:\n {2}- PORT: /);
  });

  it('lists every problem at once, not only the first', () => {
    const problems = problemsOf({ PORT: '70000', SANAD_DEMO: 'maybe', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SANAD_DEMO']);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('parses SANAD_DEMO=%s as %s', (value, expected) => {
    expect(loadConfig({ SANAD_DEMO: value }).demo).toBe(expected);
  });

  it('leaves SANAD_DEMO undecided when unset (first-run rules apply) and refuses other words', () => {
    expect(loadConfig({}).demo).toBeUndefined();
    expect(problemsOf({ SANAD_DEMO: 'TRUE' })).toEqual(['SANAD_DEMO: must be true or false']);
  });

  it('parses SANAD_TRUST_PROXY like the other flags', () => {
    expect(loadConfig({ SANAD_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ SANAD_TRUST_PROXY: 'no' }).trustProxy).toBe(false);
  });

  it('accepts postgres:// and postgresql:// URLs for DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe('postgresql://u@h/db');
  });
});
