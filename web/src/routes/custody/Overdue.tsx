// Check-outs past their expected return, longest overdue first: what to chase.
import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { dateOf, holderOf } from './holder.ts';

const daysSince = (iso: string) => Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);

export default function Overdue() {
  const overdue = useInfiniteQuery({
    queryKey: ['assignments', 'overdue'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/api/v1/checkouts/overdue', {
          params: { query: { limit: 50, ...(pageParam && { cursor: pageParam }) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = overdue.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack>
      <Title order={1} size="h2">
        Overdue
      </Title>
      {overdue.isPending ? (
        <Loading />
      ) : overdue.isError ? (
        <Failed error={overdue.error} />
      ) : rows.length === 0 ? (
        <Empty title="Nothing is overdue">Everything checked out is within its expected return date.</Empty>
      ) : (
        <ScrollTable label="Overdue check-outs" minWidth={640}>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Held by</Table.Th>
                <Table.Th>Out since</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Days late</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/items/${a.item.id}`}>
                      {a.item.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {a.item.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td>{holderOf(a)}</Table.Td>
                  <Table.Td>{dateOf(a.checked_out_at)}</Table.Td>
                  <Table.Td>{dateOf(a.expected_checkin)}</Table.Td>
                  <Table.Td>{a.expected_checkin ? daysSince(a.expected_checkin) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {overdue.hasNextPage && (
        <Button
          variant="subtle"
          loading={overdue.isFetchingNextPage}
          onClick={() => void overdue.fetchNextPage()}
        >
          More
        </Button>
      )}
    </Stack>
  );
}
