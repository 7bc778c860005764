// Asking for equipment: any item of a category, or one particular item by the SKU on its label, what it is for,
// and the days it is needed. Field errors from the API (an unknown SKU, a backwards range) land beside the field.
import { Button, Group, Radio, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { pathLabels } from '../../hooks/useReference.ts';
import { blankRequest, requestBodyOf } from './request-body.ts';

function useRequestableCategories(enabled: boolean) {
  return useQuery({
    queryKey: ['requests', 'categories'],
    queryFn: () => must(api.GET('/api/v1/requests/categories')),
    enabled,
    staleTime: 60_000,
    select: ({ data }) => pathLabels(data, (c) => c.parent_category_id),
  });
}

export function NewRequest() {
  const modal = useFormModal<null>();
  const queryClient = useQueryClient();
  const categories = useRequestableCategories(modal.opened);
  const form = useForm({
    initialValues: blankRequest,
    validate: {
      category_id: (value, values) => (values.kind === 'category' && !value ? 'Choose a category' : null),
      sku: (value, values) =>
        values.kind === 'item' && !value.trim() ? 'Type the SKU from its label' : null,
      note: (value) => (value.trim() ? null : 'Say what it is for'),
    },
  });

  const open = () => {
    form.setValues(blankRequest);
    form.clearErrors();
    modal.open(null);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(api.POST('/api/v1/requests', { body: requestBodyOf(values) }));
        await queryClient.invalidateQueries({ queryKey: ['requests'] });
      }),
    ),
  );

  return (
    <>
      <Button onClick={open} leftSection={<IconPlus size={18} aria-hidden />}>
        New request
      </Button>
      <FormModal
        title="Ask for equipment"
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Send request"
      >
        <Radio.Group label="What do you need?" {...form.getInputProps('kind')}>
          <Group mt="xs">
            <Radio value="category" label="Any item of a kind" />
            <Radio value="item" label="A particular item" />
          </Group>
        </Radio.Group>
        {form.getValues().kind === 'category' ? (
          <Select
            label="Category"
            required
            searchable
            data={categories.data ?? []}
            nothingFoundMessage="No category by that name"
            {...form.getInputProps('category_id')}
          />
        ) : (
          <TextInput
            label="SKU"
            description="As printed on the item's label"
            required
            autoCapitalize="characters"
            {...form.getInputProps('sku')}
          />
        )}
        <Textarea label="What is it for?" required autosize minRows={2} {...form.getInputProps('note')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="Needed from" type="date" {...form.getInputProps('needed_from')} />
          <TextInput
            label="Needed until"
            description="Becomes the return date"
            type="date"
            {...form.getInputProps('needed_until')}
          />
        </SimpleGrid>
      </FormModal>
    </>
  );
}
