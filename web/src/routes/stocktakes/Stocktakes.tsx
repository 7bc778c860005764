// Physical audits, newest first, by state: where, how far along (scanned against expected), who started it;
// those who may audit start one for a location here.
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
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
  const audits = useCursorPages(['stocktakes', 'list', state], (cursor) =>
    must(
      api.GET('/api/v1/stocktakes', {
        params: {
          query: {
            limit: 50,
            ...(state !== 'all' && { state }),
            ...(cursor && { cursor }),
          },
        },
      }),
    ),
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Physical audits
        </Title>
        {can('stocktakes:write') && <StartStocktake />}
      </Group>
      <SegmentedControl aria-label="State" data={states} value={state} onChange={setState} />
      <PagedList
        pages={audits}
        empty={<Empty title="No audits">Start one for a location, then scan what you find there.</Empty>}
      >
        {(rows) => (
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
      </PagedList>
    </Stack>
  );
}
