// Checking an item out to a person or a location, with an expected return date and a note. Field errors
// from the API land beside their fields; a 409 (someone holds it, a reservation is in the way) above the form.
// No If-Match: what matters is who holds the item, and the 409 naming the holder says more than a 412 would.
import { Button, Radio, Group, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import type { Item } from '../../api/types.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useCan } from '../../hooks/useMe.ts';
import { useLocations, useUserOptions } from '../../hooks/useReference.ts';
import { endOfDay } from './holder.ts';

const blank = { target: 'user', assignee_user_id: '', location_id: '', expected_checkin: '', note: '' };

export function CheckOutAction({ item }: { item: Item }) {
  const can = useCan();
  const mayPickPerson = can('users:read');
  const users = useUserOptions(mayPickPerson);
  const locations = useLocations();
  const modal = useFormModal<Item>();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: blank,
    validate: {
      assignee_user_id: (value, values) => (values.target === 'user' && !value ? 'Choose a person' : null),
      location_id: (value, values) => (values.target === 'location' && !value ? 'Choose a location' : null),
    },
  });

  const open = () => {
    form.setValues({ ...blank, target: mayPickPerson ? 'user' : 'location' });
    form.clearErrors();
    modal.open(item);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        const toPerson = values.target === 'user';
        const target = toPerson ? values.assignee_user_id : values.location_id;
        await must(
          api.POST('/api/v1/items/{id}/checkout', {
            params: { path: { id: item.id } },
            body: {
              ...(toPerson ? { assignee_user_id: Number(target) } : { location_id: Number(target) }),
              ...(values.expected_checkin && { expected_checkin: endOfDay(values.expected_checkin) }),
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
      <Button onClick={open} leftSection={<IconLogout size={18} aria-hidden />}>
        Check out
      </Button>
      <FormModal
        title={`Check out ${item.name}`}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Check out"
      >
        <Radio.Group label="Check out to" {...form.getInputProps('target')}>
          <Group mt="xs">
            {mayPickPerson && <Radio value="user" label="A person" />}
            <Radio value="location" label="A location" />
          </Group>
        </Radio.Group>
        {form.getValues().target === 'user' ? (
          <Select
            label="Person"
            required
            searchable
            data={users.data ?? []}
            nothingFoundMessage="No one by that name"
            {...form.getInputProps('assignee_user_id')}
          />
        ) : (
          <Select
            label="Location"
            required
            searchable
            data={locations.data?.options ?? []}
            {...form.getInputProps('location_id')}
          />
        )}
        <TextInput label="Expected return" type="date" {...form.getInputProps('expected_checkin')} />
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
      </FormModal>
    </>
  );
}
