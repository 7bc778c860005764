// Creating or editing a maintenance schedule: what work, how it recurs (once, every N days or calendar months, or
// by a usage counter), when it is due, who does it and for how long. An edit sends what changed with If-Match.
// Mounted while open, so each opening starts from the schedule as it is now.
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { useFormModal } from '../../hooks/useFormModal.ts';
import { useCan } from '../../hooks/useMe.ts';
import { useUserOptions } from '../../hooks/useReference.ts';
import {
  intervalProblem,
  recurrenceOptions,
  scheduleBody,
  scheduleChanges,
  scheduleValuesOf,
  type Recurrence,
  type Schedule,
  type ScheduleValues,
} from './maintenance-schedule.ts';

const intervalUnit: Record<Recurrence, string> = { none: '', days: 'days', months: 'months', usage: 'units' };

async function save(
  itemId: number,
  editing: Schedule | null,
  before: ScheduleValues,
  values: ScheduleValues,
) {
  if (!editing) {
    await must(
      api.POST('/api/v1/items/{id}/maintenance', {
        params: { path: { id: itemId } },
        body: scheduleBody(values),
      }),
    );
    return;
  }
  const changes = scheduleChanges(before, values);
  if (Object.keys(changes).length === 0) return;
  await must(
    api.PATCH('/api/v1/maintenance/{id}', {
      params: { path: { id: editing.id } },
      body: changes,
      headers: { 'if-match': `"${editing.version}"` },
    }),
  );
}

export function MaintenanceScheduleModal({
  itemId,
  modal,
}: {
  itemId: number;
  modal: ReturnType<typeof useFormModal<Schedule>>;
}) {
  const can = useCan();
  const queryClient = useQueryClient();
  const people = useUserOptions(can('users:read'));
  const editing = modal.editing;
  const initial = scheduleValuesOf(editing ?? undefined);
  const form = useForm<ScheduleValues>({
    initialValues: initial,
    validate: { recurrence_interval: (_, values) => intervalProblem(values) },
  });
  const { recurrence } = form.values;

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        try {
          await save(itemId, editing, initial, values);
        } catch (error) {
          if (error instanceof ApiError && error.status === 412) {
            await queryClient.invalidateQueries({ queryKey: ['maintenance'] });
            throw new Error(
              'Someone changed this schedule meanwhile; it has been reloaded. Apply your change again.',
            );
          }
          throw error;
        }
        await queryClient.invalidateQueries({ queryKey: ['maintenance'] });
      }),
    ),
  );

  return (
    <FormModal
      title={editing ? `Edit ${editing.maintenance_type}` : 'Schedule maintenance'}
      opened
      onClose={modal.close}
      onSubmit={submit}
      failure={modal.failure}
      busy={modal.busy}
      submitLabel={editing ? 'Save' : 'Schedule'}
    >
      <TextInput
        label="Type of work"
        placeholder="inspection, calibration, service …"
        required
        {...form.getInputProps('maintenance_type')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Repeats"
          data={recurrenceOptions}
          allowDeselect={false}
          {...form.getInputProps('recurrence')}
        />
        {recurrence !== 'none' && (
          <TextInput
            label={`Every how many ${recurrence === 'usage' ? form.values.usage_unit.trim() || 'units' : intervalUnit[recurrence]}`}
            required
            inputMode="numeric"
            {...form.getInputProps('recurrence_interval')}
          />
        )}
        <TextInput
          label={recurrence === 'usage' ? 'Planned date' : recurrence === 'none' ? 'Due' : 'Next due'}
          description={editing ? undefined : 'Today if left blank'}
          type="date"
          {...form.getInputProps('scheduled_date')}
        />
        {recurrence === 'usage' && (
          <>
            <TextInput
              label="Counter unit"
              placeholder="hours, km, cycles …"
              required
              {...form.getInputProps('usage_unit')}
            />
            <TextInput label="Current reading" inputMode="decimal" {...form.getInputProps('usage_reading')} />
            <TextInput
              label="Due at reading"
              description="Current reading plus the interval if left blank"
              inputMode="decimal"
              {...form.getInputProps('next_due_usage')}
            />
          </>
        )}
        {can('users:read') && (
          <Select
            label="Technician"
            placeholder="A person"
            searchable
            clearable
            limit={100}
            data={people.data ?? []}
            {...form.getInputProps('technician_user_id')}
          />
        )}
        <TextInput
          label={can('users:read') ? 'Technician name' : 'Technician'}
          description={
            can('users:read') ? "A contractor, or blank for the person's name" : 'A name or a contractor'
          }
          {...form.getInputProps('technician')}
        />
        <TextInput
          label="Estimated duration"
          placeholder="2 hours 30 minutes"
          description='e.g. "90 minutes" or "PT1H30M"'
          {...form.getInputProps('estimated_duration')}
        />
      </SimpleGrid>
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
    </FormModal>
  );
}
