// What is assigned to me, with a button to acknowledge each thing once I have it, and the way to ask for more.
// Every role has this screen; it is an employee's home.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconHandFinger } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import type { Assignment } from '../../api/types.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useCan } from '../../hooks/useMe.ts';
import { dateOf } from './holder.ts';

function AssignmentCard({ assignment: a }: { assignment: Assignment }) {
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () =>
      must(api.POST('/api/v1/me/assignments/{id}/accept', { params: { path: { id: a.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assignments', 'mine'] }),
  });
  return (
    <Card withBorder component="article" aria-label={a.item.name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h5">
            {a.item.name}
          </Title>
          {a.overdue && <Badge color="red">overdue</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          {a.item.sku}
          {a.item.serial_number && ` · ${a.item.serial_number}`}
        </Text>
        <Text size="sm">
          Since {dateOf(a.checked_out_at)}
          {a.expected_checkin && `, due back ${dateOf(a.expected_checkin)}`}
        </Text>
        {a.note && <Text size="sm">{a.note}</Text>}
        {a.accepted_at ? (
          <Text size="sm" c="teal">
            Acknowledged {dateOf(a.accepted_at)}
          </Text>
        ) : (
          <Button
            leftSection={<IconCheck size={18} aria-hidden />}
            loading={accept.isPending}
            onClick={() => accept.mutate()}
            aria-label={`Acknowledge ${a.item.name}`}
          >
            Acknowledge
          </Button>
        )}
        {accept.isError && (
          <Text size="sm" c="red" role="alert">
            {messageOf(accept.error)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export default function MyAssignments() {
  const can = useCan();
  const mine = useCursorPages(['assignments', 'mine'], (cursor) =>
    must(
      api.GET('/api/v1/me/assignments', {
        params: { query: { limit: 50, ...(cursor && { cursor }) } },
      }),
    ),
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          My assignments
        </Title>
        {can('requests:create') && (
          <Button
            component={Link}
            to="/requests"
            variant="default"
            leftSection={<IconHandFinger size={18} aria-hidden />}
          >
            Ask for equipment
          </Button>
        )}
      </Group>
      <PagedList
        pages={mine}
        empty={<Empty title="Nothing is assigned to you">What is checked out to you will appear here.</Empty>}
      >
        {(rows) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {rows.map((a) => (
              <AssignmentCard key={a.id} assignment={a} />
            ))}
          </SimpleGrid>
        )}
      </PagedList>
    </Stack>
  );
}
