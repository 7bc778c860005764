// The list itself: a table with sortable columns on wide screens, touch-sized cards on phones; both with
// check boxes for bulk changes.
import { Card, Checkbox, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { Item } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { labelOf, useLocations } from '../../hooks/useReference.ts';
import { useWideScreen } from '../../hooks/useWideScreen.ts';
import { nextSort, sortDirection } from './list-params.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

interface Props {
  items: Item[];
  sort: string | null;
  onSort: (sort: string | null) => void;
  selectable: boolean;
  selected: Map<number, Item>;
  onSelect: (selected: Map<number, Item>) => void;
}

const columns = [
  { key: 'sku', label: 'SKU' },
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: null, label: 'Location' },
  { key: 'purchase_date', label: 'Purchased' },
  { key: 'purchase_price', label: 'Price' },
] as const;

function SortHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: string;
  label: string;
  sort: string | null;
  onSort: (sort: string | null) => void;
}) {
  const direction = sortDirection(sort, column);
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <UnstyledButton onClick={() => onSort(nextSort(sort, column))} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function ItemRows({ items, sort, onSort, selectable, selected, onSelect }: Props) {
  const wide = useWideScreen();
  const locations = useLocations();
  const navigate = useNavigate();
  const toggle = (item: Item) => {
    const next = new Map(selected);
    if (next.has(item.id)) next.delete(item.id);
    else next.set(item.id, item);
    onSelect(next);
  };
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const toggleAll = () =>
    onSelect(allSelected ? new Map<number, Item>() : new Map(items.map((item) => [item.id, item])));

  if (!wide) {
    return (
      <Stack gap="xs">
        {items.map((item) => (
          <Card key={item.id} withBorder padding="sm">
            <Group wrap="nowrap" align="flex-start">
              {selectable && (
                <Checkbox
                  size="md"
                  aria-label={`Select ${item.sku}: ${item.name}`}
                  checked={selected.has(item.id)}
                  onChange={() => toggle(item)}
                />
              )}
              <UnstyledButton component={Link} to={`/items/${item.id}`} style={{ flex: 1, minWidth: 0 }}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} truncate>
                    {item.name}
                  </Text>
                  <StatusBadge status={item.status} />
                </Group>
                <Text size="sm" c="dimmed" truncate>
                  {item.sku} · {labelOf(locations.data?.options, item.location_id) ?? 'No location'}
                </Text>
              </UnstyledButton>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <ScrollTable label="Items" minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox aria-label="Select all shown items" checked={allSelected} onChange={toggleAll} />
              </Table.Th>
            )}
            {columns.map(({ key, label }) =>
              key ? (
                <SortHeader key={label} column={key} label={label} sort={sort} onSort={onSort} />
              ) : (
                <Table.Th key={label}>{label}</Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              onClick={() => void navigate(`/items/${item.id}`)}
              style={{ cursor: 'pointer' }}
            >
              {selectable && (
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <Checkbox
                    aria-label={`Select ${item.sku}: ${item.name}`}
                    checked={selected.has(item.id)}
                    onChange={() => toggle(item)}
                  />
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" ff="monospace">
                  {item.sku}
                </Text>
              </Table.Td>
              <Table.Td>
                <Link to={`/items/${item.id}`} onClick={(event) => event.stopPropagation()}>
                  {item.name}
                </Link>
              </Table.Td>
              <Table.Td miw={120}>
                <StatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>{labelOf(locations.data?.options, item.location_id) ?? '—'}</Table.Td>
              <Table.Td>{item.purchase_date ?? '—'}</Table.Td>
              <Table.Td ta="right">{item.purchase_price ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
