// What part of the organisation a caller may see, and whether they see sensitive values. A user limited to a location subtree sees the locations in it
// and the items placed in it; everything else answers 404, as if it did not exist.
import type { FastifyRequest } from 'fastify';
import type { Principal } from './auth/authenticate.ts';

export interface Scope {
  /** The root of the location subtree the caller is limited to; null sees every location. */
  locationRootId: number | null;
  /** Whether custom fields marked sensitive are shown to (and may be set by) the caller. */
  seesSensitive: boolean;
}

export const everywhere: Scope = { locationRootId: null, seesSensitive: true };

export function scopeOf(request: FastifyRequest): Scope {
  return request.principal
    ? scopeOfPrincipal(request.principal)
    : { locationRootId: null, seesSensitive: false };
}

/** The scope of someone acting without a request: a scheduled report runs with its owner's. */
export function scopeOfPrincipal(principal: Principal): Scope {
  return {
    locationRootId: principal.locationScopeId,
    seesSensitive: principal.permissions.has('items:read_sensitive'),
  };
}
