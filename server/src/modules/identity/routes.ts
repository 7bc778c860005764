// Sign-in and tokens under /api/v1/auth; user administration under /api/v1/users.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Principal } from '../../platform/auth/authenticate.ts';
import { expectedVersion, sendCreated, withEtag } from '../../platform/conditional-requests.ts';
import { decodeCursor, PageQuery } from '../../platform/pagination.ts';
import { IdParams, PageOf, withProblems } from '../../platform/schemas.ts';
import * as apiKeys from './api-keys.ts';
import * as mfa from './mfa.ts';
import {
  ApiKey,
  CreateApiKey,
  CreatedApiKey,
  CreateUser,
  MfaRequiredRoles,
  PasswordConfirmation,
  RefreshBody,
  SignIn,
  TokenPair,
  TotpCode,
  UpdateMe,
  UpdateUser,
  User,
} from './schemas.ts';
import * as sessions from './sessions.ts';
import * as users from './users.ts';

const client = (request: { ip: string; headers: Record<string, unknown> }) => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined,
});

export const identityRoutes: FastifyPluginAsyncZod<{
  db: Db;
  settings: sessions.SessionSettings;
  signInPerMinute: number;
}> = async (app, { db, settings, signInPerMinute }) => {
  // Strict per address, on top of the general limit; per account, failed sign-ins lock the account.
  const signInLimit = {
    max: signInPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: { ip: string }) => `sign-in:${request.ip}`,
  };
  const me = (request: { principal?: Principal }) => request.principal!;

  app.post(
    '/auth/login',
    {
      config: { permission: 'public', rateLimit: signInLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: SignIn,
        response: withProblems({ 200: TokenPair }),
      },
    },
    (request) => sessions.signIn(db, settings, request.body, client(request)),
  );

  app.post(
    '/auth/refresh',
    {
      config: { permission: 'public', rateLimit: signInLimit },
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token for a new pair (each refresh token works once)',
        body: RefreshBody,
        response: withProblems({ 200: TokenPair }),
      },
    },
    (request) => sessions.refresh(db, settings, request.body.refresh_token, client(request)),
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'End the session this refresh token belongs to',
        body: RefreshBody,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await sessions.signOut(db, request.body.refresh_token);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'account:self' },
      schema: { tags: ['auth'], summary: 'Who am I', response: withProblems({ 200: User }) },
    },
    async (request, reply) => withEtag(reply, await users.getUser(db, me(request).userId)),
  );

  app.patch(
    '/auth/me',
    {
      config: { permission: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'Change my name or password (a new password ends my other sessions)',
        body: UpdateMe,
        response: withProblems({ 200: User }),
      },
    },
    (request) => users.updateMe(db, me(request), request.body),
  );

  app.get(
    '/users',
    {
      config: { permission: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: PageQuery.strict(),
        response: withProblems({ 200: PageOf(User) }),
      },
    },
    (request) => {
      const afterId = request.query.cursor ? Number(decodeCursor(request.query.cursor, 1)[0]) : undefined;
      return users.listUsers(db, afterId, request.query.limit);
    },
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'users:read' },
      schema: { tags: ['users'], params: IdParams, response: withProblems({ 200: User }) },
    },
    async (request, reply) => withEtag(reply, await users.getUser(db, request.params.id)),
  );

  app.post(
    '/users',
    {
      config: { permission: 'users:write' },
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: CreateUser,
        response: withProblems({ 201: User }),
      },
    },
    async (request, reply) => {
      const user = await users.createUser(db, request.body);
      return sendCreated(reply, user, `/api/v1/users/${user.id}`);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'users:write' },
      schema: {
        tags: ['users'],
        summary: 'Change a user (role, scope, active, password); role and deactivation end their sessions',
        params: IdParams,
        body: UpdateUser,
        response: withProblems({ 200: User }),
      },
    },
    async (request, reply) => {
      const user = await users.updateUser(
        db,
        me(request),
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return withEtag(reply, user);
    },
  );

  app.post(
    '/users/:id/sessions/revoke',
    {
      config: { permission: 'users:write' },
      schema: {
        tags: ['users'],
        summary: "End all of a user's sessions now",
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await users.endSessions(db, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api-keys',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['api keys'],
        summary: 'List API keys (never the keys themselves)',
        response: withProblems({ 200: z.object({ data: z.array(ApiKey) }) }),
      },
    },
    () => apiKeys.listApiKeys(db),
  );

  app.post(
    '/api-keys',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key with scopes and an expiry; the key is in this answer only',
        body: CreateApiKey,
        response: withProblems({ 201: CreatedApiKey }),
      },
    },
    async (request, reply) => reply.code(201).send(await apiKeys.createApiKey(db, me(request), request.body)),
  );

  app.delete(
    '/api-keys/:id',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['api keys'],
        summary: 'Revoke an API key',
        params: IdParams,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await apiKeys.revokeApiKey(db, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/mfa/enrol',
    {
      config: { permission: 'account:self' },
      schema: {
        tags: ['auth'],
        summary:
          'Start two-factor sign-in: scan the QR code (or enter the otpauth URI) in an authenticator app',
        response: withProblems({ 200: z.object({ otpauth_uri: z.string(), qr_code_svg: z.string() }) }),
      },
    },
    (request) => mfa.enrol(db, me(request).userId),
  );

  app.post(
    '/auth/mfa/confirm',
    {
      config: { permission: 'account:self' },
      schema: {
        tags: ['auth'],
        summary:
          'Switch two-factor sign-in on with the first code; answers ten one-time recovery codes, once',
        body: TotpCode,
        response: withProblems({ 200: z.object({ recovery_codes: z.array(z.string()) }) }),
      },
    },
    (request) => mfa.confirm(db, me(request).userId, request.body.totp),
  );

  app.post(
    '/auth/mfa/disable',
    {
      config: { permission: 'account:self' },
      schema: {
        tags: ['auth'],
        summary: 'Switch two-factor sign-in off (needs your password)',
        body: PasswordConfirmation,
        response: withProblems({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await mfa.disable(db, me(request).userId, request.body.password, settings.directory);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/security/mfa-required-roles',
    {
      config: { permission: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'Roles that must use two-factor sign-in',
        response: withProblems({ 200: MfaRequiredRoles }),
      },
    },
    () => users.getMfaRequiredRoles(db),
  );

  app.put(
    '/security/mfa-required-roles',
    {
      config: { permission: 'users:write' },
      schema: {
        tags: ['users'],
        summary:
          'Choose the roles that must use two-factor sign-in (their users can only enrol until they do)',
        body: MfaRequiredRoles,
        response: withProblems({ 200: MfaRequiredRoles }),
      },
    },
    (request) => users.setMfaRequiredRoles(db, request.body.roles),
  );
};
