// Every route declares a permission; this hook makes it hold. `public` routes pass; others need a valid bearer
// token of an active user whose role grants the permission (401 without one, 403 without the permission).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { AppError, ForbiddenError } from '../errors.ts';
import type { Permission } from '../permissions.ts';
import { asWritesAnswer, readOnlyMethods } from '../write-routes.ts';
import type { AccessTokens } from './access-tokens.ts';

export interface Principal {
  userId: number;
  /** Who acts, as history and audit show it: the user's email, or the API key's name. */
  label: string;
  role: string;
  permissions: ReadonlySet<Permission>;
  locationScopeId: number | null;
  /** Why the permissions are narrower than the role's, said in every 403 (e.g. MFA enrolment pending). */
  restriction?: string;
  /** When the credential stops standing by itself (an API key's expiry), in epoch milliseconds. */
  expiresAtMs?: number;
}

export interface AuthenticationOptions {
  tokens: AccessTokens;
  /** The active user behind a token, or undefined if it no longer stands (deactivated, sessions ended). */
  loadPrincipal: (userId: number, sessionVersion: number) => Promise<Principal | undefined>;
  /** The principal an API key acts as, or undefined for an unknown, revoked or expired key. */
  loadApiKeyPrincipal: (key: string) => Promise<Principal | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Sign in first: send Authorization: Bearer <access token> (or ApiKey <key>)') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

type Credentials = { scheme: 'Bearer' | 'ApiKey'; value: string };

/**
 * How long a signed-in user's or API key's principal answers without asking the database again: the look-up was
 * half of a read's cost. Any write through this app forgets every principal at once (a deactivation, a role
 * change, a revoked key or a sign-out is a write), so only a change made elsewhere (another replica, SQL) can
 * take this long to show. A key's expiry is kept to the millisecond.
 */
const principalTtlMs = 2_000;

function credentials(request: FastifyRequest): Credentials | undefined {
  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  return { scheme: match[1].toLowerCase() === 'apikey' ? 'ApiKey' : 'Bearer', value: match[2] };
}

export const authentication = fp(
  async (app: FastifyInstance, { tokens, loadPrincipal, loadApiKeyPrincipal }: AuthenticationOptions) => {
    const principals = new LRUCache<string, Principal>({ max: 10_000, ttl: principalTtlMs });
    // Bumped by each forgetting: a look-up that started before it may have read the old row, so is not kept.
    let generation = 0;
    asWritesAnswer(app, async (request) => {
      if (readOnlyMethods.has(request.method)) return;
      principals.clear();
      generation++;
    });

    async function remembered(key: string, load: () => Promise<Principal | undefined>) {
      const known = principals.get(key);
      if (known) return known;
      const startedIn = generation;
      const principal = await load();
      const ttl = Math.floor(Math.min(principalTtlMs, (principal?.expiresAtMs ?? Infinity) - Date.now()));
      if (principal && startedIn === generation && ttl > 0) principals.set(key, principal, { ttl });
      return principal;
    }

    async function principalFor(given: Credentials): Promise<Principal | undefined> {
      if (given.scheme === 'ApiKey')
        return remembered(`key:${given.value}`, () => loadApiKeyPrincipal(given.value));
      const claims = await tokens.verify(given.value);
      return (
        claims &&
        remembered(`user:${claims.userId}:${claims.sessionVersion}`, () =>
          loadPrincipal(claims.userId, claims.sessionVersion),
        )
      );
    }

    app.addHook('onRequest', async (request, reply) => {
      const permission = request.routeOptions.config?.permission;
      const given = credentials(request);
      if (permission === 'public' && !given) return;
      if (permission === undefined) return; // unmatched routes fall through to the 404 handler

      const principal = given && (await principalFor(given));
      if (!principal) {
        void reply.header('WWW-Authenticate', 'Bearer, ApiKey');
        throw new UnauthorizedError(given ? 'The credentials are invalid, expired or revoked' : undefined);
      }
      request.principal = principal;
      request.actor = { userId: principal.userId, label: principal.label };
      if (permission !== 'public' && !principal.permissions.has(permission)) {
        throw new ForbiddenError(
          principal.restriction
            ? `Not yet: ${principal.restriction}`
            : `${principal.label} may not ${permission}`,
        );
      }
    });
  },
);
