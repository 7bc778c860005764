import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let token: string;
const email = 'mfa@example.com';
const password = 'second factor passphrase 7';

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, display_name: 'M', password },
  });
  expect(res.statusCode).toBe(201);
  token = await signInAs(t, email, password);
});
afterAll(async () => {
  await t?.close();
});

const asUser = (url: string, payload?: object) =>
  t.anonymous({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload && { payload }),
  });
const login = (extra: object = {}) =>
  t.anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...extra } });
const secretOf = (uri: string) => new URL(uri).searchParams.get('secret')!;

describe('two-factor sign-in (TOTP)', () => {
  let secret: string;
  let confirmationCode: string;
  let recoveryCodes: string[];

  it('enrols with an otpauth URI and a QR code, and switches on only with a valid code', async () => {
    const enrol = await asUser('/api/v1/auth/mfa/enrol');
    expect(enrol.statusCode).toBe(200);
    const { otpauth_uri, qr_code_svg } = enrol.json();
    expect(otpauth_uri).toMatch(/^otpauth:\/\/totp\/.*mfa%40example\.com/);
    expect(qr_code_svg).toContain('<svg');
    secret = secretOf(otpauth_uri);

    const wrong = await asUser('/api/v1/auth/mfa/confirm', { totp: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('totp');
    // Until confirmed, sign-in needs no code.
    expect((await login()).statusCode).toBe(200);

    confirmationCode = await generate({ secret });
    const confirmed = await asUser('/api/v1/auth/mfa/confirm', { totp: confirmationCode });
    expect(confirmed.statusCode).toBe(200);
    recoveryCodes = confirmed.json().recovery_codes;
    expect(recoveryCodes).toHaveLength(10);
    const me = await t.anonymous({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().mfa_enabled).toBe(true);
    expect(me.body).not.toContain(secret);
  });

  it('asks for the second factor, refuses a wrong one, and refuses a code used twice', async () => {
    const missing = await login();
    expect(missing.statusCode).toBe(401);
    expect(missing.json().type).toBe('/problems/mfa-required');
    expect((await login({ totp: '123456' })).statusCode).toBe(401);
    // The code the confirmation used is spent: replaying it is refused, while it is still inside its window.
    expect((await login({ totp: confirmationCode })).statusCode).toBe(401);
  });

  it('signs in with a current code', async () => {
    // A code from the next time step: newer than the spent one, and within the one-step tolerance.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect((await login({ totp: next })).statusCode).toBe(200);
  });

  it('accepts each recovery code once', async () => {
    expect((await login({ recovery_code: recoveryCodes[0] })).statusCode).toBe(200);
    expect((await login({ recovery_code: recoveryCodes[0] })).statusCode).toBe(401);
    expect((await login({ recovery_code: recoveryCodes[1] })).statusCode).toBe(200);
  });

  it('switches off only with the password', async () => {
    const wrong = await asUser('/api/v1/auth/mfa/disable', { password: 'not my password' });
    expect(wrong.statusCode).toBe(422);
    expect((await asUser('/api/v1/auth/mfa/disable', { password })).statusCode).toBe(204);
    expect((await login()).statusCode).toBe(200);
  });
});

describe('MFA required for chosen roles', () => {
  it('lets a user of such a role do nothing but enrol until MFA is on', async () => {
    const bad = await t.request({
      method: 'PUT',
      url: '/api/v1/security/mfa-required-roles',
      payload: { roles: ['wizard'] },
    });
    expect(bad.statusCode).toBe(400);
    const set = await t.request({
      method: 'PUT',
      url: '/api/v1/security/mfa-required-roles',
      payload: { roles: ['technician'] },
    });
    expect(set.json()).toEqual({ roles: ['technician'] });

    const tech = { email: 'fieldtech@example.com', password: 'field technician phrase 3' };
    await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...tech, display_name: 'T', role: 'technician' },
    });
    const techToken = await signInAs(t, tech.email, tech.password);
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.anonymous({
        method,
        url,
        headers: { authorization: `Bearer ${techToken}` },
        ...(payload && { payload }),
      });

    const blocked = await as('GET', '/api/v1/items');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toContain('two-factor');
    expect((await as('GET', '/api/v1/auth/me')).statusCode).toBe(200);

    const { otpauth_uri } = (await as('POST', '/api/v1/auth/mfa/enrol')).json();
    const confirmed = await as('POST', '/api/v1/auth/mfa/confirm', {
      totp: await generate({ secret: secretOf(otpauth_uri) }),
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await as('GET', '/api/v1/items')).statusCode).toBe(200);

    // Other roles are unaffected, and the admin can lift the requirement.
    expect((await t.request({ method: 'GET', url: '/api/v1/items' })).statusCode).toBe(200);
    const lifted = await t.request({
      method: 'PUT',
      url: '/api/v1/security/mfa-required-roles',
      payload: { roles: [] },
    });
    expect(lifted.json()).toEqual({ roles: [] });
  });
});
