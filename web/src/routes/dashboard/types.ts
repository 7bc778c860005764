// Dashboard shapes, taken from the generated API schema.
import type { paths } from '../../api/schema.d.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;

export type Executive = Get<'/api/v1/dashboards/executive'>;
export type Dashboard = Get<'/api/v1/dashboards/{id}'>;
export type Widget = Dashboard['widgets'][number];
export type WidgetFilters = NonNullable<Widget['filters']>;
export type Source = Get<'/api/v1/dashboards/sources'>['data'][number];
export type WidgetData = Get<'/api/v1/dashboards/widget-data'>;
