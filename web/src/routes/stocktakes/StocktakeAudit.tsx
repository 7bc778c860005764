// One audit, built for a phone in hand: the running count of scanned against expected, the scan panel while it is
// open, what was found and what turned up unexpectedly as it is scanned, and once closed the summary with what is
// missing; the report downloads as CSV, Excel or PDF.
import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, must } from '../../api/client.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { useCan } from '../../hooks/useMe.ts';
import { dateOf } from '../custody/holder.ts';
import { auditKey, downloadReport, reportFormats, type ReportFormat, type Stocktake } from './audit-api.ts';
import { AuditLines } from './AuditLines.tsx';
import { CloseStocktake } from './CloseStocktake.tsx';
import { ScanPanel } from './ScanPanel.tsx';

function RunningCount({ audit }: { audit: Stocktake }) {
  const { expected, found, unexpected } = audit.progress;
  return (
    <Stack gap={4}>
      <Text fw={600} size="lg" aria-live="polite">
        {found} of {expected} expected scanned
        {unexpected > 0 && `, ${unexpected} unexpected`}
      </Text>
      <Progress
        value={expected === 0 ? 100 : (found / expected) * 100}
        color="teal"
        aria-label={`${found} of ${expected} expected items scanned`}
      />
    </Stack>
  );
}

function Summary({ audit }: { audit: Stocktake }) {
  const p = audit.progress;
  const figures = [
    { label: 'Found', value: p.found },
    { label: 'Missing', value: p.missing, note: p.marked_lost ? `${p.marked_lost} marked lost` : undefined },
    { label: 'Unexpected', value: p.unexpected, note: p.moved ? `${p.moved} moved` : undefined },
  ];
  return (
    <SimpleGrid cols={3} spacing="xs" component="section" aria-label="Summary">
      {figures.map((f) => (
        <Paper withBorder p="sm" key={f.label}>
          <Text size="xs" c="dimmed">
            {f.label}
          </Text>
          <Text fw={700} size="xl">
            {f.value}
          </Text>
          {f.note && <Text size="xs">{f.note}</Text>}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Downloads({ auditId }: { auditId: number }) {
  const download = useMutation({ mutationFn: (format: ReportFormat) => downloadReport(auditId, format) });
  return (
    <Stack gap="xs" component="section" aria-label="Report">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Report
        </Text>
        {reportFormats.map(({ format, label }) => (
          <Button
            key={format}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={download.isPending && download.variables === format}
            onClick={() => download.mutate(format)}
            aria-label={`Download the report as ${label}`}
          >
            {label}
          </Button>
        ))}
      </Group>
      {download.isError && <Failed error={download.error} />}
    </Stack>
  );
}

export default function StocktakeAudit() {
  const id = Number(useParams().id);
  const can = useCan();
  const audit = useQuery({
    queryKey: auditKey(id),
    queryFn: () => must(api.GET('/api/v1/stocktakes/{id}', { params: { path: { id } } })),
  });
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <Failed error={audit.error} />;
  const a = audit.data;
  const open = a.state === 'open';
  const writer = can('stocktakes:write');

  return (
    <Stack maw={720}>
      <Stack gap={4}>
        <Group gap="xs">
          <Title order={1} size="h2">
            Audit of {a.location.name}
          </Title>
          <Badge color={open ? 'blue' : 'gray'} radius="sm">
            {a.state}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Started {dateOf(a.started_at)} by {a.started_by ?? 'unknown'}
          {a.closed_at && ` · closed ${dateOf(a.closed_at)} by ${a.closed_by ?? 'unknown'}`}
        </Text>
        {a.note && <Text size="sm">{a.note}</Text>}
      </Stack>
      {open ? <RunningCount audit={a} /> : <Summary audit={a} />}
      {open && writer && <ScanPanel audit={a} />}
      {open && !writer && (
        <Alert color="gray">This audit is open; those who may audit are scanning it.</Alert>
      )}
      <AuditLines auditId={id} result="unexpected" title="Unexpected" count={a.progress.unexpected} />
      <AuditLines auditId={id} result="found" title="Found" count={a.progress.found} />
      <AuditLines
        auditId={id}
        result="missing"
        title={open ? 'Not scanned yet' : 'Missing'}
        count={a.progress.missing}
      />
      <Downloads auditId={id} />
      {open && writer && (
        <Group>
          <CloseStocktake audit={a} />
        </Group>
      )}
    </Stack>
  );
}
