// ETag / If-Match on versioned rows: the ETag is the row's version; a stale If-Match is a 412.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, PreconditionFailedError } from './errors.ts';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('ETag', etagOf(version));
}

/** The version the caller last saw, from `If-Match: "3"` (weak `W/"3"` accepted), or undefined if absent. */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new BadRequestError('If-Match must be the ETag you received, e.g. "3"', [
      { field: 'If-Match', message: 'is not a valid ETag' },
    ]);
  }
  return Number(match[1]);
}

/** Refuses a write based on a version the caller saw if the row has moved on since. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new PreconditionFailedError(
      `The resource is at version ${current}, not ${expected}; fetch it again and reapply your change`,
    );
  }
}
