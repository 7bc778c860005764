// Search box (debounced: the list follows as you type), filters, and facet counts you can click to narrow.
import {
  Button,
  Chip,
  Collapse,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFilter, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Facets } from '../../api/types.ts';
import { statusInfo, statusOptions } from '../../components/status.ts';
import { useCategories, useLocations, useSuppliers } from '../../hooks/useReference.ts';

interface Props {
  params: URLSearchParams;
  facets: Facets | undefined;
  onChange: (changes: Record<string, string | null>) => void;
}

export function ItemFilters({ params, facets, onChange }: Props) {
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [open, { toggle }] = useDisclosure(
    ['status', 'category_id', 'location_id', 'supplier_id', 'tag'].some((k) => params.has(k)),
  );
  const locations = useLocations();
  const categories = useCategories();
  const suppliers = useSuppliers();
  const q = params.get('q') ?? '';

  useEffect(() => {
    if (debounced !== q) onChange({ q: debounced || null });
    // Only the typed text drives this; the URL following it must not loop back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const statusValues = params.get('status')?.split(',').filter(Boolean) ?? [];
  const facetCount = (list: Facets['status'] | undefined, value: string) =>
    list?.find((f) => f.value === value)?.count;

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          flex={1}
          type="search"
          label="Search items"
          placeholder="Name, SKU, serial number, tag…"
          leftSection={<IconSearch size={18} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Button
          variant={open ? 'light' : 'default'}
          onClick={toggle}
          leftSection={<IconFilter size={18} aria-hidden />}
          aria-expanded={open}
        >
          Filters
        </Button>
      </Group>

      {facets && facets.status.length > 0 && (
        <Chip.Group
          multiple
          value={statusValues}
          onChange={(values) => onChange({ status: values.join(',') || null })}
        >
          <Group gap={6} aria-label="Status">
            {facets.status.map((f) => (
              <Chip key={f.value} value={f.value} size="sm">
                {statusInfo[f.value as keyof typeof statusInfo]?.label ?? f.label} ({f.count})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}

      <Collapse expanded={open}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <MultiSelect
            label="Status"
            data={statusOptions.map((o) => {
              const count = facetCount(facets?.status, o.value);
              return { ...o, label: count === undefined ? o.label : `${o.label} (${count})` };
            })}
            value={statusValues}
            onChange={(values) => onChange({ status: values.join(',') || null })}
            clearable
          />
          <Select
            label="Category"
            data={categories.data?.options ?? []}
            value={params.get('category_id')}
            onChange={(value) => onChange({ category_id: value })}
            searchable
            clearable
            limit={100}
          />
          <Select
            label="Location"
            data={locations.data?.options ?? []}
            value={params.get('location_id')}
            onChange={(value) => onChange({ location_id: value })}
            searchable
            clearable
            limit={100}
          />
          <Select
            label="Supplier"
            data={suppliers.data?.options ?? []}
            value={params.get('supplier_id')}
            onChange={(value) => onChange({ supplier_id: value })}
            searchable
            clearable
            limit={100}
          />
          <TextInput
            label="Tag"
            defaultValue={params.get('tag') ?? ''}
            onBlur={(event) => onChange({ tag: event.currentTarget.value.trim() || null })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onChange({ tag: event.currentTarget.value.trim() || null });
            }}
          />
        </SimpleGrid>
        {facets && facets.category.length > 0 && (
          <Group gap={6} mt="sm">
            <Text size="sm" c="dimmed">
              Top categories:
            </Text>
            {facets.category.slice(0, 8).map((f) => (
              <Button
                key={f.value}
                size="compact-sm"
                variant="light"
                onClick={() => onChange({ category_id: f.value })}
              >
                {f.label} ({f.count})
              </Button>
            ))}
          </Group>
        )}
      </Collapse>
    </Stack>
  );
}
