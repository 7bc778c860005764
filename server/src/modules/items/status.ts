// The item status lifecycle. Only these moves are allowed; anything else is a 422 naming `status`.
//
//   ordered ──► in_stock ◄──► deployed
//                 ▲  ▲ │        │ ▲
//                 │  │ ▼        ▼ │
//                 │  in_repair ◄──┘      lost ──► in_stock | retired
//                 │      │
//                 └── retired ──► disposed (final)
import type { itemStatuses } from '../../db/schema.ts';

export type ItemStatus = (typeof itemStatuses)[number];

export const statusTransitions: Record<ItemStatus, readonly ItemStatus[]> = {
  ordered: ['in_stock', 'retired'],
  in_stock: ['deployed', 'in_repair', 'lost', 'retired'],
  deployed: ['in_stock', 'in_repair', 'lost', 'retired'],
  in_repair: ['in_stock', 'deployed', 'retired'],
  lost: ['in_stock', 'retired'],
  retired: ['in_stock', 'disposed'],
  disposed: [],
};

/** A new item starts in one of these; it cannot be created already retired or disposed. */
export const initialStatuses: readonly ItemStatus[] = ['ordered', 'in_stock', 'deployed', 'in_repair'];

export function canMove(from: ItemStatus, to: ItemStatus): boolean {
  return from === to || statusTransitions[from].includes(to);
}
