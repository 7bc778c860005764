// The database schema: the seed's six tables (their names and columns kept) plus what the catalog needs.
// Every mutable row carries `version` (→ ETag / If-Match) and `updated_at`.
import { sql } from 'drizzle-orm';
import { openField, sealField } from '../platform/crypto/field-encryption.ts';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  interval,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Personal or secret text, encrypted at rest (AES-256-GCM): sealed on the way in, opened on the way out. */
const sealedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: sealField,
  fromDriver: openField,
});

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });
const oneOf = (column: unknown, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
const timestamps = {
  created_at: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updated_at: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
};

export const locationTypes = ['site', 'building', 'floor', 'room', 'area', 'storage', 'vehicle'] as const;

export const locations = pgTable(
  'locations',
  {
    id: id(),
    name: varchar('name', { length: 200 }).notNull(),
    code: varchar('code', { length: 50 }),
    type: varchar('type', { length: 20 }).notNull().default('room'),
    parent_location_id: ref('parent_location_id').references((): AnyPgColumn => locations.id),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    capacity: integer('capacity'),
    description: text('description'),
    ...timestamps,
  },
  (t) => [
    index('locations_parent_idx').on(t.parent_location_id),
    uniqueIndex('locations_code_key').on(t.code),
    check('locations_type_check', oneOf(t.type, locationTypes)),
    check('locations_capacity_check', sql`${t.capacity} >= 0`),
    check('locations_latitude_check', sql`${t.latitude} between -90 and 90`),
    check('locations_longitude_check', sql`${t.longitude} between -180 and 180`),
    check('locations_not_own_parent', sql`${t.parent_location_id} <> ${t.id}`),
  ],
);

export const depreciationMethods = [
  'straight_line',
  'declining_balance',
  'double_declining',
  'sum_of_years_digits',
  'macrs',
] as const;

export const categories = pgTable(
  'categories',
  {
    id: id(),
    name: varchar('name', { length: 200 }).notNull(),
    description: text('description'),
    parent_category_id: ref('parent_category_id').references((): AnyPgColumn => categories.id),
    depreciation_rate: numeric('depreciation_rate', { precision: 5, scale: 4 }),
    depreciation_method: varchar('depreciation_method', { length: 30 }).notNull().default('straight_line'),
    useful_life_months: integer('useful_life_months'),
    salvage_value: money('salvage_value'),
    recovery_period: integer('recovery_period'),
    ...timestamps,
  },
  (t) => [
    index('categories_parent_idx').on(t.parent_category_id),
    check('categories_depreciation_method_check', oneOf(t.depreciation_method, depreciationMethods)),
    check('categories_depreciation_rate_check', sql`${t.depreciation_rate} between 0 and 1`),
    check('categories_useful_life_check', sql`${t.useful_life_months} > 0`),
    check('categories_salvage_check', sql`${t.salvage_value} >= 0`),
    check('categories_recovery_period_check', sql`${t.recovery_period} in (3, 5, 7, 10, 15, 20)`),
    check('categories_not_own_parent', sql`${t.parent_category_id} <> ${t.id}`),
  ],
);

export const customFieldTypes = ['text', 'number', 'integer', 'boolean', 'date', 'select', 'url'] as const;

export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: id(),
    category_id: ref('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 64 }).notNull(),
    label: varchar('label', { length: 200 }).notNull(),
    field_type: varchar('field_type', { length: 20 }).notNull(),
    required: boolean('required').notNull().default(false),
    options: jsonb('options').$type<string[]>(),
    sensitive: boolean('sensitive').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('custom_field_definitions_category_name_key').on(t.category_id, t.name),
    check('custom_field_definitions_type_check', oneOf(t.field_type, customFieldTypes)),
  ],
);

export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    name: varchar('name', { length: 200 }).notNull(),
    // Contact details are personal data: sealed at rest, so they cannot be searched in SQL.
    contact_name: sealedText('contact_name'),
    email: sealedText('email'),
    phone: sealedText('phone'),
    website: varchar('website', { length: 500 }),
    address: sealedText('address'),
    notes: text('notes'),
    is_preferred: boolean('is_preferred').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('suppliers_name_key').on(sql`lower(${t.name})`)],
);

export const itemStatuses = [
  'ordered',
  'in_stock',
  'deployed',
  'in_repair',
  'lost',
  'retired',
  'disposed',
] as const;

/** How an item is counted: one row per thing (serial), or a quantity per location (consumables, spare parts). */
export const itemTrackings = ['serial', 'quantity'] as const;

