// One figure on a card: what it is, the value, and a line of context.
import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Large on a wide screen, smaller on a phone, and wrapping rather than cut off. */
export const figure = { fontSize: 'clamp(1.125rem, 4vw, 1.625rem)', overflowWrap: 'anywhere' } as const;

export function Kpi({
  label,
  value,
  hint,
  to,
}: {
  label: string;
  value: string;
  hint?: string;
  to?: string;
}) {
  return (
    <Card withBorder padding="md" radius="md" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {to ? (
          <Anchor component={Link} to={to} inherit>
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Text>
      <Text fw={700} lh={1.3} style={figure}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}
