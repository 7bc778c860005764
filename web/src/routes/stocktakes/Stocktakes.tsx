// Physical audits, newest first, by state: where, how far along (scanned against expected), who started it;
// those who may audit start one for a location here.
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useCan } from '../../hooks/useMe.ts';
import { dateOf } from '../custody/holder.ts';
import { StartStocktake } from './StartStocktake.tsx';

type State = 'open' | 'closed' | 'all';

const states: { value: State; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

export default function Stocktakes() {
  const can = useCan();
  const [state, setState] = useState<State>('all');
  const audits = useInfiniteQuery({
    queryKey: ['stocktakes', 'list', state],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/api/v1/stocktakes', {
          params: {
            query: {
              limit: 50,
              ...(state !== 'all' && { state }),
              ...(pageParam && { cursor: pageParam }),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = audits.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Physical audits
        </Title>
        {can('stocktakes:write') && <StartStocktake />}
      </Group>
      <SegmentedControl aria-label="State" data={states} value={state} onChange={setState} />
      {audits.isPending ? (
        <Loading />
      ) : audits.isError ? (
        <Failed error={audits.error} />
      ) : rows.length === 0 ? (
        <Empty title="No audits">Start one for a location, then scan what you find there.</Empty>
      ) : (
        <ScrollTable label="Physical audits list" minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Location</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Scanned</Table.Th>
                <Table.Th>Started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/stocktakes/${s.id}`}>
                      {s.location.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      Audit {s.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.state === 'open' ? 'blue' : 'gray'} radius="sm">
                      {s.state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {s.progress.found} of {s.progress.expected}
                    {s.progress.unexpected > 0 && (
                      <Text size="xs" c="dimmed">
                        + {s.progress.unexpected} unexpected
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {dateOf(s.started_at)} {s.started_by && `by ${s.started_by}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {audits.hasNextPage && (
        <Button
          variant="subtle"
          loading={audits.isFetchingNextPage}
          onClick={() => void audits.fetchNextPage()}
        >
          More
        </Button>
      )}
    </Stack>
  );
}
