// Stock forms' values and the request bodies made from them. Quantities and money stay the decimal strings that
// were typed (trimmed); optional blanks are left out; the server judges every value and names the field it refuses.
import type { paths } from '../../api/schema.d.ts';
import { orNull } from '../../components/api-form.ts';

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
export type ReceiveBody = Body<'/api/v1/items/{id}/stock/receive'>;
export type IssueBody = Body<'/api/v1/items/{id}/stock/issue'>;
export type AdjustBody = Body<'/api/v1/items/{id}/stock/adjust'>;
export type TransferBody = Body<'/api/v1/items/{id}/stock/transfer'>;
export type SettingsBody = NonNullable<
  paths['/api/v1/items/{id}/stock/levels/{location_id}']['put']['requestBody']
>['content']['application/json'];

export type MovementKind = 'receive' | 'issue' | 'adjust' | 'transfer';

/** Every stock form's fields, named as the API names them so its field errors land beside them. */
export interface MovementValues {
  quantity: string;
  unit_cost: string;
  reason: string;
  reference: string;
  to_location_id: string | null;
  /** A stocktake either states what was counted or corrects by a signed amount. */
  adjust_by: 'count' | 'delta';
  counted_quantity: string;
  delta: string;
}

export const blankMovement = (): MovementValues => ({
  quantity: '',
  unit_cost: '',
  reason: '',
  reference: '',
  to_location_id: null,
  adjust_by: 'count',
  counted_quantity: '',
  delta: '',
});

/** The optional texts, only when given. */
const optional = <K extends string>(key: K, value: string) =>
  (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;

export function receiveBody(locationId: number, v: MovementValues): ReceiveBody {
  return {
    location_id: locationId,
    quantity: v.quantity.trim(),
    ...optional('unit_cost', v.unit_cost),
    ...optional('reference', v.reference),
    ...optional('reason', v.reason),
  };
}

export function issueBody(locationId: number, v: MovementValues): IssueBody {
  return {
    location_id: locationId,
    quantity: v.quantity.trim(),
    reason: v.reason.trim(),
    ...optional('reference', v.reference),
  };
}

export function adjustBody(locationId: number, v: MovementValues): AdjustBody {
  return {
    location_id: locationId,
    ...(v.adjust_by === 'count'
      ? { counted_quantity: v.counted_quantity.trim() }
      : { delta: v.delta.trim() }),
    reason: v.reason.trim(),
    ...optional('reference', v.reference),
  };
}

export function transferBody(fromLocationId: number, v: MovementValues): TransferBody {
  return {
    from_location_id: fromLocationId,
    to_location_id: Number(v.to_location_id),
    quantity: v.quantity.trim(),
    ...optional('reason', v.reason),
    ...optional('reference', v.reference),
  };
}

export interface SettingsValues {
  min_level: string;
  reorder_point: string;
  reorder_quantity: string;
}

/** A level's reorder settings: a blank clears the setting. */
export function settingsBody(v: SettingsValues): SettingsBody {
  return {
    min_level: orNull(v.min_level),
    reorder_point: orNull(v.reorder_point),
    reorder_quantity: orNull(v.reorder_quantity),
  };
}
