// Requests for equipment. Everyone asks and follows their own requests; those who decide also see everyone's,
// the pending ones first, and approve (handing out an item) or decline them.
import { Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useCan } from '../../hooks/useMe.ts';
import { dateOf } from '../custody/holder.ts';
import { ApproveAction } from './ApproveAction.tsx';
import { DeclineAction } from './DeclineAction.tsx';
import { NewRequest } from './NewRequest.tsx';
import { statusInfo, subjectOf, type ItemRequest, type RequestStatus } from './request-body.ts';

type Filter = RequestStatus | 'all';
const filters: { value: Filter; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'approved', label: 'Approved' },
  { value: 'declined', label: 'Declined' },
  { value: 'all', label: 'All' },
];

function RequestCard({ request: r, deciding }: { request: ItemRequest; deciding: boolean }) {
  const { label, color } = statusInfo[r.status];
  const subject = subjectOf(r);
  return (
    <Card
      withBorder
      component="article"
      aria-label={deciding ? `${r.requester.display_name}: ${subject}` : subject}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h5">
            {subject}
          </Title>
          <Badge color={color} style={{ flex: 'none' }}>
            {label}
          </Badge>
        </Group>
        {deciding && (
          <Text size="sm">
            For <b>{r.requester.display_name}</b> ({r.requester.email})
          </Text>
        )}
        {r.note && <Text size="sm">{r.note}</Text>}
        <Text size="sm" c="dimmed">
          Asked {dateOf(r.created_at)}
          {r.needed_from && ` · needed from ${dateOf(r.needed_from)}`}
          {r.needed_until && ` · until ${dateOf(r.needed_until)}`}
        </Text>
        {r.status === 'approved' && (
          <Text size="sm">
            Handed out
            {r.approved_item && (
              <>
                : <b>{r.approved_item.name}</b> ({r.approved_item.sku})
              </>
            )}
            {r.decided_at && ` on ${dateOf(r.decided_at)}`}
            {r.decided_by && ` by ${r.decided_by}`}
          </Text>
        )}
        {r.status === 'declined' && (
          <Text size="sm">
            Declined{r.decided_by && ` by ${r.decided_by}`}: {r.decline_reason}
          </Text>
        )}
        {deciding && r.status === 'pending' && (
          <Group gap="xs">
            <ApproveAction request={r} />
            <DeclineAction request={r} />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function RequestList({ scope, filter }: { scope: 'mine' | 'everyone'; filter: Filter }) {
  const list = useCursorPages(['requests', scope, filter], (cursor) => {
    const query = {
      limit: 30,
      ...(filter !== 'all' && { status: filter }),
      ...(cursor && { cursor }),
    };
    return scope === 'mine'
      ? must(api.GET('/api/v1/me/requests', { params: { query } }))
      : must(api.GET('/api/v1/requests', { params: { query } }));
  });

  return (
    <Stack>
      <PagedList
        pages={list}
        empty={
          scope === 'mine' ? (
            <Empty title="You have not asked for anything">Use New request to ask for equipment.</Empty>
          ) : (
            <Empty title={filter === 'pending' ? 'Nothing waits for a decision' : 'No requests'} />
          )
        }
      >
        {(rows) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {rows.map((r) => (
              <RequestCard key={r.id} request={r} deciding={scope === 'everyone'} />
            ))}
          </SimpleGrid>
        )}
      </PagedList>
    </Stack>
  );
}

function Queue() {
  const [filter, setFilter] = useState<Filter>('pending');
  return (
    <Stack>
      <SegmentedControl aria-label="Requests in state" data={filters} value={filter} onChange={setFilter} />
      <RequestList scope="everyone" filter={filter} />
    </Stack>
  );
}

export default function Requests() {
  const can = useCan();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Requests
        </Title>
        {can('requests:create') && <NewRequest />}
      </Group>
      {can('requests:decide') ? (
        <Tabs defaultValue="queue" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="queue" mih={44}>
              To decide
            </Tabs.Tab>
            <Tabs.Tab value="mine" mih={44}>
              My requests
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="queue" pt="md">
            <Queue />
          </Tabs.Panel>
          <Tabs.Panel value="mine" pt="md">
            <RequestList scope="mine" filter="all" />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <RequestList scope="mine" filter="all" />
      )}
    </Stack>
  );
}
