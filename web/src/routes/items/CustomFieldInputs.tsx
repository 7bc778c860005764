// The custom fields the chosen category defines (its own and inherited), each with an input of its type.
import { Checkbox, Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, must } from '../../api/client.ts';

interface Props {
  categoryId: number | null;
  values: Record<string, unknown>;
  errors: Record<string, ReactNode>;
  onChange: (name: string, value: unknown) => void;
}

/** Numbers go to the server as JSON numbers when they read as one; otherwise as typed, for it to refuse. */
function numeric(raw: string): unknown {
  if (raw.trim() === '') return '';
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

export function CustomFieldInputs({ categoryId, values, errors, onChange }: Props) {
  const fields = useQuery({
    queryKey: ['categories', categoryId, 'fields'],
    enabled: categoryId !== null,
    queryFn: () =>
      must(
        api.GET('/api/v1/categories/{id}/fields', {
          params: { path: { id: categoryId! }, query: { include_inherited: 'true' } },
        }),
      ),
  });
  const definitions = fields.data?.data ?? [];
  if (categoryId === null || definitions.length === 0) return null;

  return (
    <Fieldset legend="Custom fields">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {definitions.map((field) => {
          const value = values[field.name];
          const error = errors[`custom_fields.${field.name}`];
          const common = { label: field.label, required: field.required, error };
          switch (field.field_type) {
            case 'boolean':
              return (
                <Checkbox
                  key={field.id}
                  label={field.label}
                  error={error}
                  checked={value === true}
                  onChange={(e) => onChange(field.name, e.currentTarget.checked)}
                  mt="lg"
                />
              );
            case 'select':
              return (
                <Select
                  key={field.id}
                  {...common}
                  data={field.options ?? []}
                  value={typeof value === 'string' ? value : null}
                  onChange={(v) => onChange(field.name, v ?? '')}
                  clearable
                />
              );
            default:
              return (
                <TextInput
                  key={field.id}
                  {...common}
                  type={field.field_type === 'date' ? 'date' : field.field_type === 'url' ? 'url' : 'text'}
                  inputMode={
                    field.field_type === 'number' || field.field_type === 'integer' ? 'decimal' : undefined
                  }
                  value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
                  onChange={(e) => {
                    const raw = e.currentTarget.value;
                    onChange(
                      field.name,
                      field.field_type === 'number' || field.field_type === 'integer' ? numeric(raw) : raw,
                    );
                  }}
                />
              );
          }
        })}
      </SimpleGrid>
    </Fieldset>
  );
}
