// The "Location" filter of list screens: one location (searchable by its path), or all of them when cleared.
import { Select, type SelectProps } from '@mantine/core';
import { useLocations } from '../hooks/useReference.ts';

export function LocationFilter({
  value,
  onChange,
  ...layout
}: {
  value: string | null;
  onChange: (value: string | null) => void;
} & Pick<SelectProps, 'maw' | 'style'>) {
  const locations = useLocations();
  return (
    <Select
      label="Location"
      placeholder="All locations"
      searchable
      clearable
      limit={100}
      data={locations.data?.options ?? []}
      value={value}
      onChange={onChange}
      {...layout}
    />
  );
}
