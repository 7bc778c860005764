// Reservations starting soon, soonest first, over a chosen window: what to have ready for whom. A table on
// wide screens, touch-sized cards on phones; each item links to its page.
import {
  Anchor,
  Button,
  Card,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { spanOf, type Reservation } from './reservation-body.ts';

const windows = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
];

function UpcomingRows({ rows }: { rows: Reservation[] }) {
  const wide = useMediaQuery('(min-width: 48em)', true);
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
                <Anchor component={Link} to={`/items/${r.item.id}`}>
                  {r.item.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.item.sku}
                </Text>
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
  const upcoming = useInfiniteQuery({
    queryKey: ['reservations', 'upcoming', days],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/api/v1/reservations/upcoming', {
          params: { query: { days: Number(days), limit: 50, ...(pageParam && { cursor: pageParam }) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = upcoming.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack>
      <Title order={1} size="h2">
        Reservations
      </Title>
      <SegmentedControl aria-label="Starting within" data={windows} value={days} onChange={setDays} />
      {upcoming.isPending ? (
        <Loading />
      ) : upcoming.isError ? (
        <Failed error={upcoming.error} />
      ) : rows.length === 0 ? (
        <Empty title={`No reservation starts within ${days} days`}>
          Reserve an item from its page; reservations starting in this window appear here.
        </Empty>
      ) : (
        <UpcomingRows rows={rows} />
      )}
      {upcoming.hasNextPage && (
        <Button
          variant="subtle"
          loading={upcoming.isFetchingNextPage}
          onClick={() => void upcoming.fetchNextPage()}
        >
          More
        </Button>
      )}
    </Stack>
  );
}
