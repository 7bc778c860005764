// The audit log for auditors: every change and security event, newest first, filtered by action, record or
// actor. Before/after values are shown as text, exactly as logged.
import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import type { AuditEntry, AuditQuery } from '../../api/types.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';

const filterFields = [
  { key: 'action', label: 'Action', placeholder: 'update, auth.sign_in_failed…' },
  { key: 'entity_type', label: 'Record type', placeholder: 'inventory_items, users…' },
  { key: 'entity_id', label: 'Record id', placeholder: '42' },
  { key: 'actor_user_id', label: 'Actor user id', placeholder: '1' },
] as const;

type Filters = Record<(typeof filterFields)[number]['key'], string>;

function queryOf(filters: Filters): AuditQuery {
  const query: AuditQuery = {};
  if (filters.action.trim()) query.action = filters.action.trim();
  if (filters.entity_type.trim()) query.entity_type = filters.entity_type.trim();
  if (filters.entity_id.trim()) query.entity_id = filters.entity_id.trim();
  if (/^\d+$/.test(filters.actor_user_id.trim())) query.actor_user_id = Number(filters.actor_user_id.trim());
  return query;
}

/** Wrapped, not scrolled: a long value must stay readable without a pointer. */
function ChangeText({ label, value }: { label: string; value: Record<string, unknown> }) {
  return (
    <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {`${label} ${JSON.stringify(value)}`}
    </Text>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  if (!entry.before && !entry.after) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {entry.before && <ChangeText label="before" value={entry.before} />}
      {entry.after && <ChangeText label="after" value={entry.after} />}
    </Stack>
  );
}

export default function AuditLog() {
  const [filters, setFilters] = useState<Filters>({
    action: '',
    entity_type: '',
    entity_id: '',
    actor_user_id: '',
  });
  const [debounced] = useDebouncedValue(filters, 300);
  const query = queryOf(debounced);
  const log = useCursorPages(['audit', query], (cursor) =>
    must(api.GET('/api/v1/audit', { params: { query: { ...query, limit: 50, cursor } } })),
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        Audit log
      </Title>
      <Text size="sm" c="dimmed">
        Every change and security event, hash-chained: `eis audit verify` proves none was altered or removed.
      </Text>
      <Group grow preventGrowOverflow={false} wrap="wrap">
        {filterFields.map((field) => (
          <TextInput
            key={field.key}
            label={field.label}
            placeholder={field.placeholder}
            value={filters[field.key]}
            onChange={(event) => setFilters({ ...filters, [field.key]: event.currentTarget.value })}
            miw={160}
          />
        ))}
      </Group>
      <PagedList
        pages={log}
        empty={<Empty title="No entries">Nothing matches these filters.</Empty>}
        moreLabel="Load more"
        moreVariant="light"
      >
        {(entries) => (
          <ScrollTable label="Audit entries" minWidth={860}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Changes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.seq}>
                    <Table.Td>{entry.seq}</Table.Td>
                    <Table.Td>{new Date(entry.occurred_at).toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry.actor_label}</Text>
                      {entry.ip && (
                        <Text size="xs" c="dimmed">
                          {entry.ip}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{entry.action}</Table.Td>
                    <Table.Td>
                      {entry.entity_type ? `${entry.entity_type} ${entry.entity_id ?? ''}` : '—'}
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Changes entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </PagedList>
    </Stack>
  );
}
