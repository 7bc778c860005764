// Custom field definition rules: names are unique per category and never change (item values are stored under
// them), a select lists its options and nothing else does, and a change that would strand values items already
// hold (another type, a removed option, deleting the field) is refused until those values are cleared.
import type { Db, Executor } from '../../db/connection.ts';
import { assertVersion } from '../../platform/conditional-requests.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import * as fieldRepo from './field-repo.ts';
import type { CreateField, UpdateField } from './field-schemas.ts';
import { presentField } from './presenter.ts';
import * as repo from './repo.ts';

async function assertCategoryExists(ex: Executor, categoryId: number, lock: boolean): Promise<void> {
  const found = lock ? await repo.lockForShare(ex, categoryId) : await repo.exists(ex, categoryId);
  if (!found) throw new NotFoundError('Category', categoryId);
}

function checkOptions(fieldType: string, options: string[] | null | undefined): void {
  if (fieldType === 'select' && options == null) {
    throw ValidationError.field('options', 'are required for a select field');
  }
  if (fieldType !== 'select' && options != null) {
    throw ValidationError.field(
      'options',
      `apply only to select fields, not ${fieldType}; send null to clear them`,
    );
  }
}

export async function listFields(db: Db, categoryId: number, includeInherited: boolean) {
  await assertCategoryExists(db, categoryId, false);
  const rows = includeInherited
    ? await fieldRepo.effective(db, categoryId)
    : await fieldRepo.listForCategory(db, categoryId);
  return rows.map(presentField);
}

export async function getField(db: Db, categoryId: number, fieldId: number) {
  const row = await fieldRepo.findById(db, categoryId, fieldId);
  if (!row) throw new NotFoundError('Custom field', fieldId);
  return presentField(row);
}

export async function createField(db: Db, categoryId: number, input: CreateField) {
  checkOptions(input.field_type, input.options);
  const row = await db.transaction(async (tx) => {
    // A share lock keeps the category from being deleted under the new definition.
    await assertCategoryExists(tx, categoryId, true);
    const inserted = await fieldRepo.insert(tx, { ...input, category_id: categoryId });
    if (!inserted) {
      throw new ConflictError(`Category ${categoryId} already has a field named ${input.name}`, [
        { field: 'name', message: 'is already taken in this category' },
      ]);
    }
    return inserted;
  });
  return presentField(row);
}

export async function updateField(
  db: Db,
  categoryId: number,
  fieldId: number,
  input: UpdateField,
  expectedVersion: number | undefined,
) {
  const row = await db.transaction(async (tx) => {
    const current = await fieldRepo.findForUpdate(tx, categoryId, fieldId);
    if (!current) throw new NotFoundError('Custom field', fieldId);
    assertVersion(current.version, expectedVersion);
    if (input.name !== undefined && input.name !== current.name) {
      throw ValidationError.field(
        'name',
        'cannot change: items store their values under it; add a new field instead',
      );
    }
    const fieldType = input.field_type ?? current.field_type;
    const options = input.options !== undefined ? input.options : current.options;
    checkOptions(fieldType, options);

    if (input.sensitive !== undefined && input.sensitive !== current.sensitive) {
      // Stored values are sealed or not according to the flag; flipping it would leave them the wrong way.
      const holding = await fieldRepo.countItemsWithValue(tx, categoryId, current.name);
      if (holding > 0) {
        throw new ConflictError(`${holding} items hold a value in ${current.name}`, [
          { field: 'sensitive', message: 'cannot change while items hold values; clear them first' },
        ]);
      }
    }
    if (fieldType !== current.field_type) {
      const holding = await fieldRepo.countItemsWithValue(tx, categoryId, current.name);
      if (holding > 0) {
        throw new ConflictError(`${holding} items hold a ${current.field_type} value in ${current.name}`, [
          { field: 'field_type', message: 'cannot change while items hold values; clear them first' },
        ]);
      }
    } else if (fieldType === 'select' && current.options && options) {
      const removed = current.options.filter((option) => !options.includes(option));
      const holding = removed.length
        ? await fieldRepo.countItemsWithValue(tx, categoryId, current.name, removed)
        : 0;
      if (holding > 0) {
        throw new ConflictError(`${holding} items hold an option this change removes`, [
          { field: 'options', message: `items still use ${removed.join(', ')}; change them first` },
        ]);
      }
    }
    return fieldRepo.update(tx, fieldId, input);
  });
  return presentField(row);
}

export async function deleteField(
  db: Db,
  categoryId: number,
  fieldId: number,
  expectedVersion: number | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await fieldRepo.findForUpdate(tx, categoryId, fieldId);
    if (!current) throw new NotFoundError('Custom field', fieldId);
    assertVersion(current.version, expectedVersion);
    const holding = await fieldRepo.countItemsWithValue(tx, categoryId, current.name);
    if (holding > 0) {
      throw new ConflictError(
        `${holding} items hold a value in ${current.name}; clear those values before deleting the field`,
      );
    }
    await fieldRepo.remove(tx, fieldId);
  });
}
