import { describe, expect, it } from 'vitest';
import { issuerAddressProblem, readConfig } from './config';

describe('the issuer address a server signs into certificates', () => {
  const problem = (env: Record<string, string>) => issuerAddressProblem(readConfig(env));

  it('warns about the localhost default on a server only this machine reaches', () => {
    expect(problem({})).toMatchObject({ refuse: false });
    expect(problem({ NODE_ENV: 'production' })).toMatchObject({ refuse: false });
  });

  it('refuses it in production on a server others reach', () => {
    const found = problem({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(found).toMatchObject({ refuse: true });
    expect(found?.message).toContain('ISSUER_URL');
    expect(
      problem({ NODE_ENV: 'production', HOST: '0.0.0.0', ISSUER_URL: 'http://127.0.0.1:8080' }),
    ).toMatchObject({ refuse: true });
  });

  it('says nothing about a public address', () => {
    expect(
      problem({ NODE_ENV: 'production', HOST: '0.0.0.0', ISSUER_URL: 'https://hocso.vn' }),
    ).toBeNull();
  });

  it('reads TRUST_PROXY as a switch, a hop count or addresses', () => {
    expect(readConfig({}).TRUST_PROXY).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(readConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY).toBe('10.0.0.0/8');
  });
});
