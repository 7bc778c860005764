// Stock response shapes named for the screens, taken from the generated schema.
import type { paths } from '../../api/schema.d.ts';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer B } } } };
}
  ? B
  : never;

export type ItemStock = Ok<'/api/v1/items/{id}/stock'>;
export type StockLevel = ItemStock['levels'][number];
export type LevelEntry = Ok<'/api/v1/stock/levels'>['data'][number];
export type StockMovement = Ok<'/api/v1/items/{id}/stock/movements'>['data'][number];
export type ReorderSuggestion = Ok<'/api/v1/stock/reorder-suggestions'>['data'][number];

/** Low against its settings: below the minimum is worse than at the reorder point. */
export function lowness(level: Pick<StockLevel, 'below_min_level' | 'at_or_below_reorder_point'>) {
  if (level.below_min_level) return { label: 'Below minimum', color: 'red' } as const;
  if (level.at_or_below_reorder_point) return { label: 'Reorder', color: 'yellow' } as const;
  return null;
}
