import { describe, expect, it } from 'vitest';
import {
  adjustBody,
  blankMovement,
  issueBody,
  receiveBody,
  settingsBody,
  transferBody,
} from './movement-body.ts';

describe('stock form bodies', () => {
  it('receives the typed decimals as strings and leaves blank extras out', () => {
    expect(receiveBody(4, { ...blankMovement(), quantity: ' 10 ', unit_cost: '2.50' })).toEqual({
      location_id: 4,
      quantity: '10',
      unit_cost: '2.50',
    });
  });

  it('always sends an issue its reason, blank or not, for the server to judge', () => {
    expect(issueBody(4, { ...blankMovement(), quantity: '3', reference: ' WO-7 ' })).toEqual({
      location_id: 4,
      quantity: '3',
      reason: '',
      reference: 'WO-7',
    });
  });

  it('sends a stocktake either the count or the signed correction, never both', () => {
    const values = { ...blankMovement(), counted_quantity: '7', delta: '-2', reason: 'Count' };
    expect(adjustBody(4, values)).toEqual({ location_id: 4, counted_quantity: '7', reason: 'Count' });
    expect(adjustBody(4, { ...values, adjust_by: 'delta' })).toEqual({
      location_id: 4,
      delta: '-2',
      reason: 'Count',
    });
  });

  it('moves stock from the level shown to the chosen location', () => {
    expect(transferBody(4, { ...blankMovement(), quantity: '1.5', to_location_id: '9' })).toEqual({
      from_location_id: 4,
      to_location_id: 9,
      quantity: '1.5',
    });
  });

  it('clears a reorder setting left blank', () => {
    expect(settingsBody({ min_level: ' 2 ', reorder_point: '5', reorder_quantity: '' })).toEqual({
      min_level: '2',
      reorder_point: '5',
      reorder_quantity: null,
    });
  });
});
