// Every route declares a permission; this hook makes it hold. `public` routes pass; others need a valid bearer
// token of an active user whose role grants the permission (401 without one, 403 without the permission).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ForbiddenError } from '../errors.ts';
import type { Permission } from '../permissions.ts';
import type { AccessTokens } from './access-tokens.ts';

export interface Principal {
  userId: number;
  email: string;
  role: string;
  permissions: ReadonlySet<Permission>;
  locationScopeId: number | null;
}

export interface AuthenticationOptions {
  tokens: AccessTokens;
  /** The active user behind a token, or undefined if it no longer stands (deactivated, sessions ended). */
  loadPrincipal: (userId: number, sessionVersion: number) => Promise<Principal | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Sign in first: send Authorization: Bearer <access token>') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export const authentication = fp(
  async (app: FastifyInstance, { tokens, loadPrincipal }: AuthenticationOptions) => {
    app.addHook('onRequest', async (request, reply) => {
      const permission = request.routeOptions.config?.permission;
      const token = bearerToken(request);
      if (permission === 'public' && !token) return;
      if (permission === undefined) return; // unmatched routes fall through to the 404 handler

      const claims = token ? await tokens.verify(token) : undefined;
      const principal = claims && (await loadPrincipal(claims.userId, claims.sessionVersion));
      if (!principal) {
        void reply.header('WWW-Authenticate', 'Bearer');
        throw new UnauthorizedError(
          token ? 'The access token is invalid or expired; sign in again' : undefined,
        );
      }
      request.principal = principal;
      request.actor = { userId: principal.userId, label: principal.email };
      if (permission !== 'public' && !principal.permissions.has(permission)) {
        throw new ForbiddenError(`Your role (${principal.role}) does not allow ${permission}`);
      }
    });
  },
);
