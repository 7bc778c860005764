// New item: the form, then the new item's page. The Idempotency-Key makes a double-tap create one item.
import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, must } from '../../api/client.ts';
import { formValuesOf, newItemBodyOf } from './item-body.ts';
import { ItemForm } from './ItemForm.tsx';

export default function ItemCreate() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const initial = { ...formValuesOf(), sku: params.get('sku') ?? '' };

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        New item
      </Title>
      <ItemForm
        initial={initial}
        submitLabel="Create item"
        choosesTracking
        onCancel={() => void navigate(-1)}
        onSubmit={async (values) => {
          const created = await must(
            api.POST('/api/v1/items', {
              body: newItemBodyOf(values),
              headers: { 'idempotency-key': idempotencyKey },
            }),
          );
          await queryClient.invalidateQueries({ queryKey: ['items'] });
          notifications.show({ color: 'green', message: `Created ${created.name}` });
          await navigate(`/items/${created.id}`, { replace: true });
        }}
      />
    </Stack>
  );
}
