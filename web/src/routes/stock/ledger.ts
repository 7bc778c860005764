// Reading the stock ledger: each movement as the change it made (+ in, − out) at its place, in words.
import type { StockMovement } from './stock-types.ts';

export const movementNames: Record<StockMovement['kind'], string> = {
  receive: 'Received',
  issue: 'Issued',
  adjust: 'Adjusted',
  transfer_out: 'Transferred out',
  transfer_in: 'Transferred in',
};

/** Whether the movement took stock away from the level it changed (a transfer_out, an issue, a count down). */
function takesAway(m: StockMovement): boolean {
  if (m.kind === 'adjust') return m.to_location_id === null;
  return m.kind === 'issue' || m.kind === 'transfer_out';
}

export const signedQuantity = (m: StockMovement): string => `${takesAway(m) ? '−' : '+'}${m.quantity}`;

/** The place whose level changed, and for a transfer where the stock came from or went to. */
export function movementPlace(m: StockMovement, nameOf: (id: number) => string): string {
  const from = m.from_location_id === null ? null : nameOf(m.from_location_id);
  const to = m.to_location_id === null ? null : nameOf(m.to_location_id);
  if (m.kind === 'transfer_out') return `${from} → ${to}`;
  if (m.kind === 'transfer_in') return `${to} ← ${from}`;
  return (takesAway(m) ? from : to) ?? '—';
}
