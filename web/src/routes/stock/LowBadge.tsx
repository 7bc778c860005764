// A level low against its settings, in words (not colour alone): below the minimum, or due for reordering.
import { Badge } from '@mantine/core';
import { lowness, type StockLevel } from './stock-types.ts';

export function LowBadge({ level }: { level: StockLevel }) {
  const low = lowness(level);
  return low ? <Badge color={low.color}>{low.label}</Badge> : null;
}
