// One quantity-tracked item's stock: its level at each location with what can be done there, receiving it
// somewhere new, and its ledger (every movement, who made it and when), newest first.
import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, must } from '../../api/client.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useCan } from '../../hooks/useMe.ts';
import { labelOf, useLocations } from '../../hooks/useReference.ts';
import { useItem } from '../items/ItemDetail.tsx';
import { movementNames, movementPlace, signedQuantity } from './ledger.ts';
import { LevelActions } from './LevelActions.tsx';
import { LowBadge } from './LowBadge.tsx';
import { NewReceipt } from './NewReceipt.tsx';
import type { ItemStock } from './stock-types.ts';

function Levels({ name, stock }: { name: string; stock: ItemStock }) {
  return stock.levels.length === 0 ? (
    <Empty title="Not stocked anywhere yet">Receive a delivery to start counting it.</Empty>
  ) : (
    <ScrollTable label="Levels by location" minWidth={640}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Location</Table.Th>
            <Table.Th ta="right">On hand</Table.Th>
            <Table.Th ta="right">Minimum</Table.Th>
            <Table.Th ta="right">Reorder point</Table.Th>
            <Table.Th ta="right">Reorder quantity</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stock.levels.map((level) => (
            <Table.Tr key={level.location_id}>
              <Table.Td>{level.location_name}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {level.quantity} {level.unit}
              </Table.Td>
              <Table.Td ta="right">{level.min_level ?? '—'}</Table.Td>
              <Table.Td ta="right">{level.reorder_point ?? '—'}</Table.Td>
              <Table.Td ta="right">{level.reorder_quantity ?? '—'}</Table.Td>
              <Table.Td>
                <LowBadge level={level} />
              </Table.Td>
              <Table.Td>
                <LevelActions itemName={name} level={level} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Ledger({ id }: { id: number }) {
  const locations = useLocations();
  const ledger = useCursorPages(['stock', 'movements', id], (cursor) =>
    must(
      api.GET('/api/v1/items/{id}/stock/movements', {
        params: { path: { id }, query: { limit: 50, ...(cursor && { cursor }) } },
      }),
    ),
  );
  const nameOf = (locationId: number) =>
    labelOf(locations.data?.options, locationId) ?? `location ${locationId}`;

  return (
    <Card withBorder component="section" aria-label="Ledger">
      <Title order={2} size="h4" mb="sm">
        Ledger
      </Title>
      <Stack gap="sm">
        <PagedList pages={ledger} empty={<Empty title="No movements yet" />}>
          {(rows) => (
            <ScrollTable label="Stock movements" minWidth={760}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Movement</Table.Th>
                    <Table.Th>Location</Table.Th>
                    <Table.Th ta="right">Quantity</Table.Th>
                    <Table.Th ta="right">Balance</Table.Th>
                    <Table.Th>By</Table.Th>
                    <Table.Th>Reason</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{new Date(m.created_at).toLocaleString()}</Table.Td>
                      <Table.Td>{movementNames[m.kind]}</Table.Td>
                      <Table.Td>{movementPlace(m, nameOf)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {signedQuantity(m)}
                      </Table.Td>
                      <Table.Td ta="right">{m.balance_after}</Table.Td>
                      <Table.Td>{m.performed_by ?? 'system'}</Table.Td>
                      <Table.Td>
                        {m.reason ?? '—'}
                        {(m.reference || m.unit_cost) && (
                          <Text size="xs" c="dimmed">
                            {[m.reference, m.unit_cost && `${m.unit_cost} each`].filter(Boolean).join(' · ')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </PagedList>
      </Stack>
    </Card>
  );
}

export default function StockItem() {
  const id = Number(useParams().id);
  const can = useCan();
  const item = useItem(id);
  const stock = useQuery({
    queryKey: ['stock', 'item', id],
    queryFn: () => must(api.GET('/api/v1/items/{id}/stock', { params: { path: { id } } })),
  });

  if (item.isPending || stock.isPending) return <Loading />;
  if (item.isError) return <Failed error={item.error} />;
  if (stock.isError) return <Failed error={stock.error} />;
  const it = item.data;

  return (
    <Stack>
      <Anchor component={Link} to="/stock" size="sm">
        ← Stock
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {it.name}
          </Title>
          <Text c="dimmed">
            {it.sku} ·{' '}
            <Anchor component={Link} to={`/items/${id}`} underline="always">
              Item page
            </Anchor>
          </Text>
        </Stack>
        {can('stock:write') && <NewReceipt item={it} />}
      </Group>
      <Card withBorder component="section" aria-label="Levels">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Levels
          </Title>
          <Text fw={700}>
            {stock.data.total_quantity} {stock.data.unit} in all
          </Text>
        </Group>
        <Levels name={it.name} stock={stock.data} />
      </Card>
      <Ledger id={id} />
    </Stack>
  );
}
