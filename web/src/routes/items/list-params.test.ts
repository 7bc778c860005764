import { describe, expect, it } from 'vitest';
import { nextSort, sortDirection, toItemQuery } from './list-params.ts';

describe('items list parameters', () => {
  it('sends the API only the filters the list knows, from the URL', () => {
    const query = toItemQuery(new URLSearchParams('q=latitude&status=in_stock,deployed&tab=x&sort=-name'));
    expect(query).toEqual({ q: 'latitude', status: 'in_stock,deployed', sort: '-name' });
  });

  it('cycles a column header through ascending, descending and the default order', () => {
    expect(nextSort(null, 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBeNull();
    expect(nextSort('-sku', 'name')).toBe('name');
    expect(sortDirection('-name', 'name')).toBe('desc');
    expect(sortDirection('-name', 'sku')).toBeNull();
  });
});
