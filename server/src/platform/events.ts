// The outbox: a domain change records its event in the same transaction as the change, so an event exists if and
// only if the change committed. A dispatcher (not yet built) delivers undispatched rows and sets dispatched_at.
import type { Executor } from '../db/connection.ts';
import { events } from '../db/schema.ts';

export interface DomainEvent {
  /** What happened, `<aggregate>.<past tense>`: `item.checked_out`, `reservation.cancelled`. */
  type: string;
  aggregateType: string;
  aggregateId: number;
  payload?: Record<string, unknown>;
  /**
   * For events detected rather than caused (an overdue check-out): one event per key, ever, so running the
   * detection again records nothing new.
   */
  occurrenceKey?: string;
}

/** Records the event; answers false when an event with the same occurrence key already exists. */
export async function recordEvent(tx: Executor, event: DomainEvent): Promise<boolean> {
  const inserted = await tx
    .insert(events)
    .values({
      type: event.type,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      payload: event.payload ?? {},
      occurrence_key: event.occurrenceKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: events.id });
  return inserted.length > 0;
}
