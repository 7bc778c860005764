import { describe, expect, it } from 'vitest';
import { bodyOf, formValuesOf, newItemBodyOf } from './item-body.ts';

describe('the item form body', () => {
  it('sends blanks as null and money as the typed decimal string, never a number', () => {
    const body = bodyOf({
      ...formValuesOf(),
      sku: ' LAP-1 ',
      name: 'Laptop',
      purchase_price: '1299.90',
      serial_number: ' ',
    });
    expect(body).toMatchObject({
      sku: 'LAP-1',
      name: 'Laptop',
      purchase_price: '1299.90',
      serial_number: null,
    });
  });

  it('keeps named specifications and drops empty rows and blank custom fields', () => {
    const body = bodyOf({
      ...formValuesOf(),
      specifications: [
        ['RAM', '16 GB'],
        ['', 'orphan'],
      ],
      custom_fields: { asset_tag: 'A-1', colour: '' },
    });
    expect(body.specifications).toEqual({ RAM: '16 GB' });
    expect(body.custom_fields).toEqual({ asset_tag: 'A-1' });
  });

  it('round-trips an item into form values', () => {
    const values = formValuesOf({
      sku: 'X',
      name: 'Y',
      category_id: 7,
      specifications: { cpu: 'M2', cores: 8 },
    } as never);
    expect(values.category_id).toBe('7');
    expect(values.specifications).toEqual([
      ['cpu', 'M2'],
      ['cores', '8'],
    ]);
  });

  it('sends how a new item is counted only when it is by quantity, and never on an edit', () => {
    const serial = { ...formValuesOf(), sku: 'S', name: 'Scale' };
    expect(newItemBodyOf(serial)).not.toHaveProperty('tracking');
    expect(newItemBodyOf({ ...serial, tracking: 'quantity', unit: ' ' })).toMatchObject({
      tracking: 'quantity',
    });
    expect(newItemBodyOf({ ...serial, tracking: 'quantity', unit: ' ' })).not.toHaveProperty('unit');
    expect(newItemBodyOf({ ...serial, tracking: 'quantity', unit: ' box ' })).toMatchObject({ unit: 'box' });
    expect(bodyOf({ ...serial, tracking: 'quantity', unit: 'box' })).not.toHaveProperty('tracking');
  });
});
