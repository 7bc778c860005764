// Transfers between locations, newest first, filtered by state, with the next step for each (dispatch,
// receive, cancel) for those allowed to move things.
import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useCan } from '../../hooks/useMe.ts';
import { dateOf } from '../custody/holder.ts';
import { NewTransfer } from './NewTransfer.tsx';

type State = NonNullable<NonNullable<paths['/api/v1/transfers']['get']['parameters']['query']>['state']>;
type Step = 'dispatch' | 'receive' | 'cancel';

const states: { value: State | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'requested', label: 'Requested' },
  { value: 'in_transit', label: 'In transit' },
  { value: 'received', label: 'Received' },
  { value: 'cancelled', label: 'Cancelled' },
];

function send(id: number, step: Step) {
  const params = { path: { id } };
  if (step === 'dispatch') return must(api.POST('/api/v1/transfers/{id}/dispatch', { params, body: {} }));
  if (step === 'receive') return must(api.POST('/api/v1/transfers/{id}/receive', { params, body: {} }));
  return must(
    api.POST('/api/v1/transfers/{id}/cancel', { params, body: { reason: 'Cancelled from the web app' } }),
  );
}

export default function Transfers() {
  const can = useCan();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State | 'all'>('all');
  const transfers = useCursorPages(['transfers', state], (cursor) =>
    must(
      api.GET('/api/v1/transfers', {
        params: {
          query: {
            limit: 50,
            ...(state !== 'all' && { state }),
            ...(cursor && { cursor }),
          },
        },
      }),
    ),
  );
  const step = useMutation({
    mutationFn: ({ id, step }: { id: number; step: Step }) => send(id, step),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['transfers'] }),
  });
  const writer = can('transfers:write');
  const button = (id: number, to: Step, label: string, name: string) => (
    <Button
      size="xs"
      variant={to === 'cancel' ? 'default' : 'filled'}
      loading={step.isPending && step.variables.id === id && step.variables.step === to}
      onClick={() => step.mutate({ id, step: to })}
      aria-label={`${label} ${name}`}
    >
      {label}
    </Button>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Transfers
        </Title>
        {writer && <NewTransfer />}
      </Group>
      <SegmentedControl
        aria-label="State"
        data={states}
        value={state}
        onChange={(value) => setState(value)}
      />
      {step.isError && <Failed error={step.error} />}
      <PagedList pages={transfers} empty={<Empty title="No transfers" />}>
        {(rows) => (
          <ScrollTable label="Transfers list" minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Items</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Requested</Table.Th>
                  {writer && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((t) => {
                  const name = t.items.map((i) => i.name).join(', ');
                  return (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        {name}
                        <Text size="xs" c="dimmed">
                          {t.items.map((i) => i.sku).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t.to_location.name}</Table.Td>
                      <Table.Td>{t.state.replace('_', ' ')}</Table.Td>
                      <Table.Td>
                        {dateOf(t.requested_at)} {t.requested_by && `by ${t.requested_by}`}
                      </Table.Td>
                      {writer && (
                        <Table.Td>
                          <Group gap="xs">
                            {t.state === 'requested' && button(t.id, 'dispatch', 'Dispatch', name)}
                            {t.state === 'in_transit' && button(t.id, 'receive', 'Receive', name)}
                            {(t.state === 'requested' || t.state === 'in_transit') &&
                              button(t.id, 'cancel', 'Cancel', name)}
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </PagedList>
    </Stack>
  );
}
