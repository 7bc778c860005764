// The executive dashboard, the landing page for people who read reports: the fleet in their locations at a
// glance (KPI cards), its value over the last 12 month ends, and assets by status, category and site. The charts
// come in their own chunk, after the figures.
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { formatCount, formatMoney, formatRatio, monthLabel } from './format.ts';
import { Kpi } from './Kpi.tsx';
import type { Executive } from './types.ts';

const SeriesChart = lazy(() => import('./charts.tsx'));

function Charts({ data }: { data: Executive }) {
  const counted = (groups: { label: string; count: number }[]) =>
    groups.map((g) => ({ label: g.label, value: String(g.count) }));
  const charts = [
    {
      title: 'Book value at month end',
      kind: 'line' as const,
      unit: 'money' as const,
      points: data.value_over_time.map((p) => ({ label: monthLabel(p.month_end), value: p.book_value })),
    },
    {
      title: 'Assets by status',
      kind: 'bar' as const,
      unit: 'count' as const,
      points: data.assets.by_status.map((s) => ({
        label: s.status.replace('_', ' '),
        value: String(s.count),
      })),
    },
    {
      title: 'Assets by category',
      kind: 'bar' as const,
      unit: 'count' as const,
      points: counted(data.by_category),
    },
    {
      title: 'Assets by location',
      kind: 'bar' as const,
      unit: 'count' as const,
      points: counted(data.by_location),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {charts.map((chart) => (
        <Card key={chart.title} withBorder radius="md" padding="md">
          <Suspense fallback={<Loading label="Drawing the chart…" />}>
            <SeriesChart {...chart} />
          </Suspense>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export default function ExecutiveDashboard() {
  const dashboard = useQuery({
    queryKey: ['dashboards', 'executive'],
    queryFn: () => must(api.GET('/api/v1/dashboards/executive')),
  });
  const data = dashboard.data;

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          Dashboard
        </Title>
        <Anchor component={Link} to="/dashboards" size="sm">
          My dashboards
        </Anchor>
      </Group>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError || !data ? (
        <Failed error={dashboard.error} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Your locations as of {data.as_of}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <Kpi label="Assets" value={formatCount(data.assets.total)} hint="not disposed of" />
            <Kpi
              label="Book value"
              value={formatMoney(data.book_value)}
              hint={`cost ${formatMoney(data.cost)}`}
            />
            <Kpi label="Depreciation this month" value={formatMoney(data.depreciation_this_month)} />
            <Kpi
              label="Utilisation"
              value={formatRatio(data.utilisation.ratio)}
              hint={`${formatCount(data.utilisation.in_use)} of ${formatCount(data.utilisation.in_service)} in use`}
            />
            <Kpi label="Overdue maintenance" value={formatCount(data.overdue.maintenance)} />
            <Kpi
              label="Overdue check-ins"
              value={formatCount(data.overdue.check_ins)}
              to="/checkouts/overdue"
            />
          </SimpleGrid>
          <Charts data={data} />
        </>
      )}
    </Stack>
  );
}