export const inventoryItems = pgTable(
  'inventory_items',
  {
    id: id(),
    sku: varchar('sku', { length: 64 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    description: text('description'),
    serial_number: varchar('serial_number', { length: 100 }),
    category_id: ref('category_id').references(() => categories.id),
    location_id: ref('location_id').references(() => locations.id),
    supplier_id: ref('supplier_id').references(() => suppliers.id),
    status: varchar('status', { length: 20 }).notNull().default('in_stock'),
    purchase_date: date('purchase_date', { mode: 'string' }),
    purchase_price: money('purchase_price'),
    current_value: money('current_value'),
    warranty_expiry: date('warranty_expiry', { mode: 'string' }),
    // Who has it: personal data, sealed at rest; found by its blind index (an HMAC of the lower-cased name).
    assigned_to: sealedText('assigned_to'),
    assigned_to_index: varchar('assigned_to_index', { length: 64 }),
    specifications: jsonb('specifications').$type<Record<string, unknown>>().notNull().default({}),
    custom_fields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    depreciation_method: varchar('depreciation_method', { length: 30 }),
    useful_life_months: integer('useful_life_months'),
    salvage_value: money('salvage_value'),
    recovery_period: integer('recovery_period'),
    // Serial: one row is one thing. Quantity: one row is a stock-keeping unit counted per location (stock_levels).
    tracking: varchar('tracking', { length: 10 }).notNull().default('serial'),
    unit: varchar('unit', { length: 20 }),
    // When a leased item's lease ends (it goes back to the lessor); null for owned items.
    lease_expires_on: date('lease_expires_on', { mode: 'string' }),
    // When the item was last scanned in a physical audit (stocktakes): a fact about the item, not an edit of it.
    last_audited_at: timestamp('last_audited_at', { withTimezone: true, mode: 'date' }),
    search_vector: tsvector('search_vector').generatedAlwaysAs(
      // One text-search configuration throughout, so a query parsed with it matches every part.
      sql`setweight(to_tsvector('english', coalesce(name, '') || ' ' || sku || ' ' || coalesce(serial_number, '')), 'A') || setweight(to_tsvector('english', eis_tags_text(tags)), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('inventory_items_sku_key').on(t.sku),
    index('inventory_items_category_idx').on(t.category_id),
    index('inventory_items_location_idx').on(t.location_id),
    index('inventory_items_supplier_idx').on(t.supplier_id),
    index('inventory_items_status_idx').on(t.status),
    index('inventory_items_name_idx').on(t.name, t.id),
    index('inventory_items_purchase_date_idx').on(t.purchase_date),
    index('inventory_items_warranty_idx').on(t.warranty_expiry),
    index('inventory_items_lease_idx').on(t.lease_expires_on),
    index('inventory_items_assigned_to_idx').on(t.assigned_to_index),
    index('inventory_items_tags_idx').using('gin', t.tags),
    index('inventory_items_custom_fields_idx').using('gin', sql`${t.custom_fields} jsonb_path_ops`),
    index('inventory_items_search_idx').using('gin', t.search_vector),
    index('inventory_items_last_audited_idx').on(t.last_audited_at),
    index('inventory_items_sku_trgm_idx').using('gin', sql`${t.sku} gin_trgm_ops`),
    index('inventory_items_serial_trgm_idx').using('gin', sql`${t.serial_number} gin_trgm_ops`),
    // SKU and serial prefixes, ignoring case: an index range instead of testing every row a search scans.
    index('inventory_items_sku_prefix_idx').using('btree', sql`lower(${t.sku}) text_pattern_ops`),
    index('inventory_items_serial_prefix_idx').using(
      'btree',
      sql`lower(${t.serial_number}) text_pattern_ops`,
    ),
    check('inventory_items_status_check', oneOf(t.status, itemStatuses)),
    check('inventory_items_depreciation_method_check', oneOf(t.depreciation_method, depreciationMethods)),
    check('inventory_items_recovery_period_check', sql`${t.recovery_period} in (3, 5, 7, 10, 15, 20)`),
    check('inventory_items_purchase_price_check', sql`${t.purchase_price} >= 0`),
    check('inventory_items_current_value_check', sql`${t.current_value} >= 0`),
    check('inventory_items_tracking_check', oneOf(t.tracking, itemTrackings)),
    check('inventory_items_unit_check', sql`(${t.tracking} = 'quantity') = (${t.unit} is not null)`),
  ],
);

/** Distinct words of item names and tags: the vocabulary a misspelt search is corrected against (trigrams). */
export const searchTerms = pgTable(
  'search_terms',
  { term: varchar('term', { length: 100 }).primaryKey() },
  (t) => [index('search_terms_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`)],
);

export const tags = pgTable(
  'tags',
  {
    id: id(),
    name: varchar('name', { length: 50 }).notNull(),
    color: varchar('color', { length: 7 }),
    description: text('description'),
    ...timestamps,
  },
  (t) => [uniqueIndex('tags_name_key').on(t.name)],
);

export const assetHistory = pgTable(
  'asset_history',
  {
    id: id(),
    // No foreign key: history is an append-only log that outlives a deleted item.
    item_id: ref('item_id').notNull(),
    action: varchar('action', { length: 40 }).notNull(),
    performed_by: varchar('performed_by', { length: 200 }),
    notes: text('notes'),
    additional_data: jsonb('additional_data').$type<Record<string, unknown>>().notNull().default({}),
    created_at: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('asset_history_item_idx').on(t.item_id, t.id)],
);

export const maintenanceStatuses = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export const maintenanceRecurrences = ['none', 'days', 'months', 'usage'] as const;
/** Planned care, or the repair of a failure: corrective work is what mean time between failures counts. */
export const maintenanceKinds = ['preventive', 'corrective'] as const;

export const maintenanceSchedules = pgTable(
  'maintenance_schedules',
  {
    id: id(),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id, { onDelete: 'cascade' }),
    maintenance_type: varchar('maintenance_type', { length: 50 }).notNull(),
    description: text('description'),
    scheduled_date: date('scheduled_date', { mode: 'string' }).notNull(),
    estimated_duration: interval('estimated_duration'),
    technician: varchar('technician', { length: 200 }),
    status: varchar('status', { length: 20 }).notNull().default('scheduled'),
    ...timestamps,
    // Added by the maintenance module: who does it, how it recurs, and what the item was before work started.
    technician_user_id: ref('technician_user_id').references((): AnyPgColumn => users.id),
    recurrence: varchar('recurrence', { length: 10 }).notNull().default('none'),
    recurrence_interval: integer('recurrence_interval'),
    // For monthly recurrence: the day of month asked for, so Jan 31 → Feb 28 → Mar 31.
    recurrence_anchor_day: integer('recurrence_anchor_day'),
    usage_unit: varchar('usage_unit', { length: 20 }),
    usage_reading: numeric('usage_reading', { precision: 14, scale: 2 }),
    next_due_usage: numeric('next_due_usage', { precision: 14, scale: 2 }),
    item_status_before: varchar('item_status_before', { length: 20 }),
    started_at: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    started_by: varchar('started_by', { length: 200 }),
    kind: varchar('kind', { length: 20 }).notNull().default('preventive'),
  },
  (t) => [
    index('maintenance_schedules_item_idx').on(t.item_id),
    index('maintenance_schedules_date_idx').on(t.scheduled_date),
    // One piece of work at a time per item: the database's backstop to the row locks.
    uniqueIndex('maintenance_schedules_in_progress_key')
      .on(t.item_id)
      .where(sql`${t.status} = 'in_progress'`),
    check('maintenance_schedules_status_check', oneOf(t.status, maintenanceStatuses)),
    check('maintenance_schedules_recurrence_check', oneOf(t.recurrence, maintenanceRecurrences)),
    check('maintenance_schedules_kind_check', oneOf(t.kind, maintenanceKinds)),
    check(
      'maintenance_schedules_interval_check',
      sql`(${t.recurrence} = 'none') = (${t.recurrence_interval} is null) and ${t.recurrence_interval} > 0`,
    ),
    check(
      'maintenance_schedules_usage_check',
      sql`${t.recurrence} <> 'usage' or (${t.usage_unit} is not null and ${t.next_due_usage} is not null)`,
    ),
  ],
);

/** Replay store for `Idempotency-Key` on creates: one row per (key, caller, route). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: varchar('key', { length: 200 }).notNull(),
    scope: varchar('scope', { length: 300 }).notNull(),
    request_hash: varchar('request_hash', { length: 64 }).notNull(),
    status_code: integer('status_code'),
    response_body: text('response_body'),
    created_at: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.scope] }), index('idempotency_keys_created_idx').on(t.created_at)],
);

export const roles = ['admin', 'asset_manager', 'technician', 'auditor', 'employee'] as const;
/** Where an account signs in: here with its password, or through the LDAP / Active Directory directory. */
export const userSources = ['local', 'ldap'] as const;

export const users = pgTable(
  'users',
  {
    id: id(),
    email: varchar('email', { length: 254 }).notNull(),
    display_name: varchar('display_name', { length: 200 }).notNull(),
    // argon2id; null for accounts that sign in through the directory.
    password_hash: text('password_hash'),
    source: varchar('source', { length: 10 }).notNull().default('local'),
    // The directory entry a directory account was provisioned from (its DN), re-read at every refresh.
    directory_dn: text('directory_dn'),
    role: varchar('role', { length: 20 }).notNull().default('employee'),
    // Limits the user to this location and everything below it; null sees every location.
    location_scope_id: ref('location_scope_id').references(() => locations.id),
    is_active: boolean('is_active').notNull().default(true),
    // Bumped to end every session at once (deactivation, password change, "sign out everywhere").
    session_version: integer('session_version').notNull().default(1),
    failed_sign_ins: integer('failed_sign_ins').notNull().default(0),
    locked_until: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    last_sign_in_at: timestamp('last_sign_in_at', { withTimezone: true, mode: 'date' }),
    // TOTP: the secret (pending until the first code verifies it), the last time step used (no replays),
    // and SHA-256 hashes of the unused recovery codes.
    mfa_secret: sealedText('mfa_secret'),
    mfa_enabled: boolean('mfa_enabled').notNull().default(false),
    mfa_last_step: bigint('mfa_last_step', { mode: 'number' }),
    mfa_recovery_codes: text('mfa_recovery_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_role_check', oneOf(t.role, roles)),
    check('users_source_check', oneOf(t.source, userSources)),
  ],
);

/** Refresh tokens, stored as SHA-256 hashes; each rotation stays in its family so reuse can revoke them all. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    user_id: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    family_id: varchar('family_id', { length: 36 }).notNull(),
    token_hash: varchar('token_hash', { length: 64 }).notNull(),
    expires_at: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    used_at: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    revoked_at: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    user_agent: varchar('user_agent', { length: 500 }),
    ip: varchar('ip', { length: 64 }),
    created_at: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_key').on(t.token_hash),
    index('refresh_tokens_family_idx').on(t.family_id),
    index('refresh_tokens_user_idx').on(t.user_id),
  ],
);

/** Keys for integrations: only a SHA-256 of the key is kept; `scopes` are the permissions it grants. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    name: varchar('name', { length: 100 }).notNull(),
    // The key's first characters, shown in listings so people can tell keys apart.
    prefix: varchar('prefix', { length: 16 }).notNull(),
    key_hash: varchar('key_hash', { length: 64 }).notNull(),
    scopes: text('scopes').array().notNull(),
    created_by: ref('created_by')
      .notNull()
      .references(() => users.id),
    expires_at: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revoked_at: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    created_at: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.key_hash)],
);

/** Per-role security settings an admin chooses: whether the role must use two-factor sign-in. */
export const roleSettings = pgTable(
  'role_settings',
  {
    role: varchar('role', { length: 20 }).primaryKey(),
    mfa_required: boolean('mfa_required').notNull().default(false),
    updated_at: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('role_settings_role_check', oneOf(t.role, roles))],
);

/**
 * Who changed what, append-only. Each entry's `hash` covers its content and the previous entry's hash, in `seq`
 * order, so altering or removing a row breaks the chain (`eis audit verify`). Rows are written by triggers
 * (every change to an audited table) and by the app (security events); `audit_chain` holds the chain's head.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    // seq, prev_hash and hash are filled in by the append trigger.
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    occurred_at: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // No foreign key: the log outlives the users it names.
    actor_user_id: ref('actor_user_id'),
    actor_label: varchar('actor_label', { length: 200 }).notNull(),
    ip: varchar('ip', { length: 64 }),
    user_agent: varchar('user_agent', { length: 500 }),
    request_id: varchar('request_id', { length: 100 }),
    action: varchar('action', { length: 60 }).notNull(),
    entity_type: varchar('entity_type', { length: 60 }),
    entity_id: varchar('entity_id', { length: 100 }),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    prev_hash: varchar('prev_hash', { length: 64 }).notNull().default(''),
    hash: varchar('hash', { length: 64 }).notNull().default(''),
  },
  (t) => [
    uniqueIndex('audit_log_seq_key').on(t.seq),
    index('audit_log_entity_idx').on(t.entity_type, t.entity_id, t.seq),
    index('audit_log_actor_idx').on(t.actor_user_id, t.seq),
    index('audit_log_action_idx').on(t.action, t.seq),
    index('audit_log_occurred_idx').on(t.occurred_at),
  ],
);

/** The audit chain's head: one row, locked by each append so entries chain in commit order. */
export const auditChain = pgTable('audit_chain', {
  id: integer('id').primaryKey().default(1),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: varchar('hash', { length: 64 }).notNull(),
});

// ── Depreciation and disposal ────────────────────────────────────────────────────────────────────────────────

export const disposalMethods = [
  'sold',
  'scrapped',
  'donated',
  'recycled',
  'traded_in',
  'returned_to_vendor',
  'lost',
  'stolen',
] as const;

/** How, when and for how much an item left the organisation, with the gain or loss against its book value. */
export const itemDisposals = pgTable(
  'item_disposals',
  {
    id: id(),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id, { onDelete: 'cascade' }),
    method: varchar('method', { length: 30 }).notNull(),
    disposed_on: date('disposed_on', { mode: 'string' }).notNull(),
    proceeds: money('proceeds').notNull(),
    // Null when the item has no purchase price: there is no book value to gain or lose against.
    book_value: money('book_value'),
    gain_loss: numeric('gain_loss', { precision: 14, scale: 2 }),
    notes: text('notes'),
    disposed_by: varchar('disposed_by', { length: 200 }),
    created_at: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('item_disposals_item_key').on(t.item_id),
    index('item_disposals_disposed_on_idx').on(t.disposed_on),
    check('item_disposals_method_check', oneOf(t.method, disposalMethods)),
    check('item_disposals_proceeds_check', sql`${t.proceeds} >= 0`),
  ],
);

