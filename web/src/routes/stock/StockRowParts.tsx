// What a stock row shows on both the levels and the reorder lists: the item, linked to its stock page, and on a
// phone's card the item and location on the left with the card's main figure on the right.
import { Anchor, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface StockedItem {
  id: number;
  name: string;
  sku: string;
}

export function StockItemName({ item }: { item: StockedItem }) {
  return (
    <>
      <Anchor component={Link} to={`/stock/items/${item.id}`} fw={600}>
        {item.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {item.sku}
      </Text>
    </>
  );
}

export function StockCardHeading({
  item,
  locationName,
  children,
}: {
  item: StockedItem;
  locationName: string;
  children: ReactNode;
}) {
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <StockItemName item={item} />
        <Text size="sm">{locationName}</Text>
      </div>
      {children}
    </Group>
  );
}
