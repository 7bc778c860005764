import { describe, expect, it } from 'vitest';
import { downloadUrl, filterFields, filterValues } from './filter-fields.ts';

const schema = {
  type: 'object',
  properties: {
    as_of: { type: 'string', format: 'date', description: 'The register at the end of this day' },
    location_id: { type: 'integer' },
    status: { type: 'string', enum: ['deployed', 'lost'] },
    idle_days: { type: 'integer' },
    q: { type: 'string' },
  },
};

describe('report filter fields', () => {
  it('reads each filter’s kind and label from the schema', () => {
    expect(filterFields(schema)).toEqual([
      { name: 'as_of', label: 'As of', kind: 'date', description: 'The register at the end of this day' },
      { name: 'location_id', label: 'Location', kind: 'location' },
      { name: 'status', label: 'Status', kind: 'choice', choices: ['deployed', 'lost'] },
      { name: 'idle_days', label: 'Idle days', kind: 'number' },
      { name: 'q', label: 'Q', kind: 'text' },
    ]);
  });

  it('sends only what was filled in, ids and numbers as numbers', () => {
    const fields = filterFields(schema);
    const values = filterValues(fields, {
      as_of: '2024-12-31',
      location_id: '7',
      status: '',
      idle_days: ' 30 ',
    });
    expect(values).toEqual({ as_of: '2024-12-31', location_id: 7, idle_days: 30 });
    expect(downloadUrl('asset-register', values, 'csv')).toBe(
      '/api/v1/reports/asset-register/download?as_of=2024-12-31&location_id=7&idle_days=30&format=csv',
    );
  });
});
