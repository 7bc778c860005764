// ETag / If-Match on versioned rows: the ETag is the row's version; a stale If-Match is a 412.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, PreconditionFailedError } from './errors.ts';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('ETag', etagOf(version));
}

/** Answers with a versioned row and its ETag, so the caller can send it back as If-Match. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, row: T): T {
  setEtag(reply, row.version);
  return row;
}

/** Answers 201 with the row just created, its ETag, and `location` (where to read it back) when it has one. */
export function sendCreated<T extends { version: number }>(reply: FastifyReply, row: T, location?: string) {
  setEtag(reply, row.version);
  if (location !== undefined) void reply.header('Location', location);
  return reply.code(201).send(row);
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
