// A custom dashboard: its widgets on a grid, and an edit mode to add widgets, move them up or down, remove them
// and save (If-Match on the version loaded, so a change saved elsewhere meanwhile is reported, not overwritten).
import { ActionIcon, Alert, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useCan } from '../../hooks/useMe.ts';
import { AddWidget } from './AddWidget.tsx';
import type { Widget } from './types.ts';
import { WidgetView } from './WidgetView.tsx';

/** Widgets in reading order: by row, then column. */
const ordered = (widgets: Widget[]) =>
  [...widgets].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);

/** The order on screen becomes the layout: one row each, in turn. */
const laidOut = (widgets: Widget[]) => widgets.map((w, y) => ({ ...w, position: { x: 0, y } }));

function move<T>(list: T[], from: number, to: number): T[] {
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved!);
  return copy;
}

export default function DashboardView() {
  const id = Number(useParams().id);
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const dashboard = useQuery({
    queryKey: ['dashboards', 'one', id],
    queryFn: () => must(api.GET('/api/v1/dashboards/{id}', { params: { path: { id } } })),
  });
  const [draft, setDraft] = useState<Widget[] | null>(null);
  const editing = draft ?? (params.get('edit') && dashboard.data ? ordered(dashboard.data.widgets) : null);
  const save = useMutation({
    mutationFn: (widgets: Widget[]) =>
      must(
        api.PATCH('/api/v1/dashboards/{id}', {
          params: { path: { id } },
          headers: { 'if-match': `"${dashboard.data!.version}"` },
          body: { widgets: laidOut(widgets) },
        }),
      ),
    onSuccess: async () => {
      setDraft(null);
      setParams({}, { replace: true });
      await queryClient.invalidateQueries({ queryKey: ['dashboards'] });
    },
  });

  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <Failed error={dashboard.error} />;
  const widgets = editing ?? ordered(dashboard.data.widgets);
  const change = (next: Widget[]) => setDraft(next);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {dashboard.data.name}
        </Title>
        {can('dashboards:write') &&
          (editing ? (
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  setDraft(null);
                  setParams({}, { replace: true });
                }}
              >
                Cancel
              </Button>
              <Button loading={save.isPending} onClick={() => save.mutate(widgets)}>
                Save
              </Button>
            </Group>
          ) : (
            <Button variant="default" onClick={() => setDraft(widgets)}>
              Edit
            </Button>
          ))}
      </Group>
      {save.isError && (
        <Alert color="red" title="Not saved" role="alert">
          {messageOf(save.error)}
        </Alert>
      )}
      {editing && <AddWidget onAdd={(widget) => change([...widgets, widget])} />}
      {widgets.length === 0 ? (
        <Empty title="No widgets yet">
          {can('dashboards:write') ? 'Edit the dashboard to add figures and charts.' : undefined}
        </Empty>
      ) : (
        <Grid>
          {widgets.map((widget, k) => (
            <Grid.Col key={`${k}-${widget.title}`} span={{ base: 12, md: widget.size.w }}>
              <Card withBorder radius="md" padding="md" h="100%">
                {editing && (
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Text size="sm" fw={600} truncate>
                      {widget.title}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={`Move ${widget.title} up`}
                        disabled={k === 0}
                        onClick={() => change(move(widgets, k, k - 1))}
                      >
                        <IconArrowUp size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={`Move ${widget.title} down`}
                        disabled={k === widgets.length - 1}
                        onClick={() => change(move(widgets, k, k + 1))}
                      >
                        <IconArrowDown size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={`Remove ${widget.title}`}
                        onClick={() => change(widgets.filter((_, j) => j !== k))}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Group>
                  </Group>
                )}
                <WidgetView widget={widget} />
              </Card>
            </Grid.Col>
          ))}
        </Grid>
      )}
    </Stack>
  );
}
