// An item's maintenance schedules, next due first as the API orders them: how each recurs, who does it and for
// how long; for those allowed to, scheduling new work, editing or deleting a schedule, recording a usage reading,
// and the buttons to start the work (the item goes in repair) and to complete it.
import { Badge, Button, Card, Group, Table, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useCan } from '../../hooks/useMe.ts';
import { CompleteWorkAction } from './CompleteWorkAction.tsx';
import { durationText } from './maintenance-calendar.ts';
import { recurrenceText, type Schedule } from './maintenance-schedule.ts';
import { MaintenanceRowActions } from './MaintenanceRowActions.tsx';
import { MaintenanceScheduleModal } from './MaintenanceScheduleModal.tsx';

export function ItemMaintenance({ id }: { id: number }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const scheduleModal = useFormModal<Schedule>();
  const schedules = useQuery({
    queryKey: ['maintenance', 'item', id],
    queryFn: () =>
      must(api.GET('/api/v1/items/{id}/maintenance', { params: { path: { id }, query: { limit: 100 } } })),
  });
  const start = useMutation({
    mutationFn: (scheduleId: number) =>
      must(api.POST('/api/v1/maintenance/{id}/start', { params: { path: { id: scheduleId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['items'] });
      await queryClient.invalidateQueries({ queryKey: ['maintenance'] });
    },
  });
  const rows = schedules.data?.data ?? [];
  const writer = can('maintenance:write');

  return (
    <Card withBorder component="section" aria-label="Maintenance">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Maintenance
        </Title>
        {writer && (
          <Button
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => scheduleModal.open(null)}
          >
            Schedule maintenance
          </Button>
        )}
      </Group>
      {scheduleModal.opened && <MaintenanceScheduleModal itemId={id} modal={scheduleModal} />}
      {start.isError && <Failed error={new Error(messageOf(start.error))} />}
      {schedules.isPending ? (
        <Loading />
      ) : schedules.isError ? (
        <Failed error={schedules.error} />
      ) : rows.length === 0 ? (
        <Empty title="No maintenance scheduled" />
      ) : (
        <ScrollTable label="Maintenance schedules" minWidth={860}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Type</Table.Th>
                <Table.Th>Repeats</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Technician</Table.Th>
                <Table.Th>Takes</Table.Th>
                <Table.Th>Status</Table.Th>
                {writer && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.maintenance_type}</Table.Td>
                  <Table.Td>{recurrenceText(m)}</Table.Td>
                  <Table.Td>{m.next_due_date ?? `at ${m.next_due_usage} ${m.usage_unit ?? ''}`}</Table.Td>
                  <Table.Td>{m.technician ?? '—'}</Table.Td>
                  <Table.Td>{durationText(m.estimated_duration)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.status.replace('_', ' ')}
                      {m.overdue && <Badge color="red">overdue</Badge>}
                    </Group>
                  </Table.Td>
                  {writer && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {m.status === 'scheduled' && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={start.isPending && start.variables === m.id}
                            onClick={() => start.mutate(m.id)}
                            aria-label={`Start ${m.maintenance_type}`}
                          >
                            Start
                          </Button>
                        )}
                        {m.status === 'in_progress' && (
                          <CompleteWorkAction id={m.id} label={m.maintenance_type} />
                        )}
                        {m.status !== 'in_progress' && (
                          <MaintenanceRowActions schedule={m} onEdit={() => scheduleModal.open(m)} />
                        )}
                      </Group>
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
