// Checking an item back in: its condition (damaged sends it to repair), where it is put back, and a note.
import { Button, Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogin } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import type { CheckInCondition, Item } from '../../api/types.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useLocations } from '../../hooks/useReference.ts';

const conditions: { value: CheckInCondition; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'good', label: 'Good' },
  { value: 'fair', label: 'Fair' },
  { value: 'poor', label: 'Poor' },
  { value: 'damaged', label: 'Damaged (goes to repair)' },
];

export function CheckInAction({ item }: { item: Item }) {
  const locations = useLocations();
  const modal = useFormModal<Item>();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { condition: 'good' as CheckInCondition, location_id: '', note: '' },
  });

  const open = () => {
    form.setValues({
      condition: 'good',
      location_id: item.location_id ? String(item.location_id) : '',
      note: '',
    });
    form.clearErrors();
    modal.open(item);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/items/{id}/checkin', {
            params: { path: { id: item.id } },
            body: {
              condition: values.condition,
              ...(values.location_id && { location_id: Number(values.location_id) }),
              ...(values.note.trim() && { note: values.note.trim() }),
            },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['items'] });
        await queryClient.invalidateQueries({ queryKey: ['assignments'] });
      }),
    ),
  );

  return (
    <>
      <Button onClick={open} leftSection={<IconLogin size={18} aria-hidden />}>
        Check in
      </Button>
      <FormModal
        title={`Check in ${item.name}`}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Check in"
      >
        <Select
          label="Condition"
          required
          allowDeselect={false}
          data={conditions}
          {...form.getInputProps('condition')}
        />
        <Select
          label="Location"
          description="Where it is put back; left as it is if empty"
          searchable
          clearable
          data={locations.data?.options ?? []}
          {...form.getInputProps('location_id')}
        />
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
      </FormModal>
    </>
  );
}