// ── Assignment, requests, reservations and the outbox (check-out/check-in) ──────────────────────────────────

/**
 * The outbox: each domain change writes its event here in the same transaction; a dispatcher delivers them later.
 * `occurrence_key` makes detected events (an overdue check-out, an upcoming reservation) happen once each.
 */
export const events = pgTable(
  'events',
  {
    id: id(),
    type: varchar('type', { length: 100 }).notNull(),
    aggregate_type: varchar('aggregate_type', { length: 50 }).notNull(),
    aggregate_id: ref('aggregate_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    occurrence_key: varchar('occurrence_key', { length: 200 }),
    occurred_at: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    dispatched_at: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('events_undispatched_idx')
      .on(t.id)
      .where(sql`${t.dispatched_at} is null`),
    index('events_aggregate_idx').on(t.aggregate_type, t.aggregate_id),
    uniqueIndex('events_occurrence_key').on(t.occurrence_key),
  ],
);

export const checkinConditions = ['new', 'good', 'fair', 'poor', 'damaged'] as const;

/** Who or what holds an item, from check-out to check-in: the full assignment history. */
export const checkouts = pgTable(
  'checkouts',
  {
    id: id(),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id),
    // Exactly one target: a person, a location, or another item (a kit).
    assignee_user_id: ref('assignee_user_id').references(() => users.id),
    location_id: ref('location_id').references(() => locations.id),
    parent_item_id: ref('parent_item_id').references((): AnyPgColumn => inventoryItems.id),
    checked_out_at: timestamp('checked_out_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    checked_out_by: varchar('checked_out_by', { length: 200 }),
    expected_checkin: timestamp('expected_checkin', { withTimezone: true, mode: 'date' }),
    checkout_note: text('checkout_note'),
    accepted_at: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    checked_in_at: timestamp('checked_in_at', { withTimezone: true, mode: 'date' }),
    checked_in_by: varchar('checked_in_by', { length: 200 }),
    checkin_condition: varchar('checkin_condition', { length: 20 }),
    checkin_location_id: ref('checkin_location_id').references(() => locations.id),
    checkin_note: text('checkin_note'),
    ...timestamps,
  },
  (t) => [
    // One open check-out per item: the database's word on it, whatever the code does.
    uniqueIndex('checkouts_open_item_key')
      .on(t.item_id)
      .where(sql`${t.checked_in_at} is null`),
    index('checkouts_item_idx').on(t.item_id, t.id),
    index('checkouts_assignee_idx').on(t.assignee_user_id, t.id),
    index('checkouts_parent_item_idx')
      .on(t.parent_item_id)
      .where(sql`${t.checked_in_at} is null`),
    index('checkouts_expected_checkin_idx')
      .on(t.expected_checkin)
      .where(sql`${t.checked_in_at} is null`),
    check(
      'checkouts_one_target',
      sql`num_nonnulls(${t.assignee_user_id}, ${t.location_id}, ${t.parent_item_id}) = 1`,
    ),
    check('checkouts_not_own_kit', sql`${t.parent_item_id} <> ${t.item_id}`),
    check('checkouts_checkin_condition_check', oneOf(t.checkin_condition, checkinConditions)),
  ],
);

export const requestStatuses = ['pending', 'approved', 'declined'] as const;

/** Self-service: an employee asks for an item or any item of a category; an asset manager decides. */
export const itemRequests = pgTable(
  'item_requests',
  {
    id: id(),
    requester_user_id: ref('requester_user_id')
      .notNull()
      .references(() => users.id),
    item_id: ref('item_id').references(() => inventoryItems.id),
    category_id: ref('category_id').references(() => categories.id),
    note: text('note'),
    needed_from: timestamp('needed_from', { withTimezone: true, mode: 'date' }),
    needed_until: timestamp('needed_until', { withTimezone: true, mode: 'date' }),
    status: varchar('status', { length: 20 }).notNull().default('pending'),
    decided_by: varchar('decided_by', { length: 200 }),
    decided_at: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decline_reason: text('decline_reason'),
    checkout_id: ref('checkout_id').references(() => checkouts.id),
    ...timestamps,
  },
  (t) => [
    index('item_requests_requester_idx').on(t.requester_user_id, t.id),
    index('item_requests_status_idx').on(t.status, t.id),
    check('item_requests_one_subject', sql`num_nonnulls(${t.item_id}, ${t.category_id}) = 1`),
    check('item_requests_status_check', oneOf(t.status, requestStatuses)),
    check('item_requests_needed_range', sql`${t.needed_until} > ${t.needed_from}`),
  ],
);

export const reservationStatuses = ['active', 'cancelled'] as const;

/** An item held for a person over a time range; overlapping active ones are excluded by the database. */
export const reservations = pgTable(
  'reservations',
  {
    id: id(),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id, { onDelete: 'cascade' }),
    user_id: ref('user_id')
      .notNull()
      .references(() => users.id),
    starts_at: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    ends_at: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    note: text('note'),
    status: varchar('status', { length: 20 }).notNull().default('active'),
    created_by: varchar('created_by', { length: 200 }),
    cancelled_at: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancelled_by: varchar('cancelled_by', { length: 200 }),
    ...timestamps,
  },
  (t) => [
    // The no-overlap rule itself is an EXCLUDE constraint in a hand-written migration (drizzle cannot say it).
    index('reservations_starts_idx')
      .on(t.starts_at)
      .where(sql`${t.status} = 'active'`),
    index('reservations_user_idx').on(t.user_id),
    check('reservations_range_check', sql`${t.ends_at} > ${t.starts_at}`),
    check('reservations_status_check', oneOf(t.status, reservationStatuses)),
  ],
);

