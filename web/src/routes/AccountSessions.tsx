// Where I am signed in: each device with its last activity, a button to sign one out, and one for all of them.
import { Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, must } from '../api/client.ts';
import { messageOf } from '../api/problem.ts';
import { signOut } from '../api/sign-out.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { Failed, Loading } from '../components/States.tsx';

export function AccountSessions() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => must(api.GET('/api/v1/auth/sessions')),
  });

  const end = async (id: string) => {
    try {
      await must(api.DELETE('/api/v1/auth/sessions/{session_id}', { params: { path: { session_id: id } } }));
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };

  const endAll = async () => {
    try {
      await must(api.DELETE('/api/v1/auth/sessions'));
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
      return;
    }
    await signOut(queryClient);
    await navigate('/sign-in');
  };

  return (
    <Card withBorder component="section" aria-label="Sessions">
      <Stack>
        <Title order={2} size="h4">
          Where you are signed in
        </Title>
        {sessions.isPending ? (
          <Loading />
        ) : sessions.isError ? (
          <Failed error={sessions.error} />
        ) : (
          <ScrollTable label="Session list" minWidth={340}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Device</Table.Th>
                  <Table.Th>Last active</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.data.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <Text size="sm">{session.user_agent ?? 'Unknown device'}</Text>
                      <Text size="xs" c="dimmed">
                        {session.ip ?? ''} · since {new Date(session.started_at).toLocaleString()}
                      </Text>
                    </Table.Td>
                    <Table.Td>{new Date(session.last_active_at).toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" color="red" onClick={() => void end(session.id)}>
                        End session
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <Group>
          <Button color="red" variant="outline" onClick={() => void endAll()}>
            End all sessions
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
