// What a location looks like on the wire.
import { isoTimestamp } from '../../platform/schemas.ts';
import type { LocationRef, LocationWithCounts } from './repo.ts';

export function presentLocation(row: LocationWithCounts) {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    type: row.type,
    parent_location_id: row.parent_location_id,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    capacity: row.capacity,
    description: row.description,
    occupancy: row.occupancy,
    children_count: row.children_count,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    version: row.version,
  };
}

export function presentLocationDetail(
  row: LocationWithCounts,
  path: LocationRef[],
  subtreeItemCount: number,
) {
  return { ...presentLocation(row), path, subtree_item_count: subtreeItemCount };
}
