// Location request and response shapes.
import { z } from 'zod';
import { locationTypes } from '../../db/schema.ts';
import { PageQuery } from '../../platform/pagination.ts';
import { Id, NullableText, Timestamps } from '../../platform/schemas.ts';

const LocationFields = z.object({
  name: z.string().trim().min(1).max(200),
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, dot, dash or underscore')
    .nullable(),
  type: z.enum(locationTypes),
  parent_location_id: Id.nullable(),
  address: NullableText(1000),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  capacity: z.number().int().min(0).max(10_000_000).nullable(),
  description: NullableText(5000),
});

const bothCoordinatesOrNeither = (v: { latitude?: number | null; longitude?: number | null }) =>
  (v.latitude === undefined) === (v.longitude === undefined) &&
  (v.latitude === null) === (v.longitude === null);
const coordinatesMessage = { message: 'latitude and longitude go together', path: ['longitude'] };

export const CreateLocation = LocationFields.partial({
  code: true,
  type: true,
  parent_location_id: true,
  address: true,
  latitude: true,
  longitude: true,
  capacity: true,
  description: true,
})
  .strict()
  .refine(bothCoordinatesOrNeither, coordinatesMessage);
export type CreateLocation = z.infer<typeof CreateLocation>;

export const UpdateLocation = LocationFields.partial()
  .strict()
  .refine(bothCoordinatesOrNeither, coordinatesMessage);
export type UpdateLocation = z.infer<typeof UpdateLocation>;

export const ListLocationsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: z.enum(locationTypes).optional(),
  parent_location_id: z.union([Id, z.literal('root')]).optional(),
  sort: z.string().max(200).optional(),
}).strict();
export type ListLocationsQuery = z.infer<typeof ListLocationsQuery>;

export const LocationRef = z.object({ id: z.number(), name: z.string(), type: z.string() });

export const Location = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  type: z.string(),
  parent_location_id: z.number().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  capacity: z.number().nullable(),
  description: z.string().nullable(),
  occupancy: z.number().describe('Items whose location is this one (not counting sub-locations)'),
  children_count: z.number(),
  ...Timestamps,
});
export type Location = z.infer<typeof Location>;

export const LocationDetail = Location.extend({
  path: z.array(LocationRef).describe('Ancestors from the root down to the parent'),
  subtree_item_count: z.number().describe('Items here and in every sub-location'),
});

export const SubtreeNode = LocationRef.extend({
  parent_location_id: z.number().nullable(),
  depth: z.number(),
  capacity: z.number().nullable(),
  occupancy: z.number(),
});
