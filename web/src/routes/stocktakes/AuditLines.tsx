// One result's lines of an audit (found, unexpected or missing), newest scan first, each with its room.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Failed, Loading } from '../../components/States.tsx';
import { fetchLines, linesKey, linesShown, type AuditLine, type AuditResult } from './audit-api.ts';

const colors: Record<AuditResult, string> = { found: 'teal', unexpected: 'orange', missing: 'red' };

const newestFirst = (a: AuditLine, b: AuditLine) => (b.scanned_at ?? '').localeCompare(a.scanned_at ?? '');

function Where({ line }: { line: AuditLine }) {
  const parts = [
    line.scanned_location && `in ${line.scanned_location.name}`,
    line.result !== 'found' && line.expected_location && `recorded at ${line.expected_location.name}`,
    line.scan_count > 1 && `scanned ${line.scan_count} times`,
    line.outcome === 'moved' && 'moved there',
    line.outcome === 'marked_lost' && 'marked lost',
  ].filter(Boolean);
  return parts.length ? (
    <Text size="xs" c="dimmed">
      {parts.join(' · ')}
    </Text>
  ) : null;
}

export function AuditLines({
  auditId,
  result,
  title,
  count,
}: {
  auditId: number;
  result: AuditResult;
  title: string;
  count: number;
}) {
  const lines = useQuery({ queryKey: linesKey(auditId, result), queryFn: () => fetchLines(auditId, result) });
  const id = `audit-${result}`;
  if (count === 0) return null;
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Group gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Badge color={colors[result]} radius="sm">
          {count}
        </Badge>
      </Group>
      {lines.isPending ? (
        <Loading />
      ) : lines.isError ? (
        <Failed error={lines.error} />
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {[...lines.data.data].sort(newestFirst).map((line) => (
            <Paper component="li" withBorder px="sm" py={6} key={line.item_id}>
              <Anchor component={Link} to={`/items/${line.item_id}`} fw={500}>
                {line.name}
              </Anchor>
              <Text size="xs">{line.sku}</Text>
              <Where line={line} />
            </Paper>
          ))}
        </Stack>
      )}
      {count > linesShown && (
        <Text size="sm" c="dimmed">
          The first {linesShown} are listed; the report has all {count}.
        </Text>
      )}
    </Stack>
  );
}
