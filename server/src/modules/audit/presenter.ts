// An audit entry as auditors see it.
import type { AuditRow } from './repo.ts';

export function presentEntry(row: AuditRow) {
  return {
    seq: row.seq,
    occurred_at: row.occurred_at.toISOString(),
    actor_user_id: row.actor_user_id,
    actor_label: row.actor_label,
    ip: row.ip,
    user_agent: row.user_agent,
    request_id: row.request_id,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    before: row.before,
    after: row.after,
    prev_hash: row.prev_hash,
    hash: row.hash,
  };
}

export type AuditEntry = ReturnType<typeof presentEntry>;
