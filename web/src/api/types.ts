// Response shapes named for the screens, taken from the generated schema.
import type { paths } from './schema.d.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? Json<R>
  : paths[P][M] extends { responses: { 201: infer R } }
    ? Json<R>
    : never;

export type ItemPage = Ok<'/api/v1/items', 'get'>;
export type Item = ItemPage['data'][number];
export type ItemStatus = Item['status'];
export type Facets = NonNullable<ItemPage['facets']>;
export type ItemQuery = NonNullable<paths['/api/v1/items']['get']['parameters']['query']>;
export type NewItem = NonNullable<
  paths['/api/v1/items']['post']['requestBody']
>['content']['application/json'];
export type HistoryEntry = Ok<'/api/v1/items/{id}/history', 'get'>['data'][number];
export type Location = Ok<'/api/v1/locations', 'get'>['data'][number];
export type LocationDetail = Ok<'/api/v1/locations/{id}', 'get'>;
export type Category = Ok<'/api/v1/categories', 'get'>['data'][number];
export type FieldDefinition = Ok<'/api/v1/categories/{id}/fields', 'get'>['data'][number];
export type Supplier = Ok<'/api/v1/suppliers', 'get'>['data'][number];
export type User = Ok<'/api/v1/users', 'get'>['data'][number];
export type Me = Ok<'/api/v1/auth/me', 'get'>;
export type ApiKey = Ok<'/api/v1/api-keys', 'get'>['data'][number];
export type AuditPage = Ok<'/api/v1/audit', 'get'>;
export type AuditEntry = AuditPage['data'][number];
export type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
export type Assignment = Ok<'/api/v1/items/{id}/assignments', 'get'>['data'][number];
export type CheckInCondition = NonNullable<
  paths['/api/v1/items/{id}/checkin']['post']['requestBody']
>['content']['application/json']['condition'];