// ── Transfers between locations ──────────────────────────────────────────────────────────────────────────────

export const transferStates = ['requested', 'in_transit', 'received', 'cancelled'] as const;

/** Items moving to one location: requested → in_transit → received, or cancelled; who and when at each step. */
export const transfers = pgTable(
  'transfers',
  {
    id: id(),
    to_location_id: ref('to_location_id')
      .notNull()
      .references(() => locations.id),
    state: varchar('state', { length: 20 }).notNull().default('requested'),
    note: text('note'),
    // Set when someone knowingly sent more than the destination's capacity: why, in their words.
    capacity_override_reason: text('capacity_override_reason'),
    requested_by: varchar('requested_by', { length: 200 }),
    requested_at: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    dispatched_by: varchar('dispatched_by', { length: 200 }),
    dispatched_at: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
    received_by: varchar('received_by', { length: 200 }),
    received_at: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    cancelled_by: varchar('cancelled_by', { length: 200 }),
    cancelled_at: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancel_reason: text('cancel_reason'),
    ...timestamps,
  },
  (t) => [
    index('transfers_to_location_idx').on(t.to_location_id, t.id),
    index('transfers_state_idx').on(t.state, t.id),
    check('transfers_state_check', oneOf(t.state, transferStates)),
  ],
);

