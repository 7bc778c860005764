// Bulk changes to the selected items: status, location, or a tag. Each item is its own PATCH with If-Match on
// the version that was shown, so an item someone else changed meanwhile is reported, not overwritten.
import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import type { Item, NewItem } from '../../api/types.ts';
import { statusOptions } from '../../components/status.ts';
import { useLocations } from '../../hooks/useReference.ts';

type Change = (item: Item) => Partial<NewItem>;

async function applyToEach(items: Item[], change: Change): Promise<{ done: number; failures: string[] }> {
  const failures: string[] = [];
  let done = 0;
  const queue = [...items];
  // A few at a time: quick for a page of items, gentle on the server for hundreds.
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      try {
        await must(
          api.PATCH('/api/v1/items/{id}', {
            params: { path: { id: item.id } },
            headers: { 'if-match': `"${item.version}"` },
            body: change(item),
          }),
        );
        done += 1;
      } catch (error) {
        failures.push(`${item.sku}: ${messageOf(error)}`);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { done, failures };
}

export function BulkActions({ selected, onDone }: { selected: Item[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const locations = useLocations();
  const [status, setStatus] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (what: string, change: Change) => {
    setBusy(true);
    const { done, failures } = await applyToEach(selected, change);
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: ['items'] });
    notifications.show({
      color: failures.length ? 'orange' : 'green',
      title: `${what}: ${done} of ${selected.length} changed`,
      message: failures.length ? failures.slice(0, 5).join('\n') : 'Done',
      autoClose: failures.length ? false : 4000,
    });
    if (!failures.length) onDone();
  };

  return (
    <Paper withBorder p="sm" aria-label="Bulk actions">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{selected.length} selected</Text>
        <Button variant="subtle" size="compact-md" onClick={onDone}>
          Clear selection
        </Button>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Group align="flex-end" gap={6} wrap="nowrap">
          <Select label="Set status" data={statusOptions} value={status} onChange={setStatus} w={160} />
          <Button
            disabled={!status}
            loading={busy}
            onClick={() => void run('Status', () => ({ status: status as Item['status'] }))}
          >
            Apply
          </Button>
        </Group>
        <Group align="flex-end" gap={6} wrap="nowrap">
          <Select
            label="Move to"
            data={locations.data?.options ?? []}
            value={locationId}
            onChange={setLocationId}
            searchable
            limit={100}
            w={220}
          />
          <Button
            disabled={!locationId}
            loading={busy}
            onClick={() => void run('Move', () => ({ location_id: Number(locationId) }))}
          >
            Move
          </Button>
        </Group>
        <Group align="flex-end" gap={6} wrap="nowrap">
          <TextInput label="Add tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)} w={160} />
          <Button
            disabled={!tag.trim()}
            loading={busy}
            onClick={() => void run('Tag', (item) => ({ tags: [...item.tags, tag.trim()] }))}
          >
            Tag
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
