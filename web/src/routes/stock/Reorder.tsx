// Reorder suggestions: levels at or below their reorder point, with how much to order, from which supplier and
// at what the last delivery cost; filtered by location (and everything below it).
import { Card, Stack, Table, Text } from '@mantine/core';
import { api, must } from '../../api/client.ts';
import { LocationFilter } from '../../components/LocationFilter.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';
import { useWideScreen } from '../../hooks/useWideScreen.ts';
import { StockNav } from './StockNav.tsx';
import { StockCardHeading, StockItemName } from './StockRowParts.tsx';
import type { ReorderSuggestion } from './stock-types.ts';

const keyOf = (s: ReorderSuggestion) => `${s.item.id}:${s.location.id}`;

function SuggestionCards({ rows }: { rows: ReorderSuggestion[] }) {
  return (
    <Stack gap="xs">
      {rows.map((s) => (
        <Card key={keyOf(s)} withBorder padding="sm">
          <StockCardHeading item={s.item} locationName={s.location.name}>
            <Text fw={700} size="lg" ta="right">
              Order {s.suggested_quantity} {s.item.unit}
            </Text>
          </StockCardHeading>
          <Text size="sm" mt="xs">
            On hand {s.quantity} · reorder at {s.reorder_point}
            {s.supplier && ` · from ${s.supplier.name}`}
            {s.last_unit_cost && ` · last ${s.last_unit_cost} each`}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function SuggestionTable({ rows }: { rows: ReorderSuggestion[] }) {
  return (
    <ScrollTable label="Reorder suggestions list" minWidth={820}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th ta="right">On hand</Table.Th>
            <Table.Th ta="right">Reorder point</Table.Th>
            <Table.Th ta="right">Order</Table.Th>
            <Table.Th>Supplier</Table.Th>
            <Table.Th ta="right">Last unit cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={keyOf(s)}>
              <Table.Td>
                <StockItemName item={s.item} />
              </Table.Td>
              <Table.Td>{s.location.name}</Table.Td>
              <Table.Td ta="right">{s.quantity}</Table.Td>
              <Table.Td ta="right">{s.reorder_point}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {s.suggested_quantity} {s.item.unit}
              </Table.Td>
              <Table.Td>{s.supplier?.name ?? '—'}</Table.Td>
              <Table.Td ta="right">{s.last_unit_cost ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export default function Reorder() {
  const wide = useWideScreen();
  const [params, setParam] = useUrlFilters();
  const locationId = params.get('location_id');
  const suggestions = useCursorPages(['stock', 'reorder', locationId], (cursor) =>
    must(
      api.GET('/api/v1/stock/reorder-suggestions', {
        params: {
          query: {
            limit: 50,
            ...(locationId && { location_id: Number(locationId) }),
            ...(cursor && { cursor }),
          },
        },
      }),
    ),
  );

  return (
    <Stack>
      <StockNav title="Reorder suggestions" />
      <LocationFilter maw={420} value={locationId} onChange={(value) => setParam('location_id', value)} />
      <PagedList
        pages={suggestions}
        empty={<Empty title="Nothing to reorder">No level is at or below its reorder point.</Empty>}
      >
        {(rows) => (wide ? <SuggestionTable rows={rows} /> : <SuggestionCards rows={rows} />)}
      </PagedList>
    </Stack>
  );
}
