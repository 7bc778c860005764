// Self-service requests: pending → approved (the chosen item is checked out to the requester in the same
// transaction) or declined; a decided request is never decided again (409).
import type { Db } from '../../db/connection.ts';
import { categoryTree, isInSubtree } from '../../db/tree.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events.ts';
import { decodeIdCursor, toPage } from '../../platform/pagination.ts';
import type { Actor } from '../../platform/permissions.ts';
import type { Scope } from '../../platform/scope.ts';
import { checkOutInTransaction } from '../assignments/service.ts';
import { categoryExists } from '../categories/service.ts';
import { findVisibleItem, findVisibleItemBySku } from '../items/service.ts';
import { presentRequest } from './presenter.ts';
import * as repo from './repo.ts';
import type { ApproveRequest, CreateRequest, DeclineRequest, RequestsQuery } from './schemas.ts';

async function getRequest(db: Db, id: number) {
  const row = await repo.findById(db, id);
  if (!row) throw new NotFoundError('Request', id);
  return presentRequest(row);
}

export async function createRequest(db: Db, input: CreateRequest, actor: Actor, scope: Scope) {
  const subjects = [input.item_id, input.sku, input.category_id].filter((given) => given !== undefined);
  if (subjects.length !== 1) {
    throw ValidationError.field('item_id', 'give exactly one of item_id, sku or category_id');
  }
  const from = input.needed_from ? new Date(input.needed_from) : undefined;
  const until = input.needed_until ? new Date(input.needed_until) : undefined;
  if (from && until && until <= from)
    throw ValidationError.field('needed_until', 'must be after needed_from');
  const id = await db.transaction(async (tx) => {
    if (input.item_id !== undefined && !(await findVisibleItem(tx, input.item_id, scope))) {
      throw ValidationError.field('item_id', `item ${input.item_id} does not exist`);
    }
    const bySku = input.sku === undefined ? undefined : await findVisibleItemBySku(tx, input.sku, scope);
    if (input.sku !== undefined && !bySku) throw ValidationError.field('sku', `no item has SKU ${input.sku}`);
    if (input.category_id !== undefined && !(await categoryExists(tx, input.category_id))) {
      throw ValidationError.field('category_id', `category ${input.category_id} does not exist`);
    }
    const row = await repo.insert(tx, {
      requester_user_id: actor.userId!,
      item_id: input.item_id ?? bySku?.id ?? null,
      category_id: input.category_id ?? null,
      note: input.note,
      needed_from: from ?? null,
      needed_until: until ?? null,
    });
    await recordEvent(tx, {
      type: 'request.created',
      aggregateType: 'request',
      aggregateId: row.id,
      payload: { requester_user_id: actor.userId, item_id: row.item_id, category_id: row.category_id },
    });
    return row.id;
  });
  return getRequest(db, id);
}

function assertPending(request: repo.RequestRow): void {
  if (request.status !== 'pending') {
    throw new ConflictError(`Request ${request.id} is already ${request.status}`, [
      { field: 'status', message: `is ${request.status}; only a pending request can be decided` },
    ]);
  }
}

export async function approveRequest(
  db: Db,
  id: number,
  input: ApproveRequest,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  await db.transaction(async (tx) => {
    const request = await repo.findForUpdate(tx, id);
    if (!request) throw new NotFoundError('Request', id);
    assertVersion(request.version, expectedVersion);
    assertPending(request);
    const chosen = input.item_id ?? request.item_id;
    if (chosen === null) {
      throw ValidationError.field('item_id', `choose an item of category ${request.category_id} to hand out`);
    }
    if (request.item_id !== null && chosen !== request.item_id) {
      throw ValidationError.field('item_id', `this request is for item ${request.item_id}`);
    }
    const item = await findVisibleItem(tx, chosen, scope);
    if (!item) throw ValidationError.field('item_id', `item ${chosen} does not exist`);
    if (
      request.category_id !== null &&
      (item.category_id === null ||
        !(await isInSubtree(tx, categoryTree, request.category_id, item.category_id)))
    ) {
      throw ValidationError.field(
        'item_id',
        `item ${chosen} is not in category ${request.category_id} or below`,
      );
    }
    const until =
      request.needed_until && request.needed_until > new Date() ? request.needed_until : undefined;
    const checkoutId = await checkOutInTransaction(
      tx,
      chosen,
      {
        assignee_user_id: request.requester_user_id,
        ...(until && { expected_checkin: until.toISOString() }),
        note: input.note ?? `Request ${id}`,
      },
      undefined,
      actor,
      scope,
    );
    await repo.update(tx, id, {
      status: 'approved',
      decided_by: actor.label,
      decided_at: new Date(),
      checkout_id: checkoutId,
    });
    await recordEvent(tx, {
      type: 'request.approved',
      aggregateType: 'request',
      aggregateId: id,
      payload: { requester_user_id: request.requester_user_id, item_id: chosen, checkout_id: checkoutId },
    });
  });
  return getRequest(db, id);
}

export async function declineRequest(
  db: Db,
  id: number,
  input: DeclineRequest,
  expectedVersion: number | undefined,
  actor: Actor,
) {
  await db.transaction(async (tx) => {
    const request = await repo.findForUpdate(tx, id);
    if (!request) throw new NotFoundError('Request', id);
    assertVersion(request.version, expectedVersion);
    assertPending(request);
    await repo.update(tx, id, {
      status: 'declined',
      decided_by: actor.label,
      decided_at: new Date(),
      decline_reason: input.reason,
    });
    await recordEvent(tx, {
      type: 'request.declined',
      aggregateType: 'request',
      aggregateId: id,
      payload: { requester_user_id: request.requester_user_id, reason: input.reason },
    });
  });
  return getRequest(db, id);
}

/** Everyone's requests for those who decide; `requesterId` narrows to one person's own. */
export async function listRequests(db: Db, query: RequestsQuery, requesterId?: number) {
  const beforeId = decodeIdCursor(query.cursor || undefined) ?? undefined;
  const rows = await repo.list(db, { requesterId, status: query.status }, beforeId, query.limit);
  return toPage(rows, query.limit, (r) => [r.id], presentRequest);
}
