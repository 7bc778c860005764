// An item's reservations that have not ended, soonest first, with Reserve and Cancel for those allowed.
import { Alert, Button, Card, Group, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import type { Item } from '../../api/types.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useCan } from '../../hooks/useMe.ts';
import { spanOf } from './reservation-body.ts';
import { ReserveAction } from './ReserveAction.tsx';

/** Lost, retired and disposed items cannot be reserved; the API would refuse. */
const reservable = new Set<Item['status']>(['ordered', 'in_stock', 'deployed', 'in_repair']);

export function ItemReservations({ item }: { item: Item }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const reservations = useQuery({
    queryKey: ['reservations', 'item', item.id],
    queryFn: () => must(api.GET('/api/v1/items/{id}/reservations', { params: { path: { id: item.id } } })),
  });
  const cancel = useMutation({
    mutationFn: (id: number) =>
      must(api.POST('/api/v1/reservations/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reservations'] }),
  });
  const rows = reservations.data?.data ?? [];
  const writer = can('reservations:write');

  return (
    <Card withBorder component="section" aria-label="Reservations">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          Reservations
        </Title>
        {writer && reservable.has(item.status) && <ReserveAction item={item} />}
      </Group>
      {cancel.isError && (
        <Alert color="red" title="Could not cancel" role="alert" mb="sm">
          {messageOf(cancel.error)}
        </Alert>
      )}
      {reservations.isPending ? (
        <Loading />
      ) : reservations.isError ? (
        <Failed error={reservations.error} />
      ) : rows.length === 0 ? (
        <Empty title="Not reserved">Reservations that have not ended will appear here.</Empty>
      ) : (
        <ScrollTable label="Upcoming reservations of this item" minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>For</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Note</Table.Th>
                {writer && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.user.display_name}</Table.Td>
                  <Table.Td>{spanOf(r)}</Table.Td>
                  <Table.Td>{r.note ?? '—'}</Table.Td>
                  {writer && (
                    <Table.Td>
                      <Button
                        variant="default"
                        loading={cancel.isPending && cancel.variables === r.id}
                        onClick={() => cancel.mutate(r.id)}
                        aria-label={`Cancel the reservation for ${r.user.display_name}, ${spanOf(r)}`}
                      >
                        Cancel
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
