// Suppliers: who we buy from, with a form to add or change one.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client.ts';
import type { Supplier } from '../api/types.ts';
import { orNull, submitToApi } from '../components/api-form.ts';
import { FormModal } from '../components/FormModal.tsx';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { useFormModal } from '../hooks/useFormModal.ts';
import { useCan } from '../hooks/useMe.ts';
import { useSuppliers } from '../hooks/useReference.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';

const blank = {
  name: '',
  contact_name: '',
  email: '',
  phone: '',
  website: '',
  address: '',
  notes: '',
  is_preferred: false,
};

export default function Suppliers() {
  const suppliers = useSuppliers();
  const can = useCan();
  const modal = useFormModal<Supplier>();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: blank });

  const open = (supplier: Supplier | null) => {
    form.setValues(
      supplier
        ? {
            name: supplier.name,
            contact_name: supplier.contact_name ?? '',
            email: supplier.email ?? '',
            phone: supplier.phone ?? '',
            website: supplier.website ?? '',
            address: supplier.address ?? '',
            notes: supplier.notes ?? '',
            is_preferred: supplier.is_preferred,
          }
        : blank,
    );
    form.clearErrors();
    modal.open(supplier);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        const body = {
          name: values.name.trim(),
          contact_name: orNull(values.contact_name),
          email: orNull(values.email),
          phone: orNull(values.phone),
          website: orNull(values.website),
          address: orNull(values.address),
          notes: orNull(values.notes),
          is_preferred: values.is_preferred,
        };
        const editing = modal.editing;
        if (editing) {
          await must(
            api.PATCH('/api/v1/suppliers/{id}', {
              params: { path: { id: editing.id } },
              body,
              headers: { 'if-match': `"${editing.version}"` },
            }),
          );
        } else {
          await must(api.POST('/api/v1/suppliers', { body }));
        }
        await queryClient.invalidateQueries({ queryKey: ['suppliers'] });
      }),
    ),
  );

  const writable = can('suppliers:write');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Suppliers
        </Title>
        {writable && <Button onClick={() => open(null)}>New supplier</Button>}
      </Group>
      {suppliers.isPending ? (
        <Loading />
      ) : suppliers.isError ? (
        <Failed error={suppliers.error} />
      ) : suppliers.data.rows.length === 0 ? (
        <Empty title="No suppliers yet" />
      ) : (
        <ScrollTable label="Suppliers" minWidth={600}>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Items</Table.Th>
                {writable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...suppliers.data.rows]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text fw={500}>{s.name}</Text>
                        {s.is_preferred && (
                          <Badge size="sm" color="teal">
                            preferred
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {[s.contact_name, s.email, s.phone].filter(Boolean).join(' · ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.item_count}</Table.Td>
                    {writable && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => open(s)}
                          aria-label={`Edit: ${s.name}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <FormModal
        title={modal.editing ? `Edit ${modal.editing.name}` : 'New supplier'}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
      >
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Group grow>
          <TextInput label="Contact name" {...form.getInputProps('contact_name')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        </Group>
        <Group grow>
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <TextInput label="Website" type="url" {...form.getInputProps('website')} />
        </Group>
        <TextInput label="Address" {...form.getInputProps('address')} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <Checkbox label="Preferred supplier" {...form.getInputProps('is_preferred', { type: 'checkbox' })} />
      </FormModal>
    </Stack>
  );
}
