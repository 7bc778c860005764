// The audit log for auditors: filtered listing, and verification of the hash chain (`eis audit verify`).
import type { Executor } from '../../db/connection.ts';
import type { Page } from '../../platform/pagination.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { Scope } from '../../platform/scope.ts';
import * as repo from './repo.ts';
import { presentEntry, type AuditEntry } from './presenter.ts';

export async function listAudit(
  ex: Executor,
  filters: repo.AuditFilters,
  page: { limit: number; before?: number | undefined },
  scope: Scope,
): Promise<Page<AuditEntry>> {
  // The log names items and places everywhere; a caller limited to some locations cannot read it whole.
  if (scope.locationRootId !== null) {
    throw new ForbiddenError('The audit log covers every location; it needs an account not limited to some');
  }
  const rows = await repo.listEntries(ex, filters, page.before, page.limit);
  const more = rows.length > page.limit;
  const data = rows.slice(0, page.limit).map(presentEntry);
  return { data, next_cursor: more ? String(data.at(-1)?.seq) : null };
}

export type Verification =
  { intact: true; entries: number } | { intact: false; entries: number; broken_at: number; reason: string };

const missingRange = (first: number, last: number) =>
  first === last ? `entry ${first} is` : `entries ${first}–${last} are`;

/** Walks the chain and reports the first entry that was altered, removed or re-linked. */
export async function verifyAuditChain(ex: Executor): Promise<Verification> {
  const ends = await repo.chainEnds(ex);
  const broken = await repo.firstChainBreak(ex);
  if (broken) {
    const reason = {
      missing: `${missingRange((broken.previous_seq ?? 0) + 1, broken.seq - 1)} missing (removed)`,
      relinked: `entry ${broken.seq} no longer follows entry ${broken.previous_seq ?? 'the start'}`,
      altered: `entry ${broken.seq} was altered after it was written`,
    }[broken.problem];
    return { intact: false, entries: ends.last_seq, broken_at: broken.seq, reason };
  }
  if (ends.head_seq !== ends.last_seq || (ends.last_hash !== null && ends.head_hash !== ends.last_hash)) {
    return {
      intact: false,
      entries: ends.last_seq,
      broken_at: ends.last_seq + 1,
      reason: `the log ends at entry ${ends.last_seq} but the chain's head is entry ${ends.head_seq}: the last entries were removed`,
    };
  }
  return { intact: true, entries: ends.last_seq };
}
