// Reservations starting soon, soonest first, over a chosen window: what to have ready for whom. A table on
// wide screens, touch-sized cards on phones; each item links to its page.
import { Card, SegmentedControl, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import { ItemNameLink } from '../../components/ItemNameLink.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useWideScreen } from '../../hooks/useWideScreen.ts';
import { spanOf, type Reservation } from './reservation-body.ts';

const windows = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
];

function UpcomingRows({ rows }: { rows: Reservation[] }) {
  const wide = useWideScreen();
  if (!wide) {
    return (
      <Stack gap="xs">
        {rows.map((r) => (
          <Card key={r.id} withBorder padding="sm">
            <UnstyledButton component={Link} to={`/items/${r.item.id}`} display="block">
              <Text fw={600} truncate>
                {r.item.name}
              </Text>
              <Text size="sm">
                {spanOf(r)} · for {r.user.display_name}
              </Text>
              <Text size="sm" c="dimmed">
                {r.item.sku}
                {r.note && ` · ${r.note}`}
              </Text>
            </UnstyledButton>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollTable label="Upcoming reservations" minWidth={600}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>For</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <ItemNameLink item={r.item} />
              </Table.Td>
              <Table.Td>{r.user.display_name}</Table.Td>
              <Table.Td>{spanOf(r)}</Table.Td>
              <Table.Td>{r.note ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export default function Reservations() {
  const [days, setDays] = useState('30');
  const upcoming = useCursorPages(['reservations', 'upcoming', days], (cursor) =>
    must(
      api.GET('/api/v1/reservations/upcoming', {
        params: { query: { days: Number(days), limit: 50, ...(cursor && { cursor }) } },
      }),
    ),
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        Reservations
      </Title>
      <SegmentedControl aria-label="Starting within" data={windows} value={days} onChange={setDays} />
      <PagedList
        pages={upcoming}
        empty={
          <Empty title={`No reservation starts within ${days} days`}>
            Reserve an item from its page; reservations starting in this window appear here.
          </Empty>
        }
      >
        {(rows) => <UpcomingRows rows={rows} />}
      </PagedList>
    </Stack>
  );
}
