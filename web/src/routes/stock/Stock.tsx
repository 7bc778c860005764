// Stock: every quantity-tracked item's level at each location, by item, searchable and filtered by location or to
// the low ones; low levels are highlighted against their minimum and reorder point. The filters live in the URL.
import { Card, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { LocationFilter } from '../../components/LocationFilter.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';
import { useWideScreen } from '../../hooks/useWideScreen.ts';
import { LevelActions } from './LevelActions.tsx';
import { LowBadge } from './LowBadge.tsx';
import { StockNav } from './StockNav.tsx';
import { StockCardHeading, StockItemName } from './StockRowParts.tsx';
import { lowness, type LevelEntry } from './stock-types.ts';

/** A low level's row is tinted as well as badged. */
const tint = (level: LevelEntry) => {
  const low = lowness(level);
  return low ? `var(--mantine-color-${low.color}-light)` : undefined;
};

function LevelCards({ levels }: { levels: LevelEntry[] }) {
  return (
    <Stack gap="xs">
      {levels.map((level) => (
        <Card key={`${level.item.id}:${level.location_id}`} withBorder padding="sm" bg={tint(level)}>
          <StockCardHeading item={level.item} locationName={level.location_name}>
            <Stack gap={4} align="flex-end">
              <Text fw={700} size="lg">
                {level.quantity} {level.unit}
              </Text>
              <LowBadge level={level} />
            </Stack>
          </StockCardHeading>
          <Group justify="space-between" mt="xs">
            <Text size="xs">
              Min {level.min_level ?? '—'} · Reorder at {level.reorder_point ?? '—'}
            </Text>
            <LevelActions itemName={level.item.name} level={level} withLedger />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function LevelTable({ levels }: { levels: LevelEntry[] }) {
  return (
    <ScrollTable label="Stock levels" minWidth={820}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th ta="right">On hand</Table.Th>
            <Table.Th ta="right">Minimum</Table.Th>
            <Table.Th ta="right">Reorder point</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((level) => (
            <Table.Tr key={`${level.item.id}:${level.location_id}`} bg={tint(level)}>
              <Table.Td>
                <StockItemName item={level.item} />
              </Table.Td>
              <Table.Td>{level.location_name}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {level.quantity} {level.unit}
              </Table.Td>
              <Table.Td ta="right">{level.min_level ?? '—'}</Table.Td>
              <Table.Td ta="right">{level.reorder_point ?? '—'}</Table.Td>
              <Table.Td>
                <LowBadge level={level} />
              </Table.Td>
              <Table.Td>
                <LevelActions itemName={level.item.name} level={level} withLedger />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export default function Stock() {
  const wide = useWideScreen();
  const [params, setParam] = useUrlFilters();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = params.get('q') ?? '';
  const locationId = params.get('location_id');
  const low = params.get('low') === 'true';
  const searchFor = useDebouncedCallback((text: string) => setParam('q', text.trim() || null), 300);

  const levels = useCursorPages(['stock', 'levels', { q, locationId, low }], (cursor) =>
    must(
      api.GET('/api/v1/stock/levels', {
        params: {
          query: {
            limit: 50,
            ...(q && { q }),
            ...(locationId && { location_id: Number(locationId) }),
            ...(low && { low: 'true' as const }),
            ...(cursor && { cursor }),
          },
        },
      }),
    ),
  );

  return (
    <Stack>
      <StockNav title="Stock" />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name or SKU"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            searchFor(event.currentTarget.value);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <LocationFilter
          value={locationId}
          onChange={(value) => setParam('location_id', value)}
          style={{ flex: '1 1 220px' }}
        />
        <Switch
          label="Low levels only"
          size="md"
          checked={low}
          onChange={(event) => setParam('low', event.currentTarget.checked ? 'true' : null)}
          py="sm"
        />
      </Group>
      <PagedList
        pages={levels}
        empty={
          <Empty title={q || locationId || low ? 'No stock matches' : 'No stock yet'}>
            Items tracked by quantity appear here once stock is received or reorder settings are set.
          </Empty>
        }
      >
        {(rows) => (wide ? <LevelTable levels={rows} /> : <LevelCards levels={rows} />)}
      </PagedList>
    </Stack>
  );
}
