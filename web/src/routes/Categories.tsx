// Categories: the tree, a form to add or rename one, and the custom fields each defines.
import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../api/client.ts';
import type { Category } from '../api/types.ts';
import { orNull, submitToApi } from '../components/api-form.ts';
import { FormModal } from '../components/FormModal.tsx';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { buildTree } from '../components/tree.ts';
import { TreeList } from '../components/TreeList.tsx';
import { useFormModal } from '../hooks/useFormModal.ts';
import { useCan } from '../hooks/useMe.ts';
import { useCategories } from '../hooks/useReference.ts';
import { CategoryFields } from './CategoryFields.tsx';

export default function Categories() {
  const categories = useCategories();
  const can = useCan();
  const modal = useFormModal<Category>();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Category | null>(null);
  const form = useForm({
    initialValues: { name: '', parent_category_id: null as string | null, description: '' },
  });

  const open = (category: Category | null) => {
    form.setValues({
      name: category?.name ?? '',
      parent_category_id: category?.parent_category_id ? String(category.parent_category_id) : null,
      description: category?.description ?? '',
    });
    form.clearErrors();
    modal.open(category);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        const body = {
          name: values.name.trim(),
          parent_category_id: values.parent_category_id ? Number(values.parent_category_id) : null,
          description: orNull(values.description),
        };
        const editing = modal.editing;
        if (editing) {
          await must(
            api.PATCH('/api/v1/categories/{id}', {
              params: { path: { id: editing.id } },
              body,
              headers: { 'if-match': `"${editing.version}"` },
            }),
          );
        } else {
          await must(api.POST('/api/v1/categories', { body }));
        }
        await queryClient.invalidateQueries({ queryKey: ['categories'] });
      }),
    ),
  );

  const writable = can('categories:write');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Categories
        </Title>
        {writable && <Button onClick={() => open(null)}>New category</Button>}
      </Group>
      {categories.isPending ? (
        <Loading />
      ) : categories.isError ? (
        <Failed error={categories.error} />
      ) : categories.data.rows.length === 0 ? (
        <Empty title="No categories yet" />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TreeList
            nodes={buildTree(categories.data.rows, (c) => c.parent_category_id)}
            label={(c) => c.name}
            render={(c) => (
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Button
                  variant={selected?.id === c.id ? 'light' : 'subtle'}
                  size="compact-md"
                  onClick={() => setSelected(c)}
                  miw={0}
                >
                  <Text truncate>{c.name}</Text>
                </Button>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {c.item_count} items
                  </Text>
                  {writable && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => open(c)}
                      aria-label={`Edit: ${c.name}`}
                    >
                      Edit
                    </Button>
                  )}
                </Group>
              </Group>
            )}
          />
          {selected ? (
            <CategoryFields category={selected} writable={writable} />
          ) : (
            <Empty title="Custom fields">
              Choose a category to see and define the fields its items carry.
            </Empty>
          )}
        </SimpleGrid>
      )}
      <FormModal
        title={modal.editing ? `Edit ${modal.editing.name}` : 'New category'}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
      >
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Select
          label="Inside"
          data={(categories.data?.options ?? []).filter((o) => o.value !== String(modal.editing?.id))}
          searchable
          clearable
          limit={100}
          {...form.getInputProps('parent_category_id')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
      </FormModal>
    </Stack>
  );
}
