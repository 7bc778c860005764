// The item's history as a timeline: who did what when, and each field's before → after.
import { Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { api, must } from '../../api/client.ts';
import type { HistoryEntry } from '../../api/types.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { showValue } from './show-value.ts';

const actionLabel: Record<string, string> = {
  created: 'Created',
  updated: 'Updated',
  status_changed: 'Status changed',
  moved: 'Moved',
  reassigned: 'Reassigned',
  deleted: 'Deleted',
  checked_out: 'Checked out',
  checked_in: 'Checked in',
  assignment_accepted: 'Acknowledged by the holder',
  transfer_requested: 'Transfer requested',
  transfer_received: 'Transfer received',
  maintenance_started: 'Maintenance started',
  maintenance_completed: 'Maintenance completed',
  disposed: 'Disposed',
  stock_received: 'Stock received',
  stock_issued: 'Stock issued',
  stock_adjusted: 'Stock adjusted',
  stock_transferred: 'Stock transferred',
};

function changesOf(entry: HistoryEntry): [string, { before: unknown; after: unknown }][] {
  const changes = entry.additional_data.changes;
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, { before: unknown; after: unknown }>);
}

export function ItemHistory({ id }: { id: number }) {
  const history = useCursorPages(['items', 'history', id], (cursor) =>
    must(
      api.GET('/api/v1/items/{id}/history', {
        params: { path: { id }, query: { limit: 20, ...(cursor && { cursor }) } },
      }),
    ),
  );

  return (
    <Card withBorder component="section" aria-label="History">
      <Title order={2} size="h4" mb="sm">
        History
      </Title>
      <Stack gap="sm">
        <PagedList pages={history} moreLabel="Older entries">
          {(entries) => (
            <Timeline bulletSize={14} lineWidth={2}>
              {entries.map((entry) => (
                <Timeline.Item key={entry.id} title={actionLabel[entry.action] ?? entry.action}>
                  <Text size="xs" c="dimmed">
                    {new Date(entry.created_at).toLocaleString()} · {entry.performed_by ?? 'system'}
                  </Text>
                  {entry.notes && <Text size="sm">{entry.notes}</Text>}
                  {entry.action !== 'created' &&
                    changesOf(entry).map(([field, { before, after }]) => (
                      <Text key={field} size="sm">
                        <Text span fw={500}>
                          {field}
                        </Text>
                        : {showValue(before)} → {showValue(after)}
                      </Text>
                    ))}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </PagedList>
      </Stack>
    </Card>
  );
}
