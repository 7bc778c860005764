// Turns PostgreSQL errors that bad input can cause into 4xx AppErrors naming the field.
// Services check the rules they can name first; this is the backstop so a race or a missed check is never a 500.
import type { AppError } from './errors.ts';
import { BadRequestError, ConflictError, ServiceUnavailableError, ValidationError } from './errors.ts';

interface PgErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

/** Drizzle wraps driver errors; the PostgreSQL fields are on the innermost cause. */
function pgFields(error: unknown): PgErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as PgErrorFields).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return current as PgErrorFields;
    current = current.cause;
  }
  return undefined;
}

/**
 * `Key (sku)=(X) already exists.`, `Key (lower(name::text))=…` or `Key (category_id, name)=…` → the column the
 * caller chose: the last one (earlier columns of a composite key are its scope, like the category).
 */
function keyColumn(detail: string | undefined): string | undefined {
  const columns = /Key \((.+?)\)=/.exec(detail ?? '')?.[1];
  const last = columns?.split(',').pop();
  return last ? /([a-z_]+)(?:::[a-z ]+)?\)*\s*$/.exec(last.trim())?.[1] : undefined;
}

/** CHECK constraints are named `<table>_<column>_check`; a few say more than their name. */
const checkMessages: Record<string, { field: string; message: string }> = {
  locations_not_own_parent: { field: 'parent_location_id', message: 'a location cannot be its own parent' },
  categories_not_own_parent: { field: 'parent_category_id', message: 'a category cannot be its own parent' },
};

function checkViolation(constraint: string | undefined, table: string | undefined): ValidationError {
  const known = constraint ? checkMessages[constraint] : undefined;
  if (known) return ValidationError.field(known.field, known.message);
  const field =
    constraint && table && constraint.startsWith(`${table}_`)
      ? constraint.slice(table.length + 1).replace(/_check$/, '')
      : (constraint ?? 'unknown');
  return ValidationError.field(field, 'value is not allowed');
}

export function fromDatabaseError(error: unknown): AppError | undefined {
  const pg = pgFields(error);
  if (!pg?.code) return undefined;
  switch (pg.code) {
    case '23505': {
      const field = keyColumn(pg.detail) ?? 'unknown';
      return new ConflictError(`A record with this ${field} already exists`, [
        { field, message: 'is already taken' },
      ]);
    }
    case '23503': {
      const referencedFrom = /referenced from table "([a-z_]+)"/.exec(pg.detail ?? '')?.[1];
      if (referencedFrom)
        return new ConflictError(`It is still referenced by ${referencedFrom.replace(/_/g, ' ')}`);
      const field = keyColumn(pg.detail) ?? 'unknown';
      return ValidationError.field(field, 'refers to a record that does not exist');
    }
    case '23514':
      return checkViolation(pg.constraint, pg.table);
    case '23P01':
      return new ConflictError(`It overlaps an existing ${(pg.table ?? 'record').replace(/_/g, ' ')}`);
    case '23502':
      return ValidationError.field(pg.column ?? 'unknown', 'is required');
    case '22001':
      return new BadRequestError('A value is too long');
    case '22003':
      return new BadRequestError('A number is out of range');
    case '22P02':
    case '22007':
    case '22008':
      return new BadRequestError('A value has the wrong format');
    case '40001':
    case '40P01':
      return new ConflictError('The change collided with another one; retry it');
    case '57014':
      return new ServiceUnavailableError('The query took too long and was cancelled');
    default:
      return undefined;
  }
}
