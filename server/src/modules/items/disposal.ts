// Disposal: the last move of the lifecycle, recorded with how, when and for how much the item left, and the gain
// or loss against its book value that day, in one transaction with the status change and its history.
import { Decimal } from 'decimal.js';
import type { Db, Executor } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions.ts';
import { isoTimestamp } from '../../platform/schemas.ts';
import type { Scope } from '../../platform/scope.ts';
import { bookValueOn } from '../depreciation/service.ts';
import { changesBetween } from './changes.ts';
import * as disposals from './disposal-repo.ts';
import type { DisposeItem } from './disposal-schemas.ts';
import { presentItem } from './presenter.ts';
import * as repo from './repo.ts';
import { assertVisible } from './service.ts';
import { canMove, statusTransitions, type ItemStatus } from './status.ts';

function presentDisposal(row: disposals.DisposalRow) {
  return {
    id: row.id,
    item_id: row.item_id,
    method: row.method as DisposeItem['method'],
    disposed_on: row.disposed_on,
    proceeds: row.proceeds,
    book_value: row.book_value,
    gain_loss: row.gain_loss,
    notes: row.notes,
    disposed_by: row.disposed_by,
    created_at: isoTimestamp(row.created_at),
  };
}

const disposableFrom = (Object.keys(statusTransitions) as ItemStatus[]).filter((from) =>
  statusTransitions[from].includes('disposed'),
);

function assertDisposable(item: repo.ItemRow, disposedOn: string, today: string): void {
  const status = item.status as ItemStatus;
  if (status === 'disposed') throw ValidationError.field('status', 'the item has already been disposed of');
  if (!canMove(status, 'disposed')) {
    throw ValidationError.field(
      'status',
      `an item that is ${status} cannot be disposed of; only from ${disposableFrom.join(', ')} (retire it first)`,
    );
  }
  if (disposedOn > today) throw ValidationError.field('disposed_on', 'cannot be in the future');
  if (item.purchase_date !== null && disposedOn < item.purchase_date) {
    throw ValidationError.field('disposed_on', `is before the purchase date ${item.purchase_date}`);
  }
}

export async function disposeItem(
  db: Db,
  id: number,
  input: DisposeItem,
  expectedVersion: number | undefined,
  actor: Actor,
  scope: Scope,
) {
  const proceeds = new Decimal(input.proceeds).toFixed(2);
  return db.transaction(async (tx) => {
    const current = await assertVisible(tx, scope, id, await repo.findForUpdate(tx, id));
    assertVersion(current.version, expectedVersion);
    assertDisposable(current, input.disposed_on, new Date().toISOString().slice(0, 10));

    const bookValue = await bookValueOn(tx, current, input.disposed_on);
    const disposal = await disposals.insertDisposal(tx, {
      item_id: id,
      method: input.method,
      disposed_on: input.disposed_on,
      proceeds,
      book_value: bookValue,
      gain_loss: bookValue === null ? null : new Decimal(proceeds).minus(bookValue).toFixed(2),
      notes: input.notes ?? null,
      disposed_by: actor.label,
    });
    // Gone from the books: nothing left to be worth.
    const change = { status: 'disposed', current_value: '0.00' };
    const updated = await repo.update(tx, id, change);
    await repo.appendHistory(tx, {
      item_id: id,
      action: 'disposed',
      performed_by: actor.label,
      notes: input.notes ?? null,
      additional_data: { changes: changesBetween(current, change), disposal: presentDisposal(disposal) },
    });
    return { ...presentDisposal(disposal), item: presentItem(updated, scope) };
  });
}

export async function getDisposal(db: Executor, id: number, scope: Scope) {
  await assertVisible(db, scope, id, await repo.findById(db, id));
  const row = await disposals.findDisposal(db, id);
  if (!row) throw new NotFoundError('Disposal of item', id);
  return presentDisposal(row);
}
