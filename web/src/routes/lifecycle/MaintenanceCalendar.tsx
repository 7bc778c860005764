// The maintenance calendar: a month of work from the calendar endpoint (recurrences projected into it), for one
// technician or all, at one location (and below) or everywhere; as a month grid or an agenda by day (the agenda
// on phones). Overdue work is highlighted in words as well as colour; every entry links to its item. The month,
// view and filters live in the URL.
import { ActionIcon, Badge, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import { LocationFilter } from '../../components/LocationFilter.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';
import { useWideScreen } from '../../hooks/useWideScreen.ts';
import {
  isMonth,
  isOverdue,
  localToday,
  monthWindow,
  shiftMonth,
  technicianOptions,
  type Occurrence,
} from './maintenance-calendar.ts';
import { MaintenanceAgenda, MaintenanceMonth } from './MaintenanceViews.tsx';

function useCalendar(month: string, locationId: string | null, technician: string | null) {
  const { from, to } = monthWindow(month);
  return useQuery({
    queryKey: ['maintenance', 'calendar', { from, to, locationId, technician }],
    queryFn: () =>
      must(
        api.GET('/api/v1/maintenance/calendar', {
          params: {
            query: {
              from,
              to,
              ...(locationId && { location_id: Number(locationId) }),
              ...(technician && { technician }),
            },
          },
        }),
      ),
  });
}

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export default function MaintenanceCalendar() {
  const wide = useWideScreen();
  const [params, setParam] = useUrlFilters();
  const today = localToday();
  const month = isMonth(params.get('month')) ? params.get('month')! : today.slice(0, 7);
  const view = wide && params.get('view') !== 'agenda' ? 'month' : 'agenda';
  const technician = params.get('technician');
  const locationId = params.get('location_id');

  // Everyone's work in the window names the technicians to filter by; the filtered answer is what is shown.
  const everyone = useCalendar(month, locationId, null);
  const filtered = useCalendar(month, locationId, technician);
  const shown = technician ? filtered : everyone;
  const entries: Occurrence[] = shown.data?.data ?? [];
  const overdue = entries.filter((o) => isOverdue(o, today)).length;
  const technicians = technicianOptions(everyone.data?.data ?? []);
  if (technician && !technicians.some((o) => o.value === technician)) {
    technicians.push({ value: technician, label: technician });
  }

  return (
    <Stack>
      <Title order={1} size="h2">
        Maintenance
      </Title>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <ActionIcon
            variant="default"
            size="xl"
            aria-label="Previous month"
            onClick={() => setParam('month', shiftMonth(month, -1))}
          >
            <IconChevronLeft size={20} aria-hidden />
          </ActionIcon>
          <Title order={2} size="h4" miw={150} ta="center" aria-live="polite">
            {monthName(month)}
          </Title>
          <ActionIcon
            variant="default"
            size="xl"
            aria-label="Next month"
            onClick={() => setParam('month', shiftMonth(month, 1))}
          >
            <IconChevronRight size={20} aria-hidden />
          </ActionIcon>
        </Group>
        {wide && (
          <SegmentedControl
            aria-label="View"
            size="md"
            data={[
              { value: 'month', label: 'Month' },
              { value: 'agenda', label: 'Agenda' },
            ]}
            value={view}
            onChange={(value) => setParam('view', value === 'month' ? null : value)}
          />
        )}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Technician"
          placeholder="Everyone"
          searchable
          clearable
          data={technicians}
          value={technician}
          onChange={(value) => setParam('technician', value)}
          style={{ flex: '1 1 200px' }}
          maw={wide ? 300 : undefined}
        />
        <LocationFilter
          value={locationId}
          onChange={(value) => setParam('location_id', value)}
          style={{ flex: '1 1 200px' }}
          maw={wide ? 340 : undefined}
        />
        {overdue > 0 && (
          <Group gap="xs" py="xs">
            <Badge color="red" size="lg">
              {overdue} overdue
            </Badge>
            <Text size="sm">Due before today and not started</Text>
          </Group>
        )}
      </Group>
      {shown.isPending ? (
        <Loading />
      ) : shown.isError ? (
        <Failed error={shown.error} />
      ) : view === 'month' ? (
        <MaintenanceMonth month={month} entries={entries} today={today} />
      ) : entries.length === 0 ? (
        <Empty title="No maintenance this month">
          Schedules are made on an item&apos;s page; <Link to="/items">find an item</Link>.
        </Empty>
      ) : (
        <MaintenanceAgenda entries={entries} today={today} />
      )}
    </Stack>
  );
}
