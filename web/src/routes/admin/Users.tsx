// Users: who may sign in, with which role, limited to which part of the location tree; add, change, deactivate,
// and end someone's sessions.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { roleNames, type Role } from '../../api/roles.ts';
import type { User } from '../../api/types.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useCan } from '../../hooks/useMe.ts';
import { labelOf, useLocations } from '../../hooks/useReference.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

const roleOptions = Object.entries(roleNames).map(([value, label]) => ({ value, label }));

export default function Users() {
  const can = useCan();
  const locations = useLocations();
  const queryClient = useQueryClient();
  const modal = useFormModal<User>();
  const users = useCursorPages(['users'], (cursor) =>
    must(
      api.GET('/api/v1/users', {
        params: { query: { limit: 100, ...(cursor && { cursor }) } },
      }),
    ),
  );
  const form = useForm({
    initialValues: {
      email: '',
      display_name: '',
      password: '',
      role: 'employee',
      location_scope_id: null as string | null,
      is_active: true,
    },
  });
  const writable = can('users:write');

  const open = (user: User | null) => {
    form.setValues({
      email: user?.email ?? '',
      display_name: user?.display_name ?? '',
      password: '',
      role: user?.role ?? 'employee',
      location_scope_id: user?.location_scope_id ? String(user.location_scope_id) : null,
      is_active: user?.is_active ?? true,
    });
    form.clearErrors();
    modal.open(user);
  };

  const submit = form.onSubmit((v) =>
    modal.run(() =>
      submitToApi(form, async () => {
        const scope = v.location_scope_id ? Number(v.location_scope_id) : null;
        const editing = modal.editing;
        if (editing) {
          await must(
            api.PATCH('/api/v1/users/{id}', {
              params: { path: { id: editing.id } },
              headers: { 'if-match': `"${editing.version}"` },
              body: {
                display_name: v.display_name.trim(),
                role: v.role as Role,
                location_scope_id: scope,
                is_active: v.is_active,
                ...(v.password && { password: v.password }),
              },
            }),
          );
        } else {
          await must(
            api.POST('/api/v1/users', {
              body: {
                email: v.email.trim(),
                display_name: v.display_name.trim(),
                password: v.password,
                role: v.role as Role,
                location_scope_id: scope,
              },
            }),
          );
        }
        await queryClient.invalidateQueries({ queryKey: ['users'] });
      }),
    ),
  );

  const revokeSessions = async (user: User) => {
    try {
      await must(api.POST('/api/v1/users/{id}/sessions/revoke', { params: { path: { id: user.id } } }));
      notifications.show({ color: 'green', message: `${user.display_name} is signed out everywhere` });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Users
        </Title>
        {writable && <Button onClick={() => open(null)}>New user</Button>}
      </Group>
      <PagedList pages={users} empty={<Empty title="No users" />} moreLabel="More users">
        {(rows) => (
          <ScrollTable label="Users" minWidth={700}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Limited to</Table.Th>
                  <Table.Th>Two-factor</Table.Th>
                  {writable && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text fw={500}>{u.display_name}</Text>
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                      {!u.is_active && (
                        <Badge color="gray" size="sm">
                          inactive
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{roleNames[u.role]}</Table.Td>
                    <Table.Td>
                      {labelOf(locations.data?.options, u.location_scope_id) ?? 'Everywhere'}
                    </Table.Td>
                    <Table.Td>{u.mfa_enabled ? 'On' : 'Off'}</Table.Td>
                    {writable && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => open(u)}
                            aria-label={`Edit: ${u.display_name}`}
                          >
                            Edit
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => void revokeSessions(u)}
                            aria-label={`Sign out everywhere: ${u.display_name}`}
                          >
                            Sign out everywhere
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </PagedList>
      <FormModal
        title={modal.editing ? `Edit ${modal.editing.display_name}` : 'New user'}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
      >
        <TextInput
          label="Email"
          type="email"
          required
          disabled={!!modal.editing}
          {...form.getInputProps('email')}
        />
        <TextInput label="Name" required {...form.getInputProps('display_name')} />
        <PasswordInput
          label={modal.editing ? 'New password (leave blank to keep)' : 'Password'}
          required={!modal.editing}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Select label="Role" data={roleOptions} allowDeselect={false} {...form.getInputProps('role')} />
        <Select
          label="Limited to location"
          description="They see and change only items and locations inside it"
          data={locations.data?.options ?? []}
          searchable
          clearable
          limit={100}
          {...form.getInputProps('location_scope_id')}
        />
        {modal.editing && (
          <Checkbox label="Active (may sign in)" {...form.getInputProps('is_active', { type: 'checkbox' })} />
        )}
      </FormModal>
    </Stack>
  );
}
