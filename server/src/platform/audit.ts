// The app's side of the audit trail. Database triggers log every row change of the audited tables; they learn who
// is acting from `eis.actor`, which every transaction sets first from the request it runs for (carried with
// AsyncLocalStorage, so no service has to pass it along). Security events are written here explicitly.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { queryRows, type Db, type Executor } from '../db/connection.ts';
import { auditLog } from '../db/schema.ts';

export interface AuditActor {
  user_id: number | null;
  label: string;
  ip?: string | undefined;
  user_agent?: string | undefined;
  request_id?: string | undefined;
}

const acting = new AsyncLocalStorage<() => AuditActor>();

function actorOf(request: FastifyRequest): AuditActor {
  const agent = request.headers['user-agent'];
  return {
    user_id: request.actor.userId,
    label: request.actor.label,
    ip: request.ip,
    user_agent: agent?.slice(0, 500),
    request_id: request.id.slice(0, 100),
  };
}

/** Who is acting now: the request's caller, the command line's label, or the system. */
export const currentActor = (): AuditActor => acting.getStore()?.() ?? { user_id: null, label: 'system' };

/** Runs work (a CLI command, a job) under a named actor. */
export const actAs = <T>(actor: AuditActor, work: () => Promise<T>): Promise<T> =>
  acting.run(() => actor, work);

const patched = new WeakSet<Db>();

/** Makes every transaction on `db` tell the audit triggers who is acting, before its first statement. */
export function auditTransactions(db: Db): void {
  if (patched.has(db)) return;
  patched.add(db);
  const begin = db.transaction.bind(db);
  db.transaction = (work, config) =>
    begin(async (tx) => {
      await tx.execute(sql`select set_config('eis.actor', ${JSON.stringify(currentActor())}, true)`);
      return work(tx);
    }, config);
}

/** Carries each request through its own lifecycle, so transactions it starts know their actor. */
export const requestActor = fp(async (app: FastifyInstance, { db }: { db: Db }) => {
  auditTransactions(db);
  app.addHook('onRequest', (request, _reply, done) => {
    acting.run(() => actorOf(request), done);
  });
});

/**
 * Runs `work` with the row audit triggers off in this transaction, then puts the setting back: for rows that are
 * a record of something already logged (a physical audit's expected snapshot), not changes of their own.
 */
export async function withoutRowAudit<T>(tx: Executor, work: () => Promise<T>): Promise<T> {
  const [row] = await queryRows<{ previous: string | null }>(
    tx,
    sql`select current_setting('eis.audit', true) as previous, set_config('eis.audit', 'off', true)`,
  );
  const result = await work();
  await tx.execute(sql`select set_config('eis.audit', ${row?.previous ?? ''}, true)`);
  return result;
}

export interface SecurityEvent {
  /** e.g. `auth.sign_in`, `auth.sign_in_failed`, `auth.locked`, `mfa.enabled`. */
  action: string;
  /** The account concerned; on sign-in it is also the actor, since the caller has no token yet. */
  userId?: number | null;
  label?: string;
  details?: Record<string, unknown>;
}

/** Appends a security event to the audit log, with the caller's address and user agent. */
export async function recordSecurityEvent(ex: Executor, event: SecurityEvent): Promise<void> {
  const actor = currentActor();
  const anonymous = actor.user_id === null;
  await ex.insert(auditLog).values({
    actor_user_id: anonymous ? (event.userId ?? null) : actor.user_id,
    actor_label: (anonymous ? event.label : undefined) ?? actor.label,
    ip: actor.ip ?? null,
    user_agent: actor.user_agent ?? null,
    request_id: actor.request_id ?? null,
    action: event.action,
    entity_type: event.userId == null ? null : 'users',
    entity_id: event.userId == null ? null : String(event.userId),
    after: event.details ?? null,
  });
}
