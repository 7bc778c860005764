// An item as a list shows it: its name, linking to one of its pages (its main page unless told), and its SKU
// small beneath.
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

export interface NamedItem {
  id: number;
  name: string;
  sku: string;
}

export function ItemNameLink({
  item,
  to = `/items/${item.id}`,
  fw,
}: {
  item: NamedItem;
  to?: string;
  fw?: number;
}) {
  return (
    <>
      <Anchor component={Link} to={to} fw={fw}>
        {item.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {item.sku}
      </Text>
    </>
  );
}
