// The maintenance calendar's two views of the same occurrences: a month grid (Monday first) and an agenda
// grouped by day. An overdue entry is tinted red and says "Overdue"; each names its item and links to it.
import { Anchor, Badge, Box, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { labelOf, useLocations } from '../../hooks/useReference.ts';
import { durationText, groupByDay, isOverdue, monthWeeks, type Occurrence } from './maintenance-calendar.ts';

const overdueTint = 'var(--mantine-color-red-light)';

const dayName = (date: string, options: Intl.DateTimeFormatOptions) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });

/** The item's name, linking to it; on a tinted background in the text colour, underlined, so it stays readable. */
function ItemLink({ entry, tinted, size }: { entry: Occurrence; tinted: boolean; size?: string }) {
  return (
    <Anchor
      component={Link}
      to={`/items/${entry.item.id}`}
      fw={600}
      size={size}
      {...(tinted && { c: 'var(--mantine-color-text)', underline: 'always' as const })}
    >
      {entry.item.name}
    </Anchor>
  );
}

function StateBadges({ entry, today }: { entry: Occurrence; today: string }) {
  return (
    <>
      {isOverdue(entry, today) && <Badge color="red">Overdue</Badge>}
      {entry.status === 'in_progress' && <Badge color="yellow">In progress</Badge>}
      {entry.status === 'completed' && <Badge color="green">Done</Badge>}
    </>
  );
}

export function MaintenanceAgenda({ entries, today }: { entries: Occurrence[]; today: string }) {
  const locations = useLocations();
  return (
    <Stack gap="lg">
      {groupByDay(entries).map(({ date, entries: day }) => (
        <Box component="section" key={date} aria-label={dayName(date, { dateStyle: 'full' })}>
          <Title order={3} size="h5" mb="xs">
            {dayName(date, { weekday: 'long', day: 'numeric', month: 'long' })}
            {date === today && ' · Today'}
          </Title>
          <Stack gap="xs">
            {day.map((entry) => (
              <Card
                key={`${entry.schedule_id}:${entry.date}`}
                withBorder
                padding="sm"
                bg={isOverdue(entry, today) ? overdueTint : undefined}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <ItemLink entry={entry} tinted={isOverdue(entry, today)} />
                    <Text size="sm">
                      {entry.maintenance_type}
                      {entry.projected && ' (repeat)'} · {entry.technician ?? 'no technician'}
                    </Text>
                    <Text size="xs">
                      {labelOf(locations.data?.options, entry.item.location_id) ?? 'No location'}
                      {entry.estimated_duration && ` · ${durationText(entry.estimated_duration)}`}
                    </Text>
                  </div>
                  <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                    <StateBadges entry={entry} today={today} />
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

export function MaintenanceMonth({
  month,
  entries,
  today,
}: {
  month: string;
  entries: Occurrence[];
  today: string;
}) {
  const byDay = new Map(groupByDay(entries).map(({ date, entries: day }) => [date, day]));
  const weeks = monthWeeks(month);
  return (
    <Table withTableBorder withColumnBorders layout="fixed" aria-label="Maintenance by day">
      <Table.Thead>
        <Table.Tr>
          {weeks[0]!.map((date) => (
            <Table.Th key={date} ta="center">
              {dayName(date, { weekday: 'short' })}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeks.map((week) => (
          <Table.Tr key={week[0]}>
            {week.map((date) => {
              const inMonth = date.startsWith(month);
              return (
                <Table.Td
                  key={date}
                  valign="top"
                  h={96}
                  bg={inMonth ? undefined : 'var(--mantine-color-default-hover)'}
                >
                  <Text size="sm" fw={date === today ? 800 : 500} c={inMonth ? undefined : 'dimmed'}>
                    {Number(date.slice(8))}
                    {date === today && ' · Today'}
                  </Text>
                  <Stack gap={4} mt={4}>
                    {(byDay.get(date) ?? []).map((entry) => (
                      <Box
                        key={`${entry.schedule_id}:${entry.date}`}
                        p={4}
                        bg={isOverdue(entry, today) ? overdueTint : 'var(--mantine-color-default-hover)'}
                        style={{ borderRadius: 4 }}
                      >
                        <ItemLink entry={entry} tinted size="xs" />
                        <Text size="xs" truncate>
                          {entry.maintenance_type} · {entry.technician ?? '—'}
                        </Text>
                        <Group gap={2}>
                          <StateBadges entry={entry} today={today} />
                        </Group>
                      </Box>
                    ))}
                  </Stack>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