/** The items of a transfer and where each came from; `closed_at` is set once the transfer is received or cancelled. */
export const transferItems = pgTable(
  'transfer_items',
  {
    id: id(),
    transfer_id: ref('transfer_id')
      .notNull()
      .references(() => transfers.id),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id),
    from_location_id: ref('from_location_id').references(() => locations.id),
    closed_at: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // An item is in at most one open transfer: the database's word on it, whatever runs concurrently.
    uniqueIndex('transfer_items_open_item_key')
      .on(t.item_id)
      .where(sql`${t.closed_at} is null`),
    uniqueIndex('transfer_items_transfer_item_key').on(t.transfer_id, t.item_id),
    index('transfer_items_item_idx').on(t.item_id, t.transfer_id),
    index('transfer_items_from_location_idx').on(t.from_location_id, t.transfer_id),
  ],
);

// ── Quantity-tracked stock (consumables and spare parts) ────────────────────────────────────────────────────

const quantity = (name: string) => numeric(name, { precision: 14, scale: 3 });

/** How much of a quantity-tracked item lies at a location, and when to reorder it there. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    id: id(),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id),
    location_id: ref('location_id')
      .notNull()
      .references(() => locations.id),
    quantity: quantity('quantity').notNull().default('0'),
    min_level: quantity('min_level'),
    reorder_point: quantity('reorder_point'),
    reorder_quantity: quantity('reorder_quantity'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('stock_levels_item_location_key').on(t.item_id, t.location_id),
    index('stock_levels_location_idx').on(t.location_id),
    // The backstop behind the service's own check: whatever runs concurrently, stock never goes negative.
    check('stock_levels_quantity_check', sql`${t.quantity} >= 0`),
    check('stock_levels_min_level_check', sql`${t.min_level} >= 0`),
    check('stock_levels_reorder_point_check', sql`${t.reorder_point} >= 0`),
    check('stock_levels_reorder_quantity_check', sql`${t.reorder_quantity} > 0`),
  ],
);

export const stockMovementKinds = ['receive', 'issue', 'adjust', 'transfer_out', 'transfer_in'] as const;

/**
 * The stock ledger, append-only (a trigger refuses updates and deletes): every level is the sum of its
 * movements. Quantities are positive; a movement adds to `to_location_id` and takes from `from_location_id`,
 * except that each leg of a transfer names both places and moves only its own side.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: id(),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id),
    kind: varchar('kind', { length: 20 }).notNull(),
    quantity: quantity('quantity').notNull(),
    from_location_id: ref('from_location_id').references(() => locations.id),
    to_location_id: ref('to_location_id').references(() => locations.id),
    // The level at the location this movement changed, right after it.
    balance_after: quantity('balance_after').notNull(),
    reason: text('reason'),
    unit_cost: money('unit_cost'),
    reference: varchar('reference', { length: 200 }),
    issued_to_user_id: ref('issued_to_user_id').references(() => users.id),
    performed_by: varchar('performed_by', { length: 200 }),
    created_at: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_item_idx').on(t.item_id, t.id),
    check('stock_movements_kind_check', oneOf(t.kind, stockMovementKinds)),
    check('stock_movements_quantity_check', sql`${t.quantity} > 0`),
    check('stock_movements_unit_cost_check', sql`${t.unit_cost} >= 0`),
    check(
      'stock_movements_places_check',
      sql`case ${t.kind}
        when 'receive' then ${t.from_location_id} is null and ${t.to_location_id} is not null
        when 'issue' then ${t.from_location_id} is not null and ${t.to_location_id} is null
        when 'adjust' then num_nonnulls(${t.from_location_id}, ${t.to_location_id}) = 1
        else coalesce(${t.from_location_id} <> ${t.to_location_id}, false) end`,
    ),
  ],
);

// ── Maintenance work ──────────────────────────────────────────────────────────────────────────────────────────

export interface MaintenancePart {
  name: string;
  quantity: number;
  /** The line's cost, a decimal string. */
  cost: string;
}

