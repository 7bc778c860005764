// Edit an item: only the fields that changed are sent, with If-Match on the version that was loaded, so a
// change someone made meanwhile is reported (412) instead of overwritten.
import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, must } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { NewItem } from '../../api/types.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { useItem } from './ItemDetail.tsx';
import { bodyOf, formValuesOf } from './item-body.ts';
import { ItemForm } from './ItemForm.tsx';

function changedFields(before: NewItem, after: NewItem): Partial<NewItem> {
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => JSON.stringify(before[key as keyof NewItem]) !== JSON.stringify(value),
    ),
  );
}

export default function ItemEdit() {
  const id = Number(useParams().id);
  const item = useItem(id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (item.isPending) return <Loading />;
  if (item.isError) return <Failed error={item.error} />;
  const initial = formValuesOf(item.data);

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        Edit {item.data.name}
      </Title>
      <ItemForm
        initial={initial}
        submitLabel="Save changes"
        onCancel={() => void navigate(`/items/${id}`)}
        onSubmit={async (values) => {
          const changes = changedFields(bodyOf(initial), bodyOf(values));
          if (Object.keys(changes).length > 0) {
            try {
              await must(
                api.PATCH('/api/v1/items/{id}', {
                  params: { path: { id } },
                  body: changes,
                  headers: { 'if-match': `"${item.data.version}"` },
                }),
              );
            } catch (error) {
              if (error instanceof ApiError && error.status === 412) {
                await queryClient.invalidateQueries({ queryKey: ['items', 'one', id] });
                throw new Error(
                  'Someone changed this item while you were editing; it has been reloaded. Apply your change again.',
                );
              }
              throw error;
            }
            await queryClient.invalidateQueries({ queryKey: ['items'] });
            notifications.show({ color: 'green', message: 'Saved' });
          }
          await navigate(`/items/${id}`);
        }}
      />
    </Stack>
  );
}
