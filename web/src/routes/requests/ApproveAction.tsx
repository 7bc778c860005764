// Approving a request hands an item to the requester at once (a check-out). A request for a particular item
// hands out that item; for a category, the decider picks one of its items that are in stock, found by search.
// If the item went to someone else meanwhile, the API's 409 says who has it.
import { Button, Select, Text, Textarea, type ComboboxItem } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { labelOf, useLocations, type Option } from '../../hooks/useReference.ts';
import { subjectOf, type ItemRequest } from './request-body.ts';

/** In-stock items of the request's category (and below), matching what the decider types. */
function useAvailableItems(categoryId: number | null, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['items', 'available', categoryId, q],
    enabled: enabled && categoryId !== null,
    queryFn: () =>
      must(
        api.GET('/api/v1/items', {
          params: {
            query: {
              category_id: categoryId ?? undefined,
              status: 'in_stock',
              limit: 50,
              ...(q && { q }),
            },
          },
        }),
      ),
  });
}

export function ApproveAction({ request }: { request: ItemRequest }) {
  const modal = useFormModal<ItemRequest>();
  const queryClient = useQueryClient();
  const locations = useLocations();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const byCategory = request.item_id === null;
  const available = useAvailableItems(request.category_id, q, modal.opened && byCategory);
  const form = useForm({
    initialValues: { item_id: '', note: '' },
    validate: { item_id: (value) => (byCategory && !value ? 'Choose the item to hand out' : null) },
  });
  const who = request.requester.display_name;

  const open = () => {
    form.reset();
    setSearch('');
    setPicked(null);
    modal.open(request);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/requests/{id}/approve', {
            params: { path: { id: request.id } },
            body: {
              ...(byCategory && { item_id: Number(values.item_id) }),
              ...(values.note.trim() && { note: values.note.trim() }),
            },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['requests'] });
        await queryClient.invalidateQueries({ queryKey: ['items'] });
        await queryClient.invalidateQueries({ queryKey: ['assignments'] });
      }),
    ),
  );

  const found = (available.data?.data ?? []).map((item) => {
    const place = labelOf(locations.data?.options, item.location_id);
    return { value: String(item.id), label: `${item.sku} · ${item.name}${place ? ` · ${place}` : ''}` };
  });
  // The chosen item stays an option when the search (now its label) finds nothing else.
  const options = picked && !found.some((o) => o.value === picked.value) ? [picked, ...found] : found;

  return (
    <>
      <Button
        onClick={open}
        leftSection={<IconCheck size={18} aria-hidden />}
        aria-label={`Approve ${who}'s request`}
      >
        Approve
      </Button>
      <FormModal
        title={`Approve ${who}'s request`}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Approve and check out"
      >
        <Text>
          {byCategory ? (
            <>
              {who} asked for <b>{subjectOf(request)}</b>. Choose the one to hand out; it is checked out to
              them at once.
            </>
          ) : (
            <>
              <b>{subjectOf(request)}</b> is checked out to {who} at once.
            </>
          )}
        </Text>
        {byCategory && (
          <Select
            label="Item"
            description="In stock, in this category or below; type a SKU or a name"
            required
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={available.isFetching ? 'Searching…' : 'No item of this kind is in stock'}
            data={options}
            {...form.getInputProps('item_id')}
            onChange={(value: string | null, option: ComboboxItem | null) => {
              form.setFieldValue('item_id', value ?? '');
              setPicked(option);
            }}
          />
        )}
        <Textarea
          label="Note"
          description="Kept on the check-out"
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
      </FormModal>
    </>
  );
}