/** One piece of maintenance work done: kept when its schedule advances to the next occurrence, or is deleted. */
export const maintenanceRecords = pgTable(
  'maintenance_records',
  {
    id: id(),
    schedule_id: ref('schedule_id').references(() => maintenanceSchedules.id, { onDelete: 'set null' }),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id, { onDelete: 'cascade' }),
    maintenance_type: varchar('maintenance_type', { length: 50 }).notNull(),
    scheduled_date: date('scheduled_date', { mode: 'string' }).notNull(),
    technician: varchar('technician', { length: 200 }),
    technician_user_id: ref('technician_user_id').references(() => users.id),
    started_at: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    completed_at: timestamp('completed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    completed_by: varchar('completed_by', { length: 200 }),
    actual_cost: money('actual_cost').notNull(),
    parts_cost: money('parts_cost').notNull(),
    actual_duration: interval('actual_duration'),
    parts: jsonb('parts').$type<MaintenancePart[]>().notNull().default([]),
    notes: text('notes'),
    usage_reading: numeric('usage_reading', { precision: 14, scale: 2 }),
    ...timestamps,
    // The schedule's kind when the work was done.
    kind: varchar('kind', { length: 20 }).notNull().default('preventive'),
  },
  (t) => [
    index('maintenance_records_item_idx').on(t.item_id, t.id),
    index('maintenance_records_schedule_idx').on(t.schedule_id),
    index('maintenance_records_completed_idx').on(t.completed_at),
    check('maintenance_records_cost_check', sql`${t.actual_cost} >= 0 and ${t.parts_cost} >= 0`),
    check('maintenance_records_kind_check', oneOf(t.kind, maintenanceKinds)),
  ],
);

