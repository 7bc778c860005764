// Reading the audit log and checking its hash chain: SQL only.
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { queryRows } from '../../db/connection.ts';
import { auditLog } from '../../db/schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilters {
  actor_user_id?: number | undefined;
  action?: string | undefined;
  entity_type?: string | undefined;
  entity_id?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Newest first, `limit + 1` rows so the caller can tell whether another page follows. */
export async function listEntries(
  ex: Executor,
  filters: AuditFilters,
  beforeSeq: number | undefined,
  limit: number,
): Promise<AuditRow[]> {
  const conditions: (SQL | undefined)[] = [
    filters.actor_user_id === undefined ? undefined : eq(auditLog.actor_user_id, filters.actor_user_id),
    filters.action === undefined ? undefined : eq(auditLog.action, filters.action),
    filters.entity_type === undefined ? undefined : eq(auditLog.entity_type, filters.entity_type),
    filters.entity_id === undefined ? undefined : eq(auditLog.entity_id, filters.entity_id),
    filters.from === undefined ? undefined : gte(auditLog.occurred_at, filters.from),
    filters.to === undefined ? undefined : lt(auditLog.occurred_at, filters.to),
    beforeSeq === undefined ? undefined : lt(auditLog.seq, beforeSeq),
  ];
  return ex
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
}

export interface ChainBreak {
  seq: number;
  previous_seq: number | null;
  problem: 'missing' | 'relinked' | 'altered';
}

/** The first entry whose number, link or content does not match the chain, in one pass over the log. */
export async function firstChainBreak(ex: Executor): Promise<ChainBreak | undefined> {
  const [row] = await queryRows<{ seq: string; previous_seq: string | null; problem: ChainBreak['problem'] }>(
    ex,
    sql`with chain as (
          select seq, prev_hash, hash, audit_entry_hash(prev_hash, a) as recomputed,
                 lag(seq) over w as previous_seq, lag(hash) over w as previous_hash
          from audit_log a window w as (order by seq))
        select seq, previous_seq, case
            when seq <> coalesce(previous_seq, 0) + 1 then 'missing'
            when prev_hash <> coalesce(previous_hash, repeat('0', 64)) then 'relinked'
            else 'altered' end as problem
        from chain
        where seq <> coalesce(previous_seq, 0) + 1
           or prev_hash <> coalesce(previous_hash, repeat('0', 64))
           or hash <> recomputed
        order by seq limit 1`,
  );
  return (
    row && {
      seq: Number(row.seq),
      previous_seq: row.previous_seq === null ? null : Number(row.previous_seq),
      problem: row.problem,
    }
  );
}

/** The chain's recorded head next to the last entry actually in the log. */
export async function chainEnds(
  ex: Executor,
): Promise<{ head_seq: number; head_hash: string; last_seq: number; last_hash: string | null }> {
  const [row] = await queryRows<{
    head_seq: string;
    head_hash: string;
    last_seq: string;
    last_hash: string | null;
  }>(
    ex,
    sql`select c.seq as head_seq, c.hash as head_hash, coalesce(l.seq, 0) as last_seq, l.hash as last_hash
        from audit_chain c
        left join lateral (select seq, hash from audit_log order by seq desc limit 1) l on true
        where c.id = 1`,
  );
  if (!row) throw new Error('the audit chain has no head row; was the database migrated?');
  return {
    head_seq: Number(row.head_seq),
    head_hash: row.head_hash,
    last_seq: Number(row.last_seq),
    last_hash: row.last_hash,
  };
}
