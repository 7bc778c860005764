import { describe, expect, it } from 'vitest';
import {
  intervalProblem,
  recurrenceText,
  scheduleBody,
  scheduleChanges,
  scheduleValuesOf,
  type Schedule,
} from './maintenance-schedule.ts';

const monthly = {
  ...scheduleValuesOf(),
  maintenance_type: ' inspection ',
  recurrence: 'months' as const,
  recurrence_interval: '1',
  scheduled_date: '2026-12-05',
  technician_user_id: '7',
  estimated_duration: '2 hours',
};

describe('the schedule form body', () => {
  it('sends blanks as null, the interval as a number, and no usage fields for a calendar plan', () => {
    expect(scheduleBody(monthly)).toEqual({
      maintenance_type: 'inspection',
      description: null,
      recurrence: 'months',
      recurrence_interval: 1,
      scheduled_date: '2026-12-05',
      estimated_duration: '2 hours',
      technician_user_id: 7,
      technician: null,
    });
  });

  it('leaves a one-off without an interval and a blank date to the server', () => {
    const body = scheduleBody({ ...monthly, recurrence: 'none', scheduled_date: '' });
    expect(body.recurrence_interval).toBeNull();
    expect(body).not.toHaveProperty('scheduled_date');
  });

  it('sends the counter settings of a usage plan as typed decimals', () => {
    const body = scheduleBody({
      ...monthly,
      recurrence: 'usage',
      recurrence_interval: '500',
      usage_unit: 'hours',
      usage_reading: '1250.5',
    });
    expect(body).toMatchObject({ usage_unit: 'hours', usage_reading: '1250.5', next_due_usage: null });
  });

  it('asks for a whole interval of at least 1 when it recurs', () => {
    expect(intervalProblem({ recurrence: 'none', recurrence_interval: '' })).toBeNull();
    expect(intervalProblem({ recurrence: 'days', recurrence_interval: '0' })).not.toBeNull();
    expect(intervalProblem({ recurrence: 'days', recurrence_interval: '2.5' })).not.toBeNull();
    expect(intervalProblem({ recurrence: 'days', recurrence_interval: ' 14 ' })).toBeNull();
  });
});

describe('an edit', () => {
  it('sends only what changed', () => {
    expect(scheduleChanges(monthly, { ...monthly, technician: 'Acme Lifts' })).toEqual({
      technician: 'Acme Lifts',
    });
    expect(scheduleChanges(monthly, monthly)).toEqual({});
  });

  it('sends the whole recurrence plan when any of it changed', () => {
    expect(scheduleChanges(monthly, { ...monthly, recurrence: 'days' })).toEqual({
      recurrence: 'days',
      recurrence_interval: 1,
      scheduled_date: '2026-12-05',
    });
  });

  it('starts from the schedule as it is', () => {
    const values = scheduleValuesOf({
      maintenance_type: 'service',
      recurrence: 'days',
      recurrence_interval: 30,
      technician_user_id: null,
      technician: 'Acme',
    } as Schedule);
    expect(values).toMatchObject({ recurrence_interval: '30', technician_user_id: null, technician: 'Acme' });
  });
});

describe('a recurrence in words', () => {
  it('reads as a person would say it', () => {
    const plan = { usage_unit: null, recurrence_interval: 1 };
    expect(recurrenceText({ ...plan, recurrence: 'months' })).toBe('Every month');
    expect(recurrenceText({ ...plan, recurrence: 'days', recurrence_interval: 14 })).toBe('Every 14 days');
    expect(recurrenceText({ recurrence: 'usage', recurrence_interval: 500, usage_unit: 'hours' })).toBe(
      'Every 500 hours',
    );
    expect(recurrenceText({ ...plan, recurrence: 'none', recurrence_interval: null })).toBe('Once');
  });
});