// ── Scheduled reports ─────────────────────────────────────────────────────────────────────────────────────────

const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres answers a Buffer, PGlite a Uint8Array.
  fromDriver: (value) => Buffer.from(value),
});

export const reportFormats = ['csv', 'xlsx', 'pdf'] as const;
export const reportRunStates = ['pending', 'succeeded', 'failed'] as const;

/** A report run on a cron schedule as its owner (with their permissions and scope at run time), mailed out. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: id(),
    owner_user_id: ref('owner_user_id')
      .notNull()
      .references(() => users.id),
    name: varchar('name', { length: 200 }).notNull(),
    report_key: varchar('report_key', { length: 50 }).notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
    format: varchar('format', { length: 10 }).notNull(),
    cron: varchar('cron', { length: 100 }).notNull(),
    timezone: varchar('timezone', { length: 64 }).notNull().default('UTC'),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    next_run_at: timestamp('next_run_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('report_schedules_owner_idx').on(t.owner_user_id, t.id),
    index('report_schedules_due_idx')
      .on(t.next_run_at)
      .where(sql`${t.enabled}`),
    check('report_schedules_format_check', oneOf(t.format, reportFormats)),
  ],
);

/** One run of a schedule: its file is kept for download; a failure is retried a few times, then stays failed. */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: id(),
    schedule_id: ref('schedule_id')
      .notNull()
      .references(() => reportSchedules.id, { onDelete: 'cascade' }),
    /** The cron time this run is for: one run per schedule and time, however many workers look. */
    scheduled_for: timestamp('scheduled_for', { withTimezone: true, mode: 'date' }).notNull(),
    state: varchar('state', { length: 10 }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    next_attempt_at: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    error: text('error'),
    file_name: varchar('file_name', { length: 200 }),
    content_type: varchar('content_type', { length: 100 }),
    file: bytes('file'),
    size_bytes: integer('size_bytes'),
    delivered_to: jsonb('delivered_to').$type<string[]>().notNull().default([]),
    finished_at: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('report_runs_schedule_time_key').on(t.schedule_id, t.scheduled_for),
    index('report_runs_due_idx')
      .on(t.next_attempt_at)
      .where(sql`${t.state} = 'pending'`),
    check('report_runs_state_check', oneOf(t.state, reportRunStates)),
  ],
);

