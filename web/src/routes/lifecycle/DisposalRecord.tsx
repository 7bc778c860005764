// How a disposed item left: method, day, proceeds, its book value that day and the gain or loss against it.
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, must } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { methodNames } from './DisposalAction.tsx';
import { formatMoney, gainLossOf } from './disposal-money.ts';

const words = { gain: 'Gain', loss: 'Loss', even: 'Neither gain nor loss' } as const;
const colours = { gain: 'teal', loss: 'red', even: 'gray' } as const;

export function DisposalRecord({ id }: { id: number }) {
  const disposal = useQuery({
    queryKey: ['items', 'disposal', id],
    queryFn: () => must(api.GET('/api/v1/items/{id}/disposal', { params: { path: { id } } })),
  });

  return (
    <Card withBorder component="section" aria-label="Disposal">
      <Title order={2} size="h4" mb="xs">
        Disposal
      </Title>
      {disposal.isPending ? (
        <Loading />
      ) : disposal.isError ? (
        <Failed error={disposal.error} />
      ) : (
        <DisposalTable disposal={disposal.data} />
      )}
    </Card>
  );
}

type Disposal = paths['/api/v1/items/{id}/disposal']['get']['responses'][200]['content']['application/json'];

function DisposalTable({ disposal: d }: { disposal: Disposal }) {
  const result = gainLossOf(d.gain_loss);
  const rows: [string, ReactNode][] = [
    ['Method', methodNames[d.method]],
    ['Date', d.disposed_on],
    ['Proceeds', formatMoney(d.proceeds)],
    [
      'Book value that day',
      d.book_value === null ? 'unknown (no purchase price)' : formatMoney(d.book_value),
    ],
    [
      'Gain or loss',
      result ? (
        <Badge color={colours[result.kind]} size="lg">
          {result.kind === 'even' ? words.even : `${words[result.kind]} ${result.amount}`}
        </Badge>
      ) : (
        '—'
      ),
    ],
    ['Notes', d.notes ?? '—'],
    ['By', d.disposed_by ?? '—'],
  ];
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        This item has left the organisation; it is no longer worth anything on the books.
      </Text>
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="40%" fw={500}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
