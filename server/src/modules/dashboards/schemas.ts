// Dashboard request and response shapes: the executive dashboard, widget data, and custom dashboards.
import { z } from 'zod';
import { itemStatuses } from '../../db/schema.ts';
import { Id, Timestamps } from '../../platform/schemas.ts';
import { sourceKinds, sourceNames, sources, visualisations } from './sources.ts';

const filterFields = {
  location_id: Id.optional().describe('This location and all below it'),
  category_id: Id.optional().describe('This category and all below it'),
};

export const ExecutiveQuery = z
  .object({
    ...filterFields,
    top: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(50, 'must be at most 50')
      .default(8)
      .describe('Categories and locations shown by name; the rest are summed as "Other"'),
  })
  .strict();
export type ExecutiveQuery = z.infer<typeof ExecutiveQuery>;

const Count = z.object({
  id: z.number().nullable().describe('null for "Other" and for items without one'),
  label: z.string(),
  count: z.number(),
});

const MonthValue = z.object({ month_end: z.string(), items: z.number(), book_value: z.string() });

export const ExecutiveDashboard = z.object({
  as_of: z.string(),
  assets: z.object({
    total: z.number().describe('Items not disposed of'),
    by_status: z.array(z.object({ status: z.string(), count: z.number() })),
  }),
  cost: z.string().describe('Purchase cost of the items owned today'),
  book_value: z.string().describe('Their book value today'),
  depreciation_this_month: z
    .string()
    .describe('Book value at the start of this month less at its end, for items held the whole month'),
  utilisation: z.object({
    in_use: z.number().describe('Serialised items deployed or checked out'),
    in_service: z.number().describe('Serialised items in stock, deployed or in repair'),
    ratio: z.number().describe('in_use / in_service, 4 decimals; 0 when nothing is in service'),
  }),
  overdue: z.object({
    maintenance: z.number().describe('Maintenance due and not started'),
    check_ins: z.number().describe('Check-outs past their expected return'),
  }),
  by_category: z
    .array(Count)
    .describe('Items not disposed of, by their own category: the top ones, then Other'),
  by_location: z
    .array(Count)
    .describe(
      'Items not disposed of, by top-level site (below a location filter or scope: by its children): the top ones, then Other',
    ),
  value_over_time: z.array(MonthValue).describe('Book value at each of the last 12 month ends, oldest first'),
});

export const WidgetFilters = z.object({ ...filterFields, status: z.enum(itemStatuses).optional() }).strict();
export type WidgetFilters = z.infer<typeof WidgetFilters>;

export const WidgetDataQuery = WidgetFilters.extend({
  source: z.enum(sourceNames).describe('What to measure: see GET /dashboards/sources'),
}).strict();
export type WidgetDataQuery = z.infer<typeof WidgetDataQuery>;

const units = ['count', 'money', 'ratio'] as const;

export const WidgetData = z.discriminatedUnion('kind', [
  z.object({
    source: z.string(),
    kind: z.literal('kpi'),
    unit: z.enum(units),
    value: z.string().describe('A count, a decimal string of money, or a ratio with 4 decimals'),
  }),
  z.object({
    source: z.string(),
    kind: z.literal('series'),
    unit: z.enum(units),
    points: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
]);
export type WidgetData = z.infer<typeof WidgetData>;

export const Source = z.object({
  name: z.enum(sourceNames),
  description: z.string(),
  kind: z.enum(sourceKinds),
  unit: z.enum(units),
  visualisations: z.array(z.enum(visualisations)),
});

const Widget = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(100),
    source: z.enum(sourceNames),
    filters: WidgetFilters.default({}),
    visualisation: z.enum(visualisations),
    position: z.object({ x: z.number().int().min(0).max(11), y: z.number().int().min(0).max(999) }).strict(),
    size: z.object({ w: z.number().int().min(1).max(12), h: z.number().int().min(1).max(12) }).strict(),
  })
  .strict()
  .superRefine((widget, ctx) => {
    const allowed = sources[widget.source].visualisations;
    if (!allowed.includes(widget.visualisation))
      ctx.addIssue({
        code: 'custom',
        path: ['visualisation'],
        message: `must be ${allowed.join(' or ')} for ${widget.source}`,
      });
  });
export type Widget = z.infer<typeof Widget>;

const Widgets = z.array(Widget).max(24, 'a dashboard holds at most 24 widgets');

const name = z.string().trim().min(1, 'must not be empty').max(100);

export const CreateDashboard = z.object({ name, widgets: Widgets.default([]) }).strict();
export type CreateDashboard = z.infer<typeof CreateDashboard>;

export const UpdateDashboard = z.object({ name: name.optional(), widgets: Widgets.optional() }).strict();
export type UpdateDashboard = z.infer<typeof UpdateDashboard>;

export const Dashboard = z.object({
  id: z.number(),
  name: z.string(),
  widgets: z.array(Widget),
  ...Timestamps,
});