// ── Physical audits (stocktakes) ─────────────────────────────────────────────────────────────────────────────

export const stocktakeStates = ['open', 'closed'] as const;

/** A physical audit of a location and everything below it: started, scanned room by room, then closed. */
export const stocktakes = pgTable(
  'stocktakes',
  {
    id: id(),
    location_id: ref('location_id')
      .notNull()
      .references(() => locations.id),
    state: varchar('state', { length: 20 }).notNull().default('open'),
    note: text('note'),
    started_by: varchar('started_by', { length: 200 }),
    started_at: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    closed_by: varchar('closed_by', { length: 200 }),
    closed_at: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    // What closing was asked to do with the findings.
    move_unexpected: boolean('move_unexpected').notNull().default(false),
    mark_missing_lost: boolean('mark_missing_lost').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    // One open audit per location: the database's word on it, whatever starts concurrently.
    uniqueIndex('stocktakes_open_location_key')
      .on(t.location_id)
      .where(sql`${t.state} = 'open'`),
    index('stocktakes_location_idx').on(t.location_id, t.id),
    index('stocktakes_state_idx').on(t.state, t.id),
    check('stocktakes_state_check', oneOf(t.state, stocktakeStates)),
    check('stocktakes_closed_check', sql`(${t.state} = 'closed') = (${t.closed_at} is not null)`),
  ],
);

export const stocktakeOutcomes = ['moved', 'marked_lost'] as const;

/**
 * One item in an audit: expected (its location was in the subtree at the start) and/or scanned. Found, missing
 * and unexpected follow from the two; scanning again only counts. `outcome` is what closing did to the item.
 */
export const stocktakeLines = pgTable(
  'stocktake_lines',
  {
    id: id(),
    stocktake_id: ref('stocktake_id')
      .notNull()
      .references(() => stocktakes.id),
    item_id: ref('item_id')
      .notNull()
      .references(() => inventoryItems.id),
    expected: boolean('expected').notNull(),
    // Where the records put the item: at the start for an expected item, at its first scan for another.
    recorded_location_id: ref('recorded_location_id').references(() => locations.id),
    scan_count: integer('scan_count').notNull().default(0),
    // The room it was last scanned in, when the scanner said.
    scanned_location_id: ref('scanned_location_id').references(() => locations.id),
    scanned_code: varchar('scanned_code', { length: 100 }),
    scanned_by: varchar('scanned_by', { length: 200 }),
    scanned_at: timestamp('scanned_at', { withTimezone: true, mode: 'date' }),
    last_scanned_at: timestamp('last_scanned_at', { withTimezone: true, mode: 'date' }),
    outcome: varchar('outcome', { length: 20 }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('stocktake_lines_stocktake_item_key').on(t.stocktake_id, t.item_id),
    index('stocktake_lines_item_idx').on(t.item_id),
    check('stocktake_lines_scan_count_check', sql`${t.scan_count} >= 0`),
    check('stocktake_lines_scanned_check', sql`${t.expected} or ${t.scan_count} > 0`),
    check('stocktake_lines_outcome_check', oneOf(t.outcome, stocktakeOutcomes)),
  ],
);

// ── Dashboards ────────────────────────────────────────────────────────────────────────────────────────────────

/** A person's own dashboard: widgets (a metric source with filters, a visualisation, a place on a grid). */
export const dashboards = pgTable(
  'dashboards',
  {
    id: id(),
    owner_user_id: ref('owner_user_id')
      .notNull()
      .references(() => users.id),
    name: varchar('name', { length: 100 }).notNull(),
    widgets: jsonb('widgets').$type<Record<string, unknown>[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index('dashboards_owner_idx').on(t.owner_user_id, t.id)],
);

/**
 * The fleet's value at maintained month ends, by location, category and status: the totals the dashboards read
 * instead of valuing every item again. Triggers append the change each item write makes (migration
 * *_valuation_rollup); a date is computed in full when first maintained, and rows are summed when read.
 */
export const valuationDates = pgTable('valuation_dates', {
  as_of: date('as_of', { mode: 'string' }).primaryKey(),
});

export const valuationRollup = pgTable(
  'valuation_rollup',
  {
    as_of: date('as_of', { mode: 'string' }).notNull(),
    location_id: ref('location_id'),
    category_id: ref('category_id'),
    status: varchar('status', { length: 20 }).notNull(),
    items: integer('items').notNull(),
    cost: numeric('cost').notNull(),
    book_value: numeric('book_value').notNull(),
  },
  (t) => [index('valuation_rollup_as_of_idx').on(t.as_of)],
);
