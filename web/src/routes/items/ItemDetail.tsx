// One item: its fields, specifications, custom fields and tags, who holds it, its history, and the way to
// edit or label it, check it out and back in, reserve it, its maintenance and its depreciation, and disposal.
// Everything the user typed is rendered as text by React; nothing is treated as HTML.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconPackages, IconQrcode } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, must } from '../../api/client.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan } from '../../hooks/useMe.ts';
import { labelOf, useCategories, useLocations, useSuppliers } from '../../hooks/useReference.ts';
import { ItemCustody } from '../custody/ItemCustody.tsx';
import { DisposalAction } from '../lifecycle/DisposalAction.tsx';
import { DisposalRecord } from '../lifecycle/DisposalRecord.tsx';
import { ItemDepreciation } from '../lifecycle/ItemDepreciation.tsx';
import { ItemMaintenance } from '../lifecycle/ItemMaintenance.tsx';
import { ItemReservations } from '../reservations/ItemReservations.tsx';
import { ItemHistory } from './ItemHistory.tsx';
import { showValue } from './show-value.ts';

export function useItem(id: number) {
  return useQuery({
    queryKey: ['items', 'one', id],
    queryFn: () => must(api.GET('/api/v1/items/{id}', { params: { path: { id } } })),
  });
}

function Pairs({ title, values }: { title: string; values: Record<string, unknown> }) {
  const entries = Object.entries(values);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {entries.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th w="40%" fw={500}>
                  {key}
                </Table.Th>
                <Table.Td>{showValue(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export default function ItemDetail() {
  const id = Number(useParams().id);
  const item = useItem(id);
  const can = useCan();
  const locations = useLocations();
  const categories = useCategories();
  const suppliers = useSuppliers();

  if (item.isPending) return <Loading />;
  if (item.isError) return <Failed error={item.error} />;
  const it = item.data;

  const fields: [string, string | undefined | null][] = [
    ['SKU', it.sku],
    ['Serial number', it.serial_number],
    ['Category', labelOf(categories.data?.options, it.category_id)],
    ['Location', labelOf(locations.data?.options, it.location_id)],
    ['Supplier', labelOf(suppliers.data?.options, it.supplier_id)],
    ['Assigned to', it.assigned_to],
    ['Purchase date', it.purchase_date],
    ['Purchase price', it.purchase_price],
    ['Current value', it.current_value],
    ['Warranty until', it.warranty_expiry],
  ];

  return (
    <Stack>
      <Anchor component={Link} to="/items" size="sm">
        ← Items
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {it.name}
          </Title>
          <Group gap="xs">
            <StatusBadge status={it.status} />
            {it.tags.map((tag) => (
              <Badge key={tag} radius="sm">
                {tag}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="xs">
          {it.tracking === 'quantity' && can('stock:read') && (
            <Button
              component={Link}
              to={`/stock/items/${id}`}
              variant="default"
              leftSection={<IconPackages size={18} aria-hidden />}
            >
              Stock
            </Button>
          )}
          <Button
            component={Link}
            to={`/items/${id}/label`}
            variant="default"
            leftSection={<IconQrcode size={18} aria-hidden />}
          >
            Label
          </Button>
          {can('items:write') && (
            <Button
              component={Link}
              to={`/items/${id}/edit`}
              leftSection={<IconEdit size={18} aria-hidden />}
            >
              Edit
            </Button>
          )}
          {can('items:write') && it.status === 'retired' && <DisposalAction item={it} />}
        </Group>
      </Group>
      {it.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{it.description}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Details
          </Title>
          <Table>
            <Table.Tbody>
              {fields.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w="40%" fw={500}>
                    {label}
                  </Table.Th>
                  <Table.Td>{value ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Stack>
          <Pairs title="Specifications" values={it.specifications} />
          <Pairs title="Custom fields" values={it.custom_fields} />
        </Stack>
      </SimpleGrid>
      {it.status === 'disposed' && <DisposalRecord id={id} />}
      {can('assignments:read') && <ItemCustody item={it} />}
      {can('reservations:read') && <ItemReservations item={it} />}
      {can('maintenance:read') && <ItemMaintenance id={id} />}
      <ItemDepreciation id={id} />
      <ItemHistory id={id} />
    </Stack>
  );
}
