// The stock screens' header: the title, a way between levels and reorder suggestions, and receiving a delivery.
import { Button, Group, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../hooks/useMe.ts';
import { NewReceipt } from './NewReceipt.tsx';

const views = [
  { to: '/stock', label: 'Levels' },
  { to: '/stock/reorder', label: 'Reorder suggestions' },
];

export function StockNav({ title }: { title: string }) {
  const { pathname } = useLocation();
  const can = useCan();
  return (
    <>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {title}
        </Title>
        {can('stock:write') && <NewReceipt />}
      </Group>
      <Group gap="xs" component="nav" aria-label="Stock views">
        {views.map(({ to, label }) => (
          <Button
            key={to}
            component={Link}
            to={to}
            variant={pathname === to ? 'filled' : 'default'}
            aria-current={pathname === to ? 'page' : undefined}
          >
            {label}
          </Button>
        ))}
      </Group>
    </>
  );
}
