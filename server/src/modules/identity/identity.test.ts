import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { createTestApp, onPostgres, signInAs, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const login = (email: string, password: string) =>
  t.anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

async function makeUser(role: string, email: string, password = 'a sound passphrase 42') {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, display_name: email, password, role },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number }>();
}

describe('signing in', () => {
  it('answers 401 to every API route without a token, and lets public ones through', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/api/v1/items' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer, ApiKey');
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await t.anonymous({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('signs in, calls the API with the access token, and never returns the password hash', async () => {
    await makeUser('technician', 'tech@example.com');
    const res = await login('Tech@Example.com', 'a sound passphrase 42');
    expect(res.statusCode, res.body).toBe(200);
    const pair = res.json();
    expect(pair).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    const me = await t.anonymous({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${pair.access_token}` },
    });
    expect(me.json()).toMatchObject({ email: 'tech@example.com', role: 'technician' });
    expect(me.body).not.toMatch(/password|argon2/);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    await makeUser('employee', 'same@example.com');
    const wrong = await login('same@example.com', 'not the password');
    const unknown = await login('nobody@example.com', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks the account after repeated failures, without saying whether it exists', async () => {
    await makeUser('employee', 'locked@example.com');
    for (let i = 0; i < 5; i++)
      expect((await login('locked@example.com', 'wrong password!')).statusCode).toBe(401);
    const locked = await login('locked@example.com', 'a sound passphrase 42');
    expect(locked.statusCode).toBe(423);
  }, 30_000);

  it('refuses tokens that are forged, unsigned, expired or for another audience', async () => {
    const { jwt } = await import('../../../test/tokens.ts');
    const forged = [jwt.unsigned(), await jwt.otherKey(), await jwt.expired(), 'not-a-jwt'];
    for (const token of forged) {
      const res = await t.anonymous({
        method: 'GET',
        url: '/api/v1/items',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode, token.slice(0, 20)).toBe(401);
    }
  });
});

describe('refresh tokens', () => {
  it('rotates on every refresh, and a reused one ends the whole family', async () => {
    await makeUser('employee', 'rotate@example.com');
    const first = (await login('rotate@example.com', 'a sound passphrase 42')).json();
    const refresh = (token: string) =>
      t.anonymous({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: token } });
    const second = await refresh(first.refresh_token);
    expect(second.statusCode).toBe(200);
    const secondPair = second.json();
    expect(secondPair.refresh_token).not.toBe(first.refresh_token);

    const replay = await refresh(first.refresh_token);
    expect(replay.statusCode).toBe(401);
    // The thief's replay also ended the legitimate holder's newer token.
    expect((await refresh(secondPair.refresh_token)).statusCode).toBe(401);
  });

  it('signs out: the refresh token stops working', async () => {
    await makeUser('employee', 'out@example.com');
    const pair = (await login('out@example.com', 'a sound passphrase 42')).json();
    expect(
      (
        await t.anonymous({
          method: 'POST',
          url: '/api/v1/auth/logout',
          payload: { refresh_token: pair.refresh_token },
        })
      ).statusCode,
    ).toBe(204);
    const res = await t.anonymous({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: pair.refresh_token },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('administering users', () => {
  it.each([
    [
      'an invalid email',
      { email: 'not-an-email', display_name: 'X', password: 'a sound passphrase 42' },
      400,
      'email',
    ],
    [
      'an unknown role',
      { email: 'r@example.com', display_name: 'X', password: 'a sound passphrase 42', role: 'root' },
      400,
      'role',
    ],
    ['a missing name', { email: 'n@example.com', password: 'a sound passphrase 42' }, 400, 'display_name'],
    [
      'an unknown field',
      { email: 'u@example.com', display_name: 'X', password: 'a sound passphrase 42', is_admin: true },
      400,
      'is_admin',
    ],
    [
      'a scope location that does not exist',
      {
        email: 's@example.com',
        display_name: 'X',
        password: 'a sound passphrase 42',
        location_scope_id: 424242,
      },
      422,
      'location_scope_id',
    ],
  ])('refuses a user with %s, naming the field', async (_case, payload, status, field) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/users', payload });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a duplicate email whatever its case, an unknown id, and a stale version', async () => {
    const user = await makeUser('employee', 'twice@example.com');
    const dup = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'TWICE@example.com', display_name: 'X', password: 'a sound passphrase 42' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('email');
    expect((await t.request({ method: 'GET', url: '/api/v1/users/424242' })).statusCode).toBe(404);
    const patch = (version: number) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { display_name: 'Renamed' },
      });
    expect((await patch(user.version)).statusCode).toBe(200);
    expect((await patch(user.version)).statusCode).toBe(412);
  });

  it('refuses a weak password naming the field', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'weak@example.com', display_name: 'W', password: 'aaaaaaaaaaaa' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('password');
  });

  it('ends a deactivated user’s live access token at once', async () => {
    const user = await makeUser('technician', 'leaver@example.com');
    const token = await signInAs(t, 'leaver@example.com', 'a sound passphrase 42');
    const asLeaver = { authorization: `Bearer ${token}` };
    expect((await t.anonymous({ method: 'GET', url: '/api/v1/items', headers: asLeaver })).statusCode).toBe(
      200,
    );
    const off = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { is_active: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await t.anonymous({ method: 'GET', url: '/api/v1/items', headers: asLeaver })).statusCode).toBe(
      401,
    );
    expect((await login('leaver@example.com', 'a sound passphrase 42')).statusCode).toBe(401);
  });

  it('ends a live token within two seconds when the account is switched off outside this server', async () => {
    await makeUser('technician', 'elsewhere@example.com');
    const token = await signInAs(t, 'elsewhere@example.com', 'a sound passphrase 42');
    const asThem = { authorization: `Bearer ${token}` };
    const items = () => t.anonymous({ method: 'GET', url: '/api/v1/items', headers: asThem });
    expect((await items()).statusCode).toBe(200);
    // Another replica, or SQL: this server hears of it only by looking the user up again.
    await t.database.db
      .update(users)
      .set({ is_active: false })
      .where(eq(users.email, 'elsewhere@example.com'));
    const offAt = Date.now();
    while ((await items()).statusCode === 200) {
      expect(Date.now() - offAt).toBeLessThan(3_000);
      await sleep(100);
    }
    expect((await items()).statusCode).toBe(401);
  });

  it('ends every session of a user on request', async () => {
    const user = await makeUser('auditor', 'revoked@example.com');
    const token = await signInAs(t, 'revoked@example.com', 'a sound passphrase 42');
    expect(
      (await t.request({ method: 'POST', url: `/api/v1/users/${user.id}/sessions/revoke` })).statusCode,
    ).toBe(204);
    expect(
      (
        await t.anonymous({
          method: 'GET',
          url: '/api/v1/items',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses fields a user may not set on themselves, with 403 naming them', async () => {
    await makeUser('employee', 'climber@example.com');
    const token = await signInAs(t, 'climber@example.com', 'a sound passphrase 42');
    const res = await t.anonymous({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
      payload: { role: 'admin', display_name: 'Climber' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toEqual([{ field: 'role', message: 'cannot be changed by yourself' }]);
    const me = await t.anonymous({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ role: 'employee', display_name: 'climber@example.com' });
  });

  it('does not let an admin demote or deactivate themselves', async () => {
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me' })).json();
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${me.id}`,
      payload: { role: 'employee' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe.runIf(onPostgres)('under real concurrency (PostgreSQL)', () => {
  it('lets only one of two simultaneous refreshes with the same token through', async () => {
    await makeUser('employee', 'race@example.com');
    const pair = (await login('race@example.com', 'a sound passphrase 42')).json();
    const results = await Promise.all(
      [1, 2].map(() =>
        t.anonymous({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          payload: { refresh_token: pair.refresh_token },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });
});
