// Disposing of a retired item: how it left, on which day, and what it brought in (a decimal string, as money
// travels). No If-Match: what matters is the item's status, which the API checks in the same transaction, and
// its refusal ("an item that is in stock cannot be disposed of") says more than a 412 would.
import { Button, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import type { Item } from '../../api/types.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';

export type DisposalMethod = NonNullable<
  paths['/api/v1/items/{id}/dispose']['post']['requestBody']
>['content']['application/json']['method'];

export const methodNames: Record<DisposalMethod, string> = {
  sold: 'Sold',
  scrapped: 'Scrapped',
  donated: 'Donated',
  recycled: 'Recycled',
  traded_in: 'Traded in',
  returned_to_vendor: 'Returned to the vendor',
  lost: 'Lost',
  stolen: 'Stolen',
};
const methods = Object.entries(methodNames).map(([value, label]) => ({ value, label }));

/** Today as the date input shows it, in the user's own time zone. */
const today = () => new Date().toLocaleDateString('sv');

export function DisposalAction({ item }: { item: Item }) {
  const modal = useFormModal<Item>();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { method: 'sold' as DisposalMethod, disposed_on: '', proceeds: '', notes: '' },
    validate: { disposed_on: (value) => (value ? null : 'Choose the day it left') },
  });

  const open = () => {
    form.setValues({ method: 'sold', disposed_on: today(), proceeds: '', notes: '' });
    form.clearErrors();
    modal.open(item);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/items/{id}/dispose', {
            params: { path: { id: item.id } },
            body: {
              method: values.method,
              disposed_on: values.disposed_on,
              ...(values.proceeds.trim() && { proceeds: values.proceeds.trim() }),
              ...(values.notes.trim() && { notes: values.notes.trim() }),
            },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['items'] });
      }),
    ),
  );

  return (
    <>
      <Button color="red" onClick={open} leftSection={<IconTrash size={18} aria-hidden />}>
        Dispose
      </Button>
      <FormModal
        title={`Dispose of ${item.name}`}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Dispose"
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label="Method"
            required
            allowDeselect={false}
            data={methods}
            {...form.getInputProps('method')}
          />
          <TextInput label="Date" type="date" required {...form.getInputProps('disposed_on')} />
        </SimpleGrid>
        <TextInput
          label="Proceeds"
          description="What it brought in (sale price, trade-in credit); empty for nothing"
          inputMode="decimal"
          {...form.getInputProps('proceeds')}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
      </FormModal>
    </>
  );
}
