// Roles: what each may do (the server's own table), and which must use two-factor sign-in.
import { Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { roleNames, rolePermissions, type Permission, type Role } from '../../api/roles.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { useCan } from '../../hooks/useMe.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

const roles = Object.keys(roleNames) as Role[];
const permissions = [...rolePermissions.admin] as Permission[];

export default function Roles() {
  const can = useCan();
  const queryClient = useQueryClient();
  const required = useQuery({
    queryKey: ['mfa-required-roles'],
    queryFn: () => must(api.GET('/api/v1/security/mfa-required-roles')),
  });
  // The server's list until the user ticks a box.
  const [edited, setChosen] = useState<string[] | null>(null);
  const chosen = edited ?? required.data?.roles ?? [];
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    try {
      await must(api.PUT('/api/v1/security/mfa-required-roles', { body: { roles: chosen as Role[] } }));
      await queryClient.invalidateQueries({ queryKey: ['mfa-required-roles'] });
      notifications.show({ color: 'green', message: 'Saved' });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        Roles
      </Title>
      <Card withBorder component="section" aria-label="What each role may do">
        <Title order={2} size="h4" mb="sm">
          What each role may do
        </Title>
        <ScrollTable label="Permissions by role" minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Permission</Table.Th>
                {roles.map((r) => (
                  <Table.Th key={r}>{roleNames[r]}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {permissions.map((p) => (
                <Table.Tr key={p}>
                  <Table.Td ff="monospace">{p}</Table.Td>
                  {roles.map((r) => (
                    <Table.Td key={r} ta="center">
                      {rolePermissions[r].has(p) ? '✓' : ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Card>
      <Card withBorder component="section" aria-label="Two-factor sign-in required">
        <Title order={2} size="h4" mb="xs">
          Two-factor sign-in required for
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Until they set it up, people with these roles can reach their own account and nothing else.
        </Text>
        {required.isPending ? (
          <Loading />
        ) : required.isError ? (
          <Failed error={required.error} />
        ) : (
          <Checkbox.Group value={chosen} onChange={setChosen}>
            <Group>
              {roles.map((r) => (
                <Checkbox key={r} value={r} label={roleNames[r]} disabled={!can('users:write')} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {can('users:write') && (
          <Button mt="md" onClick={() => void save()} loading={busy} w="fit-content">
            Save
          </Button>
        )}
      </Card>
    </Stack>
  );
}
