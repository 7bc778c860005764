// Warranties about to end, soonest first, within 30, 60 or 90 days: what to claim on, renew or replace.
// A table on wide screens, touch-sized cards on phones; each item links to its page.
import {
  Badge,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { ItemNameLink } from '../../components/ItemNameLink.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { labelOf, useLocations } from '../../hooks/useReference.ts';
import { useWideScreen } from '../../hooks/useWideScreen.ts';

type Expiring =
  paths['/api/v1/items/warranty-expiring']['get']['responses'][200]['content']['application/json']['data'][number];

const windows = [
  { value: '30', label: '30 days' },
  { value: '60', label: '60 days' },
  { value: '90', label: '90 days' },
];

function DaysLeft({ days }: { days: number }) {
  const color = days <= 30 ? 'red' : days <= 60 ? 'orange' : 'yellow';
  return (
    <Badge color={color} style={{ flex: 'none' }}>
      {days === 0 ? 'ends today' : days === 1 ? '1 day' : `${days} days`}
    </Badge>
  );
}

function ExpiringRows({ rows }: { rows: Expiring[] }) {
  const wide = useWideScreen();
  const locations = useLocations();
  const place = (item: Expiring) => labelOf(locations.data?.options, item.location_id);

  if (!wide) {
    return (
      <Stack gap="xs">
        {rows.map((item) => (
          <Card key={item.id} withBorder padding="sm">
            <UnstyledButton component={Link} to={`/items/${item.id}`} display="block">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} truncate>
                  {item.name}
                </Text>
                <DaysLeft days={item.days_left} />
              </Group>
              <Text size="sm" c="dimmed">
                {item.sku} · until {item.warranty_expiry} · {place(item) ?? 'No location'}
              </Text>
            </UnstyledButton>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <ScrollTable label="Warranties ending" minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Warranty until</Table.Th>
            <Table.Th>Left</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <ItemNameLink item={item} />
              </Table.Td>
              <Table.Td>{item.warranty_expiry}</Table.Td>
              <Table.Td miw={110}>
                <DaysLeft days={item.days_left} />
              </Table.Td>
              <Table.Td>{place(item) ?? '—'}</Table.Td>
              <Table.Td miw={120}>
                <StatusBadge status={item.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export default function Warranty() {
  const [days, setDays] = useState('30');
  const expiring = useCursorPages(['items', 'warranty', days], (cursor) =>
    must(
      api.GET('/api/v1/items/warranty-expiring', {
        params: { query: { days: Number(days), limit: 50, ...(cursor && { cursor }) } },
      }),
    ),
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        Warranty
      </Title>
      <SegmentedControl aria-label="Ending within" data={windows} value={days} onChange={setDays} />
      <PagedList pages={expiring} empty={<Empty title={`No warranty ends within ${days} days`} />}>
        {(rows) => <ExpiringRows rows={rows} />}
      </PagedList>
    </Stack>
  );
}
