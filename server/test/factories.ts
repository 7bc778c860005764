// Test data through the real API, one line per fixture: makeItem(t, { status: 'deployed' }).
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { signInAs, type TestApp } from './harness.ts';

let sequence = 0;
const next = () => `${process.pid}-${++sequence}`;

type Body = Record<string, unknown>;

async function create<T = Body & { id: number; version: number }>(
  t: TestApp,
  url: string,
  payload: Body,
): Promise<T> {
  const res = await t.request({ method: 'POST', url, payload });
  expect(res.statusCode, `POST ${url}: ${res.body}`).toBe(201);
  return res.json<T>();
}

export const makeLocation = (t: TestApp, overrides: Body = {}) =>
  create(t, '/api/v1/locations', { name: `Room ${next()}`, type: 'room', ...overrides });

export const makeCategory = (t: TestApp, overrides: Body = {}) =>
  create(t, '/api/v1/categories', { name: `Category ${next()}`, ...overrides });

export const makeSupplier = (t: TestApp, overrides: Body = {}) =>
  create(t, '/api/v1/suppliers', { name: `Supplier ${next()}`, ...overrides });

export const makeField = (t: TestApp, categoryId: number, overrides: Body = {}) =>
  create(t, `/api/v1/categories/${categoryId}/fields`, {
    name: `field_${sequence++}`,
    label: 'Field',
    field_type: 'text',
    ...overrides,
  });

export const makeItem = (t: TestApp, overrides: Body = {}) =>
  create(t, '/api/v1/items', { sku: `SKU-${next()}`, name: `Item ${next()}`, ...overrides });

export const testPassword = 'a sound passphrase 42';

/** A user of the role, signed in: `user.as(request)` sends the request with their token. */
export async function makeUser(t: TestApp, role: string, overrides: Body = {}) {
  const email = `${role}-${next()}@example.com`;
  const user = await create<{ id: number; email: string; display_name: string }>(t, '/api/v1/users', {
    email,
    display_name: `${role} ${next()}`,
    password: testPassword,
    role,
    ...overrides,
  });
  const token = await signInAs(t, email, testPassword);
  const as = (options: InjectOptions) =>
    t.anonymous({ ...options, headers: { authorization: `Bearer ${token}`, ...options.headers } });
  return { ...user, as };
}
