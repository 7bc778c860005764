// Tag request and response shapes. Names are short labels stored lower-case so "Laptop" and "laptop " are one tag.
import { z } from 'zod';
import { PageQuery } from '../../platform/pagination.ts';
import { NullableText, Timestamps } from '../../platform/schemas.ts';

export const TagName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u, 'use letters, digits, spaces, dot, dash, slash or underscore');

/** `#rrggbb`, stored lower-case. */
const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .toLowerCase()
  .nullable();

export const CreateTag = z
  .object({
    name: TagName,
    color: Color.optional(),
    description: NullableText(1000).optional(),
  })
  .strict();
export type CreateTag = z.infer<typeof CreateTag>;

export const UpdateTag = CreateTag.partial()
  .strict()
  .describe('A rename is applied to every item carrying the tag, with a history entry on each');
export type UpdateTag = z.infer<typeof UpdateTag>;

export const ListTagsQuery = PageQuery.extend({
  q: z.string().trim().toLowerCase().max(50).optional().describe('Names starting with this'),
}).strict();
export type ListTagsQuery = z.infer<typeof ListTagsQuery>;

export const Tag = z.object({
  id: z.number(),
  name: z.string(),
  color: z.string().nullable(),
  description: z.string().nullable(),
  item_count: z.number().describe('Items carrying this tag'),
  ...Timestamps,
});
export type Tag = z.infer<typeof Tag>;
