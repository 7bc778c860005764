// Directory sign-in against the real OpenLDAP slapd that .ci/ldap/start runs (StartTLS and LDAPS, its own CA).
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { users } from '../../db/schema.ts';
import { createTestApp, testAppConfig, type TestApp } from '../../../test/harness.ts';
import {
  openTestDirectory,
  testLdapConfig,
  testLdapsUrl,
  testLdapUrl,
  type TestDirectory,
} from '../../../test/test-directory.ts';

if (!testLdapUrl) {
  const reason = 'needs a test slapd: TEST_LDAP_URL is unset (run .ci/ldap/start, or .ci/run)';
  console.warn(`directory sign-in tests skipped: ${reason}`);
  describe('directory sign-in (LDAP)', () => {
    it.skip(reason, () => {});
  });
} else {
  let t: TestApp;
  let directory: TestDirectory;
  beforeAll(async () => {
    directory = await openTestDirectory();
    t = await createTestApp({ ldap: testLdapConfig() });
  });
  afterAll(async () => {
    await t?.close();
    await directory?.close();
  });

  const login = (email: string, password: string, app = t.app, extra: object = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...extra } });
  const as = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.anonymous({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload && { payload }) });
  async function signIn(email: string, password: string) {
    const res = await login(email, password);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ access_token: string; refresh_token: string }>();
  }
  const me = async (token: string) => (await as(token, 'GET', '/api/v1/auth/me')).json();
  const accountOf = async (email: string) =>
    (await t.database.db.select().from(users).where(eq(users.email, email)))[0];
  /** Another app on the same database with other directory settings. */
  async function appWith(ldap: ReturnType<typeof testLdapConfig>) {
    const app = await buildApp({ ...testAppConfig, ldap }, t.database);
    await app.ready();
    return app;
  }

  describe('directory sign-in (LDAP)', () => {
    it('signs in by bind with the uid or the email, and provisions the account with the mapped role', async () => {
      const { access_token } = await signIn('alice', 'alice-directory-pass');
      expect(await me(access_token)).toMatchObject({
        email: 'alice@example.test',
        display_name: 'Alice Admin',
        role: 'admin',
        source: 'ldap',
        is_active: true,
      });
      const again = await signIn('Alice@Example.test', 'alice-directory-pass');
      expect((await me(again.access_token)).id).toBe((await me(access_token)).id);
      expect((await me((await signIn('tom', 'tom-directory-pass')).access_token)).role).toBe('technician');
      expect((await me((await signIn('emma', 'emma-directory-pass')).access_token)).role).toBe('employee');
      // Local accounts sign in as before (the harness's admin did), and the user list says where each is from.
      const list = await t.request({ method: 'GET', url: '/api/v1/users' });
      const sources = Object.fromEntries(
        list.json().data.map((u: { email: string; source: string }) => [u.email, u.source]),
      );
      expect(sources).toMatchObject({ 'admin@example.com': 'local', 'alice@example.test': 'ldap' });
    });

    it('answers a wrong password exactly as an unknown user, and locks the account after repeated failures', async () => {
      const person = await directory.addPerson(['staff']);
      await signIn(person.uid, person.password);
      const wrong = await login(person.uid, 'not the password');
      const unknown = await login('nobody-here', 'not the password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      for (let i = 0; i < 4; i++) expect((await login(person.email, 'still wrong')).statusCode).toBe(401);
      const locked = await login(person.uid, person.password);
      expect(locked.statusCode).toBe(423);

      // The answers are alike; the audit log tells the failures apart.
      const audit = await t.request({
        method: 'GET',
        url: '/api/v1/audit?action=auth.sign_in_failed&limit=500',
      });
      const reasons = audit.json<{ data: { actor_label: string; after: { reason: string } }[] }>().data;
      expect(reasons).toContainEqual(
        expect.objectContaining({
          actor_label: 'nobody-here',
          after: { reason: 'not in the directory', directory: true },
        }),
      );
      expect(reasons.filter((r) => r.after.reason === 'wrong directory password')).toHaveLength(5);
    });

    it('follows group changes: the next sign-in gets the new role and ends the old sessions', async () => {
      const person = await directory.addPerson(['techs']);
      const first = await signIn(person.uid, person.password);
      expect((await me(first.access_token)).role).toBe('technician');
      await directory.setGroups(person, ['techs'], ['staff']);
      const second = await signIn(person.uid, person.password);
      expect((await me(second.access_token)).role).toBe('employee');
      expect((await as(first.access_token, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    });

    it('refuses a disabled person, deactivating their account and its live token', async () => {
      const dave = await login('dave', 'dave-directory-pass');
      expect(dave.statusCode).toBe(401);
      expect(dave.json()).toEqual((await login('nobody-here', 'dave-directory-pass')).json());

      const person = await directory.addPerson(['staff']);
      const { access_token } = await signIn(person.uid, person.password);
      await directory.disable(person);
      expect((await login(person.uid, person.password)).statusCode).toBe(401);
      expect((await as(access_token, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
      expect((await accountOf(person.email))?.is_active).toBe(false);
    });

    it('checks the directory again at every refresh: a person removed there cannot refresh', async () => {
      const person = await directory.addPerson(['staff']);
      const { access_token, refresh_token } = await signIn(person.uid, person.password);
      const refreshed = await t.anonymous({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refresh_token },
      });
      expect(refreshed.statusCode).toBe(200);
      await directory.remove(person);
      const again = await t.anonymous({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refresh_token: refreshed.json().refresh_token },
      });
      expect(again.statusCode).toBe(401);
      expect((await as(access_token, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
      expect((await accountOf(person.email))?.is_active).toBe(false);
    });

    it('refuses a person in no mapped group without provisioning, unless a default role is configured', async () => {
      const refused = await login('nora', 'nora-directory-pass');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toMatch(/no group that has access/);
      expect(await accountOf('nora@example.test')).toBeUndefined();

      const withDefault = await appWith(testLdapConfig({ LDAP_DEFAULT_ROLE: 'auditor' }));
      const res = await login('nora', 'nora-directory-pass', withDefault);
      await withDefault.close();
      expect(res.statusCode, res.body).toBe(200);
      expect((await accountOf('nora@example.test'))?.role).toBe('auditor');
    });

    it('escapes the sign-in name in the filter: wildcards and filter syntax match nobody', async () => {
      for (const name of ['al*', '*)(uid=*', 'alice)(|(uid=*', '*', 'ali\\2a']) {
        expect((await login(name, 'alice-directory-pass')).statusCode, name).toBe(401);
      }
    });

    it('answers 503 when the directory is down or refuses the service account, and counts no failure', async () => {
      await signIn('tom', 'tom-directory-pass');
      const down = await appWith(testLdapConfig({ LDAP_URL: 'ldap://127.0.0.1:1', LDAP_TIMEOUT_MS: '2000' }));
      const badAccount = await appWith(testLdapConfig({ LDAP_BIND_PASSWORD: 'wrong' }));
      try {
        for (let i = 0; i < 6; i++) {
          const res = await login('tom@example.test', 'whatever it is', down);
          expect(res.statusCode).toBe(503);
          expect(res.json()).toMatchObject({ type: '/problems/directory-unavailable', status: 503 });
        }
        expect((await login('tom', 'tom-directory-pass', badAccount)).statusCode).toBe(503);
      } finally {
        await down.close();
        await badAccount.close();
      }
      expect((await accountOf('tom@example.test'))?.failed_sign_ins).toBe(0);
      await signIn('tom', 'tom-directory-pass');
    });

    it('never lets a directory account use a local password', async () => {
      const person = await directory.addPerson(['staff']);
      const { access_token } = await signIn(person.uid, person.password);
      const { id, version } = await me(access_token);
      const set = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { password: 'a local passphrase 123' },
      });
      expect(set.statusCode).toBe(422);
      expect(set.json().errors).toEqual([{ field: 'password', message: expect.stringMatching(/directory/) }]);
      const own = await as(access_token, 'PATCH', '/api/v1/auth/me', { password: 'a local passphrase 123' });
      expect(own.statusCode).toBe(422);
      // Even a hash written behind the API's back is never consulted.
      await t.database.db
        .update(users)
        .set({ password_hash: await hash('a local passphrase 123') })
        .where(eq(users.id, id));
      expect((await login(person.email, 'a local passphrase 123')).statusCode).toBe(401);
    });

    it('still asks for the second factor after the bind', async () => {
      const person = await directory.addPerson(['staff']);
      const { access_token } = await signIn(person.uid, person.password);
      const enrol = await as(access_token, 'POST', '/api/v1/auth/mfa/enrol');
      const secret = new URL(enrol.json().otpauth_uri).searchParams.get('secret')!;
      const confirm = await as(access_token, 'POST', '/api/v1/auth/mfa/confirm', {
        totp: await generate({ secret }),
      });
      expect(confirm.statusCode).toBe(200);
      const withoutCode = await login(person.uid, person.password);
      expect(withoutCode.statusCode).toBe(401);
      expect(withoutCode.json().type).toBe('/problems/mfa-required');
      const code = confirm.json().recovery_codes[0];
      expect((await login(person.uid, person.password, t.app, { recovery_code: code })).statusCode).toBe(200);
      // Switching it off takes the directory password.
      const wrong = await as(access_token, 'POST', '/api/v1/auth/mfa/disable', { password: 'not it' });
      expect(wrong.statusCode).toBe(422);
      const off = await as(access_token, 'POST', '/api/v1/auth/mfa/disable', { password: person.password });
      expect(off.statusCode).toBe(204);
      expect((await login(person.uid, person.password)).statusCode).toBe(200);
    });

    it.skipIf(!testLdapsUrl)('signs in over LDAPS, and refuses a certificate it cannot verify', async () => {
      const ldaps = await appWith(testLdapConfig({ LDAP_URL: testLdapsUrl!, LDAP_STARTTLS: 'false' }));
      const unverified = await appWith(
        testLdapConfig({ LDAP_URL: testLdapsUrl!, LDAP_STARTTLS: 'false', LDAP_CA_FILE: '' }),
      );
      try {
        expect((await login('emma', 'emma-directory-pass', ldaps)).statusCode).toBe(200);
        expect((await login('emma', 'emma-directory-pass', unverified)).statusCode).toBe(503);
      } finally {
        await ldaps.close();
        await unverified.close();
      }
    });
  });
}
