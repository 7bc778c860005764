// Reserving an item over whole days for a person (oneself, for those who may not list people). An overlap with
// another reservation, or a check-out not back in time, is the API's 409: its words above the form, and the
// reservation in the way beside the start date.
import { Button, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import type { Item } from '../../api/types.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useCan, useMe } from '../../hooks/useMe.ts';
import { useUserOptions } from '../../hooks/useReference.ts';
import { reservationBodyOf, type ReservationFormValues } from './reservation-body.ts';

const blank: ReservationFormValues = { user_id: '', starts_at: '', ends_at: '', note: '' };

export function ReserveAction({ item }: { item: Item }) {
  const can = useCan();
  const mayPickPerson = can('users:read');
  const users = useUserOptions(mayPickPerson);
  const { data: me } = useMe();
  const modal = useFormModal<Item>();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: blank,
    validate: {
      user_id: (value) => (value ? null : 'Choose a person'),
      starts_at: (value) => (value ? null : 'Choose the first day'),
      ends_at: (value, values) => {
        if (!value) return 'Choose the last day';
        return values.starts_at && value < values.starts_at ? 'Must not be before the first day' : null;
      },
    },
  });

  const open = () => {
    form.setValues({ ...blank, user_id: me ? String(me.id) : '' });
    form.clearErrors();
    modal.open(item);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/items/{id}/reservations', {
            params: { path: { id: item.id } },
            body: reservationBodyOf(values),
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['reservations'] });
      }),
    ),
  );

  const myself = me ? [{ value: String(me.id), label: `Me (${me.display_name})` }] : [];
  const others = (users.data ?? []).filter((u) => u.value !== String(me?.id));
  const people = [...myself, ...(mayPickPerson ? others : [])];

  return (
    <>
      <Button onClick={open} leftSection={<IconCalendarPlus size={18} aria-hidden />}>
        Reserve
      </Button>
      <FormModal
        title={`Reserve ${item.name}`}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Reserve"
      >
        <Select
          label="For"
          required
          searchable={mayPickPerson}
          allowDeselect={false}
          data={people}
          nothingFoundMessage="No one by that name"
          {...form.getInputProps('user_id')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="From" type="date" required {...form.getInputProps('starts_at')} />
          <TextInput label="Until" type="date" required {...form.getInputProps('ends_at')} />
        </SimpleGrid>
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
      </FormModal>
    </>
  );
}
