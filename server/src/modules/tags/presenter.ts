// What a tag looks like on the wire.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { TagWithCount } from './repo.ts';

export function presentTag(row: TagWithCount) {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    description: row.description,
    item_count: row.item_count,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}
