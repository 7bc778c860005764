// Requesting a transfer of one item: the item found by SKU (or name) search, and where it goes.
import { Button, Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useLocations } from '../../hooks/useReference.ts';

export function NewTransfer() {
  const modal = useFormModal<null>();
  const queryClient = useQueryClient();
  const locations = useLocations();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['items', 'search', q],
    enabled: modal.opened && q.length > 0,
    queryFn: () => must(api.GET('/api/v1/items', { params: { query: { q, limit: 20 } } })),
  });
  const form = useForm({
    initialValues: { item_id: '', to_location_id: '', note: '' },
    validate: { item_id: (value) => (value ? null : 'Choose an item') },
  });

  const open = () => {
    form.reset();
    setSearch('');
    modal.open(null);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/transfers', {
            body: {
              item_ids: [Number(values.item_id)],
              to_location_id: Number(values.to_location_id),
              ...(values.note.trim() && { note: values.note.trim() }),
            },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['transfers'] });
      }),
    ),
  );

  return (
    <>
      <Button onClick={open} leftSection={<IconPlus size={18} aria-hidden />}>
        New transfer
      </Button>
      <FormModal
        title="New transfer"
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Request transfer"
      >
        <Select
          label="Item"
          description="Type a SKU or a name"
          required
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          nothingFoundMessage={q ? 'No item matches' : undefined}
          data={(found.data?.data ?? []).map((i) => ({ value: String(i.id), label: `${i.sku} · ${i.name}` }))}
          {...form.getInputProps('item_id')}
        />
        <Select
          label="Destination"
          required
          searchable
          data={locations.data?.options ?? []}
          {...form.getInputProps('to_location_id')}
        />
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
      </FormModal>
    </>
  );
}
