// Check-outs past their expected return, longest overdue first: what to chase.
import { Stack, Table, Title } from '@mantine/core';
import { api, must } from '../../api/client.ts';
import { ItemNameLink } from '../../components/ItemNameLink.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { dateOf, holderOf } from './holder.ts';

const daysSince = (iso: string) => Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);

export default function Overdue() {
  const overdue = useCursorPages(['assignments', 'overdue'], (cursor) =>
    must(
      api.GET('/api/v1/checkouts/overdue', { params: { query: { limit: 50, ...(cursor && { cursor }) } } }),
    ),
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        Overdue
      </Title>
      <PagedList
        pages={overdue}
        empty={
          <Empty title="Nothing is overdue">Everything checked out is within its expected return date.</Empty>
        }
      >
        {(rows) => (
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
                      <ItemNameLink item={a.item} />
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
      </PagedList>
    </Stack>
  );
}
