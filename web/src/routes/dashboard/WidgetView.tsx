// One widget of a custom dashboard: its source measured with its filters, shown as it asks (a KPI, a bar or line
// chart, or a table).
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api, must } from '../../api/client.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { formatValue, monthLabel } from './format.ts';
import { figure } from './Kpi.tsx';
import type { Widget } from './types.ts';

const SeriesChart = lazy(() => import('./charts.tsx'));

export function WidgetView({ widget }: { widget: Widget }) {
  const filters = widget.filters ?? {};
  const data = useQuery({
    queryKey: ['dashboards', 'widget-data', widget.source, filters],
    queryFn: () =>
      must(
        api.GET('/api/v1/dashboards/widget-data', {
          params: { query: { source: widget.source, ...filters } },
        }),
      ),
  });
  if (data.isPending) return <Loading />;
  if (data.isError) return <Failed error={data.error} />;
  const answer = data.data;
  if (answer.kind === 'kpi') {
    return (
      <div role="group" aria-label={widget.title}>
        <Text size="sm" c="dimmed">
          {widget.title}
        </Text>
        <Text fw={700} style={figure}>
          {formatValue(answer.value, answer.unit)}
        </Text>
      </div>
    );
  }
  const points = answer.points.map((p) => ({ ...p, label: monthLabel(p.label) }));
  if (widget.visualisation === 'table') {
    return (
      <Table aria-label={widget.title}>
        <caption>{widget.title}</caption>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={p.label}>
              <Table.Th scope="row">{p.label}</Table.Th>
              <Table.Td ta="right">{formatValue(p.value, answer.unit)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Suspense fallback={<Loading label="Drawing the chart…" />}>
      <SeriesChart
        title={widget.title}
        points={points}
        unit={answer.unit}
        kind={widget.visualisation === 'line' ? 'line' : 'bar'}
      />
    </Suspense>
  );
}
