// buildApp: Fastify with the platform plugins (errors, security headers, metrics, health, idempotency, OpenAPI)
// and every module's routes under /api/v1.
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import { assignmentRoutes } from './modules/assignments/routes.ts';
import { categoryRoutes } from './modules/categories/routes.ts';
import { dashboardRoutes } from './modules/dashboards/routes.ts';
import { depreciationRoutes } from './modules/depreciation/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { reportScheduleRoutes } from './modules/report-schedules/routes.ts';
import { sessionRoutes } from './modules/identity/session-routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { loadApiKeyPrincipal } from './modules/identity/api-keys.ts';
import { connectDirectory } from './modules/identity/directory.ts';
import { loadPrincipal } from './modules/identity/users.ts';
import { disposalRoutes } from './modules/items/disposal-routes.ts';
import { itemRoutes } from './modules/items/routes.ts';
import { warrantyRoutes } from './modules/items/warranty-routes.ts';
import { locationRoutes } from './modules/locations/routes.ts';
import { maintenanceRoutes } from './modules/maintenance/routes.ts';
import { requestRoutes } from './modules/requests/routes.ts';
import { reservationRoutes } from './modules/reservations/routes.ts';
import { stockRoutes } from './modules/stock/routes.ts';
import { stocktakeRoutes } from './modules/stocktakes/routes.ts';
import { notAuditedRoutes } from './modules/reports/not-audited-routes.ts';
import { supplierRoutes } from './modules/suppliers/routes.ts';
import { tagRoutes } from './modules/tags/routes.ts';
import { transferRoutes } from './modules/transfers/routes.ts';
import { accessTokens } from './platform/auth/access-tokens.ts';
import { authentication } from './platform/auth/authenticate.ts';
import { health } from './platform/health.ts';
import { idempotency } from './platform/idempotency.ts';
import { metrics } from './platform/metrics.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { caching } from './platform/cache.ts';
import { requestActor } from './platform/audit.ts';
import { anonymousActor, type Actor, type Permission } from './platform/permissions.ts';
import { problemHandler } from './platform/problem-handler.ts';
import { rateLimits } from './platform/rate-limits.ts';
import { securityHeaders } from './platform/security-headers.ts';
import { defaultWebDistDir, webApp } from './web-app.ts';

export type AppConfig = Pick<
  Config,
  | 'logLevel'
  | 'bodyLimitBytes'
  | 'corsOrigins'
  | 'accessTokenTtlSeconds'
  | 'refreshTokenTtlDays'
  | 'redisUrl'
  | 'rateLimitPerMinute'
  | 'signInLimitPerMinute'
  | 'ldap'
  | 'mail'
> & {
  /** Separates this app's rate-limit counters from other apps on the same Redis. */
  rateLimitNameSpace?: string;
  /** Separates this app's cached answers from other apps on the same Redis. */
  cacheNameSpace?: string;
  /** Resolved by the caller: from configuration, or the embedded database's own. */
  jwtSecret: string;
  /** The built web app (tests point it elsewhere); web/dist by default. */
  webDistDir?: string;
};

export interface ApiRoute {
  method: string;
  url: string;
  permission: Permission | 'public';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/v1 route with the permission it declares (the role × route matrix is built from it). */
    apiRoutes: readonly ApiRoute[];
  }
}

export async function buildApp(config: AppConfig, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every API route must say which permission it needs: a route that forgets is a start-up error, not a hole.
  const apiRoutes: ApiRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, permission });
    }
  });
  app.decorate('apiRoutes', apiRoutes);
  // Set per request below; Fastify wants a null placeholder for reference-typed decorations.
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', (request, _reply, done) => {
    request.actor = anonymousActor;
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });

  // helmet's strict default CSP on every answer (refusals too, so before authentication), less
  // upgrade-insecure-requests: on a plain-http origin (a laptop, an intranet host) it would send the page's own
  // requests to https. TLS belongs to the ingress, with HSTS.
  await app.register(securityHeaders, {
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  await app.register(requestActor, { db: database.db });
  await app.register(problemHandler);
  const tokens = accessTokens(config.jwtSecret, config.accessTokenTtlSeconds);
  await app.register(authentication, {
    tokens,
    loadPrincipal: (userId, sessionVersion) => loadPrincipal(database.db, userId, sessionVersion),
    loadApiKeyPrincipal: (key) => loadApiKeyPrincipal(database.db, key),
  });
  await app.register(rateLimits, {
    perMinute: config.rateLimitPerMinute,
    redisUrl: config.redisUrl,
    ...(config.rateLimitNameSpace && { nameSpace: config.rateLimitNameSpace }),
  });
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false });
  await app.register(metrics, { poolStats: database.poolStats });
  await app.register(caching, {
    redisUrl: config.redisUrl,
    nameSpace: config.cacheNameSpace,
    registry: app.metricsRegistry,
  });
  await app.register(health, { database });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Enterprise Inventory API',
        version: '1.0.0',
        description:
          'Assets, stock and locations. Sign in with POST /api/v1/auth/login, then Authorize with the access token. ' +
          'Errors are RFC 9457 problem+json; updates take If-Match.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'ApiKey <key>' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The docs UI sends its own strict policy (same-origin scripts), likewise without the https upgrade.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  await app.register(
    async (api) => {
      await api.register(idempotency, { db: database.db });
      await api.register(identityRoutes, {
        db: database.db,
        settings: {
          tokens,
          refreshTokenTtlDays: config.refreshTokenTtlDays,
          directory: config.ldap && connectDirectory(config.ldap),
        },
        signInPerMinute: config.signInLimitPerMinute,
      });
      await api.register(sessionRoutes, { db: database.db });
      await api.register(locationRoutes, { db: database.db });
      await api.register(categoryRoutes, { db: database.db });
      await api.register(supplierRoutes, { db: database.db });
      await api.register(tagRoutes, { db: database.db });
      await api.register(itemRoutes, { db: database.db });
      await api.register(warrantyRoutes, { db: database.db });
      await api.register(assignmentRoutes, { db: database.db });
      await api.register(reservationRoutes, { db: database.db });
      await api.register(requestRoutes, { db: database.db });
      await api.register(transferRoutes, { db: database.db });
      await api.register(auditRoutes, { db: database.db });

      await api.register(disposalRoutes, { db: database.db });
      await api.register(depreciationRoutes, { db: database.db });
      await api.register(reportRoutes, { db: database.db });
      await api.register(reportScheduleRoutes, {
        db: database.db,
        mailConfigured: config.mail !== undefined,
      });
      await api.register(stockRoutes, { db: database.db });

      await api.register(maintenanceRoutes, { db: database.db });
      await api.register(stocktakeRoutes, { db: database.db });
      await api.register(notAuditedRoutes, { db: database.db });
      await api.register(dashboardRoutes, { db: database.db });
    },
    { prefix: '/api/v1' },
  );
  await app.register(webApp, { distDir: config.webDistDir ?? defaultWebDistDir });
  return app;
}
