import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConnection } from '../../src/config/resolve.js';
import { openConfigStore } from '../../src/config/store.js';
import { parseOfficialCliConfig, parsePythonSdkConfig } from '../../src/commands/config/import.js';

const dir = () => join(mkdtempSync(join(tmpdir(), 'qarnot-unit-')), 'config');

describe('config store', () => {
  it('writes a 0600 file in a 0700 directory', async () => {
    const d = dir();
    const store = openConfigStore({ QARNOT_CONFIG_DIR: d });
    await store.saveProfile('default', { token: 'abc', apiUrl: 'http://x' });
    expect(statSync(d).mode & 0o777).toBe(0o700);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(openConfigStore({ QARNOT_CONFIG_DIR: d }).profile('default')).toEqual({ token: 'abc', apiUrl: 'http://x' });
  });

  it('names the file and the fix when it is corrupted', () => {
    const d = dir();
    mkdirSync(d, { mode: 0o700 });
    writeFileSync(join(d, 'config.json'), '{ not json');
    expect(() => openConfigStore({ QARNOT_CONFIG_DIR: d })).toThrow(new RegExp(`${join(d, 'config.json')}.*unreadable.*qarnot login`));
  });
});

describe('resolveConnection', () => {
  const store = async (d: string) => {
    const s = openConfigStore({ QARNOT_CONFIG_DIR: d });
    await s.saveProfile('default', { token: 'stored-default', apiUrl: 'http://stored-default' });
    await s.saveProfile('staging', { token: 'stored-staging', apiUrl: 'http://stored-staging' });
    return s;
  };

  it('prefers the environment over the active stored profile', async () => {
    const d = dir();
    const s = await store(d);
    const conn = await resolveConnection({ color: true }, { QARNOT_CLIENT_TOKEN: 'env-token' }, async () => s);
    expect(conn).toMatchObject({ token: 'env-token', apiUrl: 'http://stored-default', profile: 'default' });
  });

  it('an explicit --context beats the environment, and --api-url beats everything', async () => {
    const d = dir();
    const s = await store(d);
    const env = { QARNOT_CLIENT_TOKEN: 'env-token', QARNOT_CLUSTER_URL: 'http://env' };
    expect(await resolveConnection({ color: true, context: 'staging' }, env, async () => s)).toMatchObject({ token: 'stored-staging', apiUrl: 'http://stored-staging' });
    expect(await resolveConnection({ color: true, apiUrl: 'http://flag/' }, env, async () => s)).toMatchObject({ token: 'env-token', apiUrl: 'http://flag' });
  });

  it('does not read the config file when the environment says everything', async () => {
    const conn = await resolveConnection({ color: true }, { QARNOT_CLIENT_TOKEN: 't', QARNOT_CLUSTER_URL: 'http://e' }, async () => {
      throw new Error('config read');
    });
    expect(conn.apiUrl).toBe('http://e');
  });

  it('defaults to the public API and rejects a bad URL with the variable named', async () => {
    const s = openConfigStore({ QARNOT_CONFIG_DIR: dir() });
    expect((await resolveConnection({ color: true }, {}, async () => s)).apiUrl).toBe('https://api.qarnot.com');
    await expect(resolveConnection({ color: true }, { QARNOT_CLUSTER_URL: 'ftp://x' }, async () => s)).rejects.toThrow(/QARNOT_CLUSTER_URL must be an http/);
    await expect(resolveConnection({ color: true, context: 'nope' }, {}, async () => s)).rejects.toThrow(/no context named "nope"/);
  });
});

describe('config import parsers', () => {
  it('reads the official CLI key=value file', () => {
    expect(parseOfficialCliConfig('token=abc\nuri=https://api.qarnot.com\nstorage=https://storage.qarnot.com\n')).toEqual({ token: 'abc', apiUrl: 'https://api.qarnot.com', storageUrl: 'https://storage.qarnot.com' });
    expect(parseOfficialCliConfig('token=abc\naccount-email=me@example.com\n')).toEqual({ token: 'abc', apiUrl: undefined, accountEmail: 'me@example.com' });
    expect(parsePythonSdkConfig('[client]\ntoken=t\n[storage]\nurl=https://s3.example\n')).toEqual({ token: 't', apiUrl: undefined, storageUrl: 'https://s3.example' });
  });
  it('reads the Python SDK INI file', () => {
    expect(parsePythonSdkConfig('[cluster]\nurl=https://api.qarnot.com\n\n[client]\ntoken = xyz\n')).toEqual({ token: 'xyz', apiUrl: 'https://api.qarnot.com' });
    expect(parsePythonSdkConfig('[client]\nauth=old\n')).toEqual({ token: 'old', apiUrl: undefined });
  });
});
