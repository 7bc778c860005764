// Receiving a delivery of any quantity-tracked item into any location, including one where it has never been
// stocked: the item (found by SKU or name, unless the screen is the item's own), the location, then what came in.
import { Button, Select } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPackageImport } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import type { Item } from '../../api/types.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useLocations } from '../../hooks/useReference.ts';
import { blankMovement, type MovementValues } from './movement-body.ts';
import { announceMovement, MovementFields, sendMovement } from './MovementFields.tsx';

export function NewReceipt({ item }: { item?: Item }) {
  const modal = useFormModal<null>();
  const queryClient = useQueryClient();
  const locations = useLocations();
  // One key per opening: a double-tapped submit records one movement.
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['items', 'search', q],
    enabled: modal.opened && !item && q.length > 0,
    queryFn: () => must(api.GET('/api/v1/items', { params: { query: { q, limit: 50 } } })),
    // Serial items are counted one by one: only quantity-tracked ones have stock to receive.
    select: (page) => page.data.filter((item) => item.tracking === 'quantity'),
  });
  const form = useForm<MovementValues & { item_id: string | null; location_id: string | null }>({
    initialValues: { ...blankMovement(), item_id: null, location_id: null },
    validate: {
      item_id: (v) => (v ? null : 'Choose a quantity-tracked item'),
      location_id: (v) => (v ? null : 'Choose where it arrived'),
    },
  });
  // The chosen item stays on offer while the search text changes under it.
  const [picked, setPicked] = useState<Item | null>(null);
  const chosen = item ?? picked;
  const offered = [
    ...(chosen ? [chosen] : []),
    ...(found.data ?? []).filter((item) => item.id !== chosen?.id),
  ];

  const open = () => {
    form.reset();
    if (item) form.setFieldValue('item_id', String(item.id));
    setSearch('');
    setPicked(null);
    setIdempotencyKey(crypto.randomUUID());
    modal.open(null);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        const itemId = Number(values.item_id);
        const result = await sendMovement(
          'receive',
          itemId,
          Number(values.location_id),
          values,
          idempotencyKey,
        );
        await queryClient.invalidateQueries({ queryKey: ['stock'] });
        await queryClient.invalidateQueries({ queryKey: ['items', 'history', itemId] });
        announceMovement('receive', chosen?.name ?? 'stock', result);
      }),
    ),
  );

  return (
    <>
      <Button onClick={open} leftSection={<IconPackageImport size={18} aria-hidden />}>
        Receive stock
      </Button>
      <FormModal
        title={item ? `Receive ${item.name}` : 'Receive stock'}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Receive"
      >
        {!item && (
          <Select
            label="Item"
            description="Type a SKU or a name; only items tracked by quantity are offered"
            required
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={q ? 'No quantity-tracked item matches' : undefined}
            data={offered.map((i) => ({ value: String(i.id), label: `${i.sku} · ${i.name}` }))}
            {...form.getInputProps('item_id')}
            onChange={(value: string | null) => {
              form.setFieldValue('item_id', value);
              setPicked(offered.find((i) => String(i.id) === value) ?? null);
            }}
          />
        )}
        <Select
          label="Location"
          required
          searchable
          limit={100}
          data={locations.data?.options ?? []}
          {...form.getInputProps('location_id')}
        />
        <MovementFields kind="receive" form={form} unit={chosen?.unit ?? 'units'} locationId={null} />
      </FormModal>
    </>
  );
}
