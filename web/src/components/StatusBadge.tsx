import { Badge } from '@mantine/core';
import type { ItemStatus } from '../api/types.ts';
import { statusInfo } from './status.ts';

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { label, color } = statusInfo[status];
  return (
    <Badge color={color} radius="sm" style={{ flex: 'none' }}>
      {label}
    </Badge>
  );
}
