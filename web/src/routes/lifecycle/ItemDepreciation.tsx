// An item's depreciation by year: the method and, per period, what it lost, the total so far and what it is
// still worth. Money stays the decimal strings the API gives. When the item lacks what depreciation needs
// (a price, a date, a method), the answer names the field and we say so instead of showing an error.
import { Alert, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Failed, Loading } from '../../components/States.tsx';

const methodNames = {
  straight_line: 'Straight-line',
  declining_balance: 'Declining balance',
  double_declining: 'Double-declining balance',
  sum_of_years_digits: "Sum of the years' digits",
  macrs: 'MACRS (GDS, half-year)',
} as const;

function NotEnoughData({ error }: { error: ApiError }) {
  const fields = error.fieldErrors.map((e) => e.field).join(', ');
  return (
    <Alert color="yellow" title={`Not enough data: ${fields || error.message}`}>
      {error.fieldErrors.map((e) => `${e.field} ${e.message}`).join('; ')}
    </Alert>
  );
}

export function ItemDepreciation({ id }: { id: number }) {
  const depreciation = useQuery({
    queryKey: ['items', 'depreciation', id],
    queryFn: () =>
      must(
        api.GET('/api/v1/items/{id}/depreciation', {
          params: { path: { id }, query: { granularity: 'year' } },
        }),
      ),
  });

  return (
    <Card withBorder component="section" aria-label="Depreciation">
      <Title order={2} size="h4" mb="sm">
        Depreciation
      </Title>
      {depreciation.isPending ? (
        <Loading />
      ) : depreciation.isError ? (
        depreciation.error instanceof ApiError && depreciation.error.status === 422 ? (
          <NotEnoughData error={depreciation.error} />
        ) : (
          <Failed error={depreciation.error} />
        )
      ) : (
        <>
          <Text mb="sm">
            {methodNames[depreciation.data.method]} from {depreciation.data.purchase_date}; cost{' '}
            {depreciation.data.cost}, salvage value {depreciation.data.salvage_value}
          </Text>
          <ScrollTable label="Depreciation schedule" minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Period</Table.Th>
                  <Table.Th ta="right">Depreciation</Table.Th>
                  <Table.Th ta="right">Accumulated</Table.Th>
                  <Table.Th ta="right">Book value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {depreciation.data.schedule.map((p) => (
                  <Table.Tr key={p.period}>
                    <Table.Td>
                      {p.period}: {p.starts_on} – {p.ends_on}
                    </Table.Td>
                    <Table.Td ta="right">{p.depreciation}</Table.Td>
                    <Table.Td ta="right">{p.accumulated}</Table.Td>
                    <Table.Td ta="right">{p.book_value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Card>
  );
}
