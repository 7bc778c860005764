// The signed-in person's own dashboards: open one, or start a new one by name.
import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../../api/client.ts';
import { ApiError, messageOf } from '../../api/problem.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useCan } from '../../hooks/useMe.ts';

export default function MyDashboards() {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const dashboards = useQuery({
    queryKey: ['dashboards', 'mine'],
    queryFn: () => must(api.GET('/api/v1/dashboards')),
  });
  const create = useMutation({
    mutationFn: () => must(api.POST('/api/v1/dashboards', { body: { name, widgets: [] } })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['dashboards', 'mine'] });
      await navigate(`/dashboards/${created.id}?edit=1`);
    },
  });
  const nameError =
    create.error instanceof ApiError ? (create.error.byField().name ?? messageOf(create.error)) : undefined;

  return (
    <Stack>
      <Title order={1} size="h2">
        My dashboards
      </Title>
      {can('dashboards:write') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label="New dashboard"
              placeholder="Name, e.g. Oslo site"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={nameError}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={create.isPending}>
              Create
            </Button>
          </Group>
        </form>
      )}
      {dashboards.isPending ? (
        <Loading />
      ) : dashboards.isError ? (
        <Failed error={dashboards.error} />
      ) : dashboards.data.data.length === 0 ? (
        <Empty title="No dashboards yet">Create one, then add the figures and charts you follow.</Empty>
      ) : (
        <Stack gap="xs">
          {dashboards.data.data.map((d) => (
            <Card key={d.id} withBorder padding="sm">
              <Anchor component={Link} to={`/dashboards/${d.id}`} fw={600}>
                {d.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {d.widgets.length} {d.widgets.length === 1 ? 'widget' : 'widgets'}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
