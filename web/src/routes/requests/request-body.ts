// What a request form sends and how a request reads: "any item of a kind" or one particular item (by the SKU
// on its label), with the days it is needed as whole local days.
import type { paths } from '../../api/schema.d.ts';
import { endOfDay, startOfDay } from '../custody/holder.ts';

export type NewRequest = NonNullable<
  paths['/api/v1/requests']['post']['requestBody']
>['content']['application/json'];
export type ItemRequest =
  paths['/api/v1/me/requests']['get']['responses'][200]['content']['application/json']['data'][number];
export type RequestStatus = ItemRequest['status'];

export interface RequestFormValues {
  kind: 'category' | 'item';
  category_id: string;
  sku: string;
  note: string;
  needed_from: string;
  needed_until: string;
}

export const blankRequest: RequestFormValues = {
  kind: 'category',
  category_id: '',
  sku: '',
  note: '',
  needed_from: '',
  needed_until: '',
};

export function requestBodyOf(values: RequestFormValues): NewRequest {
  return {
    ...(values.kind === 'category'
      ? { category_id: Number(values.category_id) }
      : { sku: values.sku.trim() }),
    note: values.note.trim(),
    ...(values.needed_from && { needed_from: startOfDay(values.needed_from) }),
    ...(values.needed_until && { needed_until: endOfDay(values.needed_until) }),
  };
}

/** What was asked for, in words: "Any item of Laptops" or "Field camera (CAM-1)". */
export function subjectOf(request: ItemRequest): string {
  if (request.item) return `${request.item.name} (${request.item.sku})`;
  if (request.category) return `Any item of ${request.category.name}`;
  return request.item_id !== null ? `Item ${request.item_id}` : `Any item of category ${request.category_id}`;
}

export const statusInfo: Record<RequestStatus, { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'yellow' },
  approved: { label: 'Approved', color: 'teal' },
  declined: { label: 'Declined', color: 'red' },
};
