// What a stock row shows on both the levels and the reorder lists: the item, linked to its stock page, and on a
// phone's card the item and location on the left with the card's main figure on the right.
import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ItemNameLink, type NamedItem } from '../../components/ItemNameLink.tsx';

export function StockItemName({ item }: { item: NamedItem }) {
  return <ItemNameLink item={item} to={`/stock/items/${item.id}`} fw={600} />;
}

export function StockCardHeading({
  item,
  locationName,
  children,
}: {
  item: NamedItem;
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
