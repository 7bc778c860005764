import { describe, expect, it } from 'vitest';
import { blankRequest, requestBodyOf, subjectOf, type ItemRequest } from './request-body.ts';

describe('the request form body', () => {
  it('asks for a category by its id, with the note trimmed and no dates when none were picked', () => {
    expect(requestBodyOf({ ...blankRequest, category_id: '12', note: '  New starter ' })).toEqual({
      category_id: 12,
      note: 'New starter',
    });
  });

  it('asks for a particular item by the SKU on its label, needed over whole local days', () => {
    const body = requestBodyOf({
      ...blankRequest,
      kind: 'item',
      category_id: '12',
      sku: ' CAM-1 ',
      note: 'Conference',
      needed_from: '2030-03-04',
      needed_until: '2030-03-06',
    });
    expect(body).toEqual({
      sku: 'CAM-1',
      note: 'Conference',
      needed_from: new Date(2030, 2, 4, 0, 0, 0).toISOString(),
      needed_until: new Date(2030, 2, 6, 23, 59, 59).toISOString(),
    });
  });
});

describe('what a request is for, in words', () => {
  const request = { item_id: null, item: null, category_id: null, category: null } as unknown as ItemRequest;

  it('names the item with its SKU, or the category', () => {
    expect(subjectOf({ ...request, item_id: 3, item: { id: 3, sku: 'CAM-1', name: 'Camera' } })).toBe(
      'Camera (CAM-1)',
    );
    expect(subjectOf({ ...request, category_id: 4, category: { id: 4, name: 'Laptops' } })).toBe(
      'Any item of Laptops',
    );
  });

  it('falls back to the ids when the names are missing', () => {
    expect(subjectOf({ ...request, item_id: 3 })).toBe('Item 3');
    expect(subjectOf({ ...request, category_id: 4 })).toBe('Any item of category 4');
  });
});
