// A category's custom field definitions (its own and inherited) and a form to add one.
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client.ts';
import type { Category } from '../api/types.ts';
import { submitToApi } from '../components/api-form.ts';
import { FormModal } from '../components/FormModal.tsx';
import { Failed, Loading } from '../components/States.tsx';
import { useFormModal } from '../hooks/useFormModal.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';

const fieldTypes = ['text', 'number', 'integer', 'boolean', 'date', 'select', 'url'] as const;

export function CategoryFields({ category, writable }: { category: Category; writable: boolean }) {
  const queryClient = useQueryClient();
  const modal = useFormModal<null>();
  const fields = useQuery({
    queryKey: ['categories', category.id, 'fields'],
    queryFn: () =>
      must(
        api.GET('/api/v1/categories/{id}/fields', {
          params: { path: { id: category.id }, query: { include_inherited: 'true' } },
        }),
      ),
  });
  const form = useForm({
    initialValues: {
      name: '',
      label: '',
      field_type: 'text',
      required: false,
      options: [] as string[],
      sensitive: false,
    },
  });

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/categories/{id}/fields', {
            params: { path: { id: category.id } },
            body: {
              name: values.name.trim(),
              label: values.label.trim(),
              field_type: values.field_type as (typeof fieldTypes)[number],
              required: values.required,
              sensitive: values.sensitive,
              options: values.field_type === 'select' ? values.options : null,
            },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['categories', category.id, 'fields'] });
      }),
    ),
  );

  return (
    <Card withBorder component="section" aria-label={`Custom fields of ${category.name}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Custom fields of {category.name}
        </Title>
        {writable && (
          <Button
            size="compact-md"
            onClick={() => {
              form.reset();
              modal.open(null);
            }}
          >
            Add field
          </Button>
        )}
      </Group>
      {fields.isPending ? (
        <Loading />
      ) : fields.isError ? (
        <Failed error={fields.error} />
      ) : fields.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No custom fields.
        </Text>
      ) : (
        <ScrollTable label="Custom fields" minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{f.label}</Text>
                      <Group gap={4}>
                        {f.required && <Badge size="xs">required</Badge>}
                        {f.sensitive && (
                          <Badge size="xs" color="red">
                            sensitive
                          </Badge>
                        )}
                        {f.category_id !== category.id && (
                          <Badge size="xs" color="gray">
                            inherited
                          </Badge>
                        )}
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td ff="monospace">{f.name}</Table.Td>
                  <Table.Td>
                    {f.field_type === 'select' ? `select: ${(f.options ?? []).join(', ')}` : f.field_type}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <FormModal
        title="New custom field"
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
      >
        <TextInput label="Label" required {...form.getInputProps('label')} />
        <TextInput
          label="Name (stored under)"
          description="lower_case_with_underscores"
          required
          {...form.getInputProps('name')}
        />
        <Select
          label="Type"
          data={[...fieldTypes]}
          allowDeselect={false}
          {...form.getInputProps('field_type')}
        />
        {form.values.field_type === 'select' && (
          <TagsInput label="Options" {...form.getInputProps('options')} />
        )}
        <Checkbox label="Required" {...form.getInputProps('required', { type: 'checkbox' })} />
        <Checkbox
          label="Sensitive (encrypted, shown only to those allowed)"
          {...form.getInputProps('sensitive', { type: 'checkbox' })}
        />
      </FormModal>
    </Card>
  );
}
