// The item form, for create and edit. The server validates; its field errors (problem+json `errors[]`) are
// shown under the field they name, and anything not tied to a visible field above the form.
import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/problem.ts';
import { statusOptions } from '../../components/status.ts';
import { useCategories, useLocations, useSuppliers } from '../../hooks/useReference.ts';
import { focusFirstInvalidField } from '../../components/api-form.ts';
import { CustomFieldInputs } from './CustomFieldInputs.tsx';
import { idOf, type ItemFormValues } from './item-body.ts';
import { SpecificationsInput } from './SpecificationsInput.tsx';

interface Props {
  initial: ItemFormValues;
  submitLabel: string;
  /** Creating: the item's tracking can still be chosen (it is fixed once created). */
  choosesTracking?: boolean;
  onSubmit: (values: ItemFormValues) => Promise<void>;
  onCancel: () => void;
}

export function ItemForm({ initial, submitLabel, choosesTracking = false, onSubmit, onCancel }: Props) {
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
        focusFirstInvalidField();
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
        {choosesTracking && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Switch
              label="Tracked by quantity"
              description="Consumables and spare parts: counted per location, not one by one"
              size="md"
              checked={form.values.tracking === 'quantity'}
              onChange={(event) =>
                form.setFieldValue('tracking', event.currentTarget.checked ? 'quantity' : 'serial')
              }
              error={form.errors.tracking}
            />
            {form.values.tracking === 'quantity' && (
              <TextInput label="Unit" placeholder="pcs" {...form.getInputProps('unit')} />
            )}
          </SimpleGrid>
        )}
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
          categoryId={idOf(form.values.category_id)}
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
