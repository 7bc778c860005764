import { describe, expect, it } from 'vitest';
import { movementPlace, signedQuantity } from './ledger.ts';
import type { StockMovement } from './stock-types.ts';

const movement = (overrides: Partial<StockMovement>): StockMovement => ({
  id: 1,
  item_id: 1,
  kind: 'receive',
  quantity: '10',
  from_location_id: null,
  to_location_id: null,
  balance_after: '10',
  reason: null,
  unit_cost: null,
  reference: null,
  issued_to_user_id: null,
  performed_by: 'Admin',
  created_at: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const names: Record<number, string> = { 1: 'Store', 2: 'Van' };
const nameOf = (id: number) => names[id] ?? `location ${id}`;

describe('the stock ledger in words', () => {
  it('signs what came in and what went out', () => {
    expect(signedQuantity(movement({ kind: 'receive', to_location_id: 1 }))).toBe('+10');
    expect(signedQuantity(movement({ kind: 'issue', quantity: '3', from_location_id: 1 }))).toBe('−3');
    expect(signedQuantity(movement({ kind: 'adjust', quantity: '2', from_location_id: 1 }))).toBe('−2');
    expect(signedQuantity(movement({ kind: 'adjust', quantity: '2', to_location_id: 1 }))).toBe('+2');
    expect(signedQuantity(movement({ kind: 'transfer_out', from_location_id: 1, to_location_id: 2 }))).toBe(
      '−10',
    );
    expect(signedQuantity(movement({ kind: 'transfer_in', from_location_id: 1, to_location_id: 2 }))).toBe(
      '+10',
    );
  });

  it('names the level that changed, and where a transfer went', () => {
    expect(movementPlace(movement({ kind: 'issue', from_location_id: 1 }), nameOf)).toBe('Store');
    expect(movementPlace(movement({ kind: 'adjust', to_location_id: 2 }), nameOf)).toBe('Van');
    const legs = { from_location_id: 1, to_location_id: 2 };
    expect(movementPlace(movement({ kind: 'transfer_out', ...legs }), nameOf)).toBe('Store → Van');
    expect(movementPlace(movement({ kind: 'transfer_in', ...legs }), nameOf)).toBe('Van ← Store');
    expect(movementPlace(movement({ kind: 'receive', to_location_id: 9 }), nameOf)).toBe('location 9');
  });
});
