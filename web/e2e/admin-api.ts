// Test data straight through the API as the admin: signs in once, then sends each request with the admin's token
// and fails the test, naming the path and the answer, when the API refuses.
import assert from 'node:assert/strict';
import { adminEmail, adminPassword } from './server.ts';

export interface Created {
  id: number;
  version: number;
}

export interface AdminApi {
  send<Answer = Created>(method: string, path: string, body?: unknown): Promise<Answer>;
  post(path: string, body: unknown): Promise<Created>;
}

export async function adminApi(baseUrl: string): Promise<AdminApi> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const send = async <Answer = Created>(method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as Answer;
  };
  return { send, post: (path, body) => send('POST', path, body) };
}
