import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      email: 'roamer@example.com',
      display_name: 'Roamer',
      password: 'a sound passphrase 42',
      role: 'employee',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

async function signInFrom(userAgent: string) {
  const res = await t.anonymous({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'roamer@example.com', password: 'a sound passphrase 42' },
    headers: { 'user-agent': userAgent },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ access_token: string; refresh_token: string }>();
}

const as = (token: string, method: 'GET' | 'DELETE', url: string) =>
  t.anonymous({ method, url, headers: { authorization: `Bearer ${token}` } });

const refresh = (refreshToken: string) =>
  t.anonymous({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: refreshToken } });

describe('my sessions', () => {
  it('lists each signed-in device, and signs one out without touching the others', async () => {
    const laptop = await signInFrom('Laptop browser');
    const phone = await signInFrom('Phone browser');

    const listed = await as(laptop.access_token, 'GET', '/api/v1/auth/sessions');
    expect(listed.statusCode, listed.body).toBe(200);
    const sessions = listed.json<{ data: { id: string; user_agent: string }[] }>().data;
    expect(sessions.map((s) => s.user_agent).sort()).toEqual(['Laptop browser', 'Phone browser']);
    expect(listed.body).not.toMatch(/token|hash/);

    const phoneSession = sessions.find((s) => s.user_agent === 'Phone browser')!;
    expect(
      (await as(laptop.access_token, 'DELETE', `/api/v1/auth/sessions/${phoneSession.id}`)).statusCode,
    ).toBe(204);
    expect((await refresh(phone.refresh_token)).statusCode).toBe(401);
    expect((await refresh(laptop.refresh_token)).statusCode).toBe(200);

    const [event] = (
      await t.request({ method: 'GET', url: '/api/v1/audit?action=auth.session_ended' })
    ).json<{ data: { after: unknown }[] }>().data;
    expect(event?.after).toEqual({ session: phoneSession.id });
  });

  it("cannot end someone else's session, or one that does not exist", async () => {
    const mine = await signInFrom('Tablet');
    const [own] = (await as(mine.access_token, 'GET', '/api/v1/auth/sessions')).json<{
      data: { id: string }[];
    }>().data;
    const adminSessions = await t.request({ method: 'GET', url: '/api/v1/auth/sessions' });
    const [adminSession] = adminSessions.json<{ data: { id: string }[] }>().data;
    expect(
      (await as(mine.access_token, 'DELETE', `/api/v1/auth/sessions/${adminSession!.id}`)).statusCode,
    ).toBe(404);
    expect(own).toBeDefined();
    const bad = await as(mine.access_token, 'DELETE', '/api/v1/auth/sessions/not-a-session');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('session_id');
  });

  it('signs every device out at once, live access tokens included', async () => {
    const one = await signInFrom('One');
    const two = await signInFrom('Two');
    expect((await as(one.access_token, 'DELETE', '/api/v1/auth/sessions')).statusCode).toBe(204);
    expect((await as(two.access_token, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await refresh(two.refresh_token)).statusCode).toBe(401);
  });
});
