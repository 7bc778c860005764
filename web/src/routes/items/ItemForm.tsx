// The item form, for create and edit. The server validates; its field errors (problem+json `errors[]`) are
// shown under the field they name, and anything not tied to a visible field above the form.
import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/problem.ts';
import type { Item, NewItem } from '../../api/types.ts';
import { statusOptions } from '../../components/status.ts';
import { useCategories, useLocations, useSuppliers } from '../../hooks/useReference.ts';
import { CustomFieldInputs } from './CustomFieldInputs.tsx';
import { SpecificationsInput } from './SpecificationsInput.tsx';

export interface ItemFormValues {
  sku: string;
  name: string;
  status: string;
  description: string;
  serial_number: string;
  category_id: string | null;
  location_id: string | null;
  supplier_id: string | null;
  assigned_to: string;
  purchase_date: string;
  purchase_price: string;
  current_value: string;
  warranty_expiry: string;
  tags: string[];
  specifications: [string, string][];
  custom_fields: Record<string, unknown>;
}

export function formValuesOf(item?: Item): ItemFormValues {
  return {
    sku: item?.sku ?? '',
    name: item?.name ?? '',
    status: item?.status ?? 'in_stock',
    description: item?.description ?? '',
    serial_number: item?.serial_number ?? '',
    category_id: item?.category_id ? String(item.category_id) : null,
    location_id: item?.location_id ? String(item.location_id) : null,
    supplier_id: item?.supplier_id ? String(item.supplier_id) : null,
    assigned_to: item?.assigned_to ?? '',
    purchase_date: item?.purchase_date ?? '',
    purchase_price: item?.purchase_price ?? '',
    current_value: item?.current_value ?? '',
    warranty_expiry: item?.warranty_expiry ?? '',
    tags: item?.tags ?? [],
    specifications: Object.entries(item?.specifications ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
    custom_fields: item?.custom_fields ?? {},
  };
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());
const id = (v: string | null) => (v ? Number(v) : null);

/** The request body: blanks become null; the server judges every value. */
export function bodyOf(values: ItemFormValues): NewItem {
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    status: values.status as Item['status'],
    description: text(values.description),
    serial_number: text(values.serial_number),
    category_id: id(values.category_id),
    location_id: id(values.location_id),
    supplier_id: id(values.supplier_id),
    assigned_to: text(values.assigned_to),
    purchase_date: text(values.purchase_date),
    purchase_price: text(values.purchase_price),
    current_value: text(values.current_value),
    warranty_expiry: text(values.warranty_expiry),
    tags: values.tags,
    specifications: Object.fromEntries(
      values.specifications.filter(([k]) => k.trim()).map(([k, v]) => [k.trim(), v]),
    ),
    custom_fields: Object.fromEntries(
      Object.entries(values.custom_fields).filter(([, v]) => v !== '' && v !== undefined),
    ),
  };
}

interface Props {
  initial: ItemFormValues;
  submitLabel: string;
  onSubmit: (values: ItemFormValues) => Promise<void>;
  onCancel: () => void;
}

export function ItemForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const form = useForm<ItemFormValues>({ initialValues: initial });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const categories = useCategories();
  const locations = useLocations();
  const suppliers = useSuppliers();

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) {
        const byField = error.byField();
        form.setErrors(byField);
        const shown = Object.keys(byField).filter((f) => f in values || f.startsWith('custom_fields.'));
        const rest = error.fieldErrors.filter((e) => !shown.includes(e.field));
        setFailure(
          rest.length
            ? rest.map((e) => `${e.field}: ${e.message}`).join('; ')
            : 'Please correct the marked fields.',
        );
      } else {
        setFailure(messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && (
          <Alert color="red" role="alert" title="Not saved">
            {failure}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="SKU" required {...form.getInputProps('sku')} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Select
            label="Status"
            data={statusOptions}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <TextInput label="Serial number" {...form.getInputProps('serial_number')} />
          <Select
            label="Category"
            data={categories.data?.options ?? []}
            searchable
            clearable
            limit={100}
            {...form.getInputProps('category_id')}
          />
          <Select
            label="Location"
            data={locations.data?.options ?? []}
            searchable
            clearable
            limit={100}
            {...form.getInputProps('location_id')}
          />
          <Select
            label="Supplier"
            data={suppliers.data?.options ?? []}
            searchable
            clearable
            limit={100}
            {...form.getInputProps('supplier_id')}
          />
          <TextInput label="Assigned to" {...form.getInputProps('assigned_to')} />
          <TextInput label="Purchase date" type="date" {...form.getInputProps('purchase_date')} />
          <TextInput
            label="Purchase price"
            inputMode="decimal"
            placeholder="1299.90"
            {...form.getInputProps('purchase_price')}
          />
          <TextInput label="Current value" inputMode="decimal" {...form.getInputProps('current_value')} />
          <TextInput label="Warranty until" type="date" {...form.getInputProps('warranty_expiry')} />
        </SimpleGrid>
        <TagsInput label="Tags" clearable {...form.getInputProps('tags')} />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <SpecificationsInput
          value={form.values.specifications}
          onChange={(rows) => form.setFieldValue('specifications', rows)}
          error={form.errors.specifications}
        />
        <CustomFieldInputs
          categoryId={id(form.values.category_id)}
          values={form.values.custom_fields}
          errors={form.errors}
          onChange={(name, value) =>
            form.setFieldValue('custom_fields', { ...form.values.custom_fields, [name]: value })
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
