// The typed API client (openapi-fetch over the generated schema): sends the bearer token, and on a 401 trades
// the refresh token for a new pair once (every tab and request sharing one refresh) and retries the request.
import createClient from 'openapi-fetch';
import { ApiError, toApiError } from './problem.ts';
import type { paths } from './schema.d.ts';
import { session, type Tokens } from './session.ts';

let refreshing: Promise<Tokens | null> | null = null;

async function refreshTokens(stale: Tokens): Promise<Tokens | null> {
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refresh_token: stale.refresh_token }),
  });
  // Another tab may have rotated the token first: its pair is in storage now.
  if (!response.ok) return session.get()?.refresh_token !== stale.refresh_token ? session.get() : null;
  const { access_token, refresh_token } = (await response.json()) as Tokens;
  return { access_token, refresh_token };
}

function refreshOnce(stale: Tokens): Promise<Tokens | null> {
  refreshing ??= refreshTokens(stale)
    .then((tokens) => {
      session.set(tokens);
      return tokens;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function withToken(request: Request, tokens: Tokens | null): Request {
  const copy = request.clone();
  if (tokens) copy.headers.set('authorization', `Bearer ${tokens.access_token}`);
  return copy;
}

async function authorisedFetch(request: Request): Promise<Response> {
  const tokens = session.get();
  const response = await fetch(withToken(request, tokens));
  if (response.status !== 401 || !tokens || request.url.includes('/api/v1/auth/')) return response;
  const renewed = await refreshOnce(tokens);
  return renewed ? fetch(withToken(request, renewed)) : response;
}

export const api = createClient<paths>({ baseUrl: '', fetch: authorisedFetch });

/** The answer's body, or an ApiError carrying the problem (status, field errors). */
export async function must<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw toApiError(error, response);
  return data as D;
}

/** A file from the API (a report download), with the same sign-in handling as every other call. */
export async function fetchFile(url: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await authorisedFetch(new Request(url));
  if (!response.ok) throw toApiError(await response.json().catch(() => undefined), response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'report';
  return { blob: await response.blob(), fileName };
}

export { ApiError };
