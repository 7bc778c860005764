// Item statuses in the words and colours the screens use. A Record over the API's union, so a new status on
// the server fails the type-check here until it has a label.
import type { ItemStatus } from '../api/types.ts';

export const statusInfo: Record<ItemStatus, { label: string; color: string }> = {
  ordered: { label: 'Ordered', color: 'grape' },
  in_stock: { label: 'In stock', color: 'teal' },
  deployed: { label: 'Deployed', color: 'blue' },
  in_repair: { label: 'In repair', color: 'orange' },
  lost: { label: 'Lost', color: 'red' },
  retired: { label: 'Retired', color: 'gray' },
  disposed: { label: 'Disposed', color: 'dark' },
};

export const statuses = Object.keys(statusInfo) as ItemStatus[];
export const statusOptions = statuses.map((value) => ({ value, label: statusInfo[value].label }));
