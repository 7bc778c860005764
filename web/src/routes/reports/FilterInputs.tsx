// The inputs for a report's filters, one per field the catalogue describes: pickers for locations,
// categories and suppliers, a list for fixed choices, dates, numbers and text.
import { NumberInput, Select, TextInput } from '@mantine/core';
import { useCategories, useLocations, useSuppliers, type Option } from '../../hooks/useReference.ts';
import type { FilterField } from './filter-fields.ts';

interface Props {
  fields: FilterField[];
  values: Record<string, string>;
  errors?: Record<string, string>;
  onChange: (name: string, value: string) => void;
}

export function FilterInputs({ fields, values, errors = {}, onChange }: Props) {
  return fields.map((field) => (
    <FilterInput
      key={field.name}
      field={field}
      value={values[field.name] ?? ''}
      error={errors[field.name]}
      onChange={(value) => onChange(field.name, value)}
    />
  ));
}

interface InputProps {
  field: FilterField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function FilterInput({ field, value, error, onChange }: InputProps) {
  const locations = useLocations();
  const categories = useCategories();
  const suppliers = useSuppliers();
  const pickerOptions: Record<string, Option[] | undefined> = {
    location: locations.data?.options,
    category: categories.data?.options,
    supplier: suppliers.data?.options,
  };
  const common = { label: field.label, description: field.description, error };
  const set = (next: string | number | null) => onChange(next === null ? '' : String(next));
  if (field.kind in pickerOptions) {
    return (
      <Select
        {...common}
        data={pickerOptions[field.kind] ?? []}
        value={value || null}
        onChange={set}
        searchable
        clearable
      />
    );
  }
  if (field.kind === 'choice') {
    return <Select {...common} data={field.choices ?? []} value={value || null} onChange={set} clearable />;
  }
  if (field.kind === 'number') return <NumberInput {...common} value={value} onChange={set} min={0} />;
  return (
    <TextInput
      {...common}
      type={field.kind === 'date' ? 'date' : 'text'}
      value={value}
      onChange={(event) => set(event.currentTarget.value)}
    />
  );
}
