// The less frequent things to do with a schedule, behind one menu: edit it, record a usage counter reading (for
// schedules that recur by usage), and delete it after a confirmation (its work records stay).
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDots } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import type { Schedule } from './maintenance-schedule.ts';

interface Props {
  schedule: Schedule;
  onEdit: () => void;
}

export function MaintenanceRowActions({ schedule, onEdit }: Props) {
  const queryClient = useQueryClient();
  const reading = useFormModal<null>();
  const [confirming, setConfirming] = useState(false);
  const form = useForm({ initialValues: { reading: '' } });
  const name = schedule.maintenance_type;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['maintenance'] });

  const remove = useMutation({
    mutationFn: () =>
      must(
        api.DELETE('/api/v1/maintenance/{id}', {
          params: { path: { id: schedule.id } },
          headers: { 'if-match': `"${schedule.version}"` },
        }),
      ),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });

  const submitReading = form.onSubmit((values) =>
    reading.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/maintenance/{id}/usage', {
            params: { path: { id: schedule.id } },
            body: { reading: values.reading.trim() },
            headers: { 'if-match': `"${schedule.version}"` },
          }),
        );
        await refresh();
      }),
    ),
  );

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size="xl" aria-label={`More for ${name}`}>
            <IconDots size={20} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item py="sm" onClick={onEdit}>
            Edit
          </Menu.Item>
          {schedule.recurrence === 'usage' && (
            <Menu.Item
              py="sm"
              onClick={() => {
                form.reset();
                reading.open(null);
              }}
            >
              Record reading
            </Menu.Item>
          )}
          <Menu.Item py="sm" color="red" onClick={() => setConfirming(true)}>
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <FormModal
        title={`Record reading: ${name}`}
        opened={reading.opened}
        onClose={reading.close}
        onSubmit={submitReading}
        failure={reading.failure}
        busy={reading.busy}
        submitLabel="Record"
      >
        <Text size="sm">
          Last reading {schedule.usage_reading ?? '—'}; due at {schedule.next_due_usage ?? '—'}{' '}
          {schedule.usage_unit}
        </Text>
        <TextInput
          label={`Reading (${schedule.usage_unit ?? 'units'})`}
          required
          inputMode="decimal"
          {...form.getInputProps('reading')}
        />
      </FormModal>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Delete ${name}?`}>
        <Stack>
          <Text>The schedule goes; the record of work already done on it stays.</Text>
          {remove.isError && (
            <Text c="red" role="alert">
              {messageOf(remove.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
