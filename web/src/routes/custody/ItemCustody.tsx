// Who holds an item now, the actions to check it out or in (for those allowed, when its state allows), and
// every assignment it has had, newest first.
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { api, must } from '../../api/client.ts';
import type { Item } from '../../api/types.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useCan } from '../../hooks/useMe.ts';
import { CheckInAction } from './CheckInAction.tsx';
import { CheckOutAction } from './CheckOutAction.tsx';
import { dateOf, holderOf } from './holder.ts';

const checkoutable = new Set<Item['status']>(['in_stock', 'deployed']);

export function ItemCustody({ item }: { item: Item }) {
  const can = useCan();
  const assignments = useCursorPages(['assignments', 'item', item.id], (cursor) =>
    must(
      api.GET('/api/v1/items/{id}/assignments', {
        params: {
          path: { id: item.id },
          query: { state: 'all', limit: 20, ...(cursor && { cursor }) },
        },
      }),
    ),
  );
  const current = assignments.rows.find((a) => a.checked_in_at === null);

  return (
    <Card withBorder component="section" aria-label="Custody">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          Custody
        </Title>
        {can('assignments:write') &&
          !assignments.query.isPending &&
          (current ? (
            <CheckInAction item={item} />
          ) : (
            checkoutable.has(item.status) && <CheckOutAction item={item} />
          ))}
      </Group>
      <Stack>
        {assignments.query.isSuccess && (
          <Text>
            {current ? (
              <>
                Checked out to <b>{holderOf(current)}</b> since {dateOf(current.checked_out_at)}
                {current.expected_checkin && <>, due back {dateOf(current.expected_checkin)}</>}{' '}
                {current.overdue && <Badge color="red">overdue</Badge>}
              </>
            ) : (
              'Not checked out'
            )}
          </Text>
        )}
        <PagedList
          pages={assignments}
          empty={<Empty title="Never checked out" />}
          moreLabel="Older assignments"
        >
          {(rows) => (
            <ScrollTable label="Assignment history" minWidth={640}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>To</Table.Th>
                    <Table.Th>Out</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Returned</Table.Th>
                    <Table.Th>Condition</Table.Th>
                    <Table.Th>Note</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{holderOf(a)}</Table.Td>
                      <Table.Td>{dateOf(a.checked_out_at)}</Table.Td>
                      <Table.Td>{dateOf(a.expected_checkin)}</Table.Td>
                      <Table.Td>{a.checked_in_at ? dateOf(a.checked_in_at) : 'not yet'}</Table.Td>
                      <Table.Td>{a.checkin_condition ?? '—'}</Table.Td>
                      <Table.Td>{[a.note, a.checkin_note].filter(Boolean).join(' · ') || '—'}</Table.Td>
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
