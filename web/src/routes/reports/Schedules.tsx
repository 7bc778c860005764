// Your scheduled reports: each with its cron, next run and last outcome; run now, see the runs (a failure
// shows its reason, a success its file), delete; and a form to schedule a report.
import { Badge, Button, Group, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { filterFields, filterValues, formats } from './filter-fields.ts';
import { FilterInputs } from './FilterInputs.tsx';
import { saveFile } from './save-file.ts';

type Catalogue = paths['/api/v1/reports']['get']['responses'][200]['content']['application/json']['data'];
type Schedule =
  paths['/api/v1/report-schedules']['get']['responses'][200]['content']['application/json']['data'][number];

const stateColour = { pending: 'yellow', succeeded: 'green', failed: 'red' } as const;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function Schedules({ reports }: { reports: Catalogue }) {
  const queryClient = useQueryClient();
  const schedules = useQuery({
    queryKey: ['report-schedules'],
    queryFn: () => must(api.GET('/api/v1/report-schedules', { params: { query: { limit: 100 } } })),
  });
  const [showing, setShowing] = useState<number | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['report-schedules'] });
  const runNow = useMutation({
    mutationFn: (id: number) =>
      must(api.POST('/api/v1/report-schedules/{id}/runs', { params: { path: { id } } })),
    onSuccess: (_run, id) => {
      setShowing(id);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (s: Schedule) =>
      must(
        api.DELETE('/api/v1/report-schedules/{id}', {
          params: { path: { id: s.id } },
          headers: { 'if-match': `"${s.version}"` },
        }),
      ),
    onSuccess: refresh,
  });
  const titleOf = (key: string) => reports.find((r) => r.key === key)?.title ?? key;
  const rows = schedules.data?.data ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Scheduled reports
        </Title>
        <NewSchedule reports={reports} onSaved={refresh} />
      </Group>
      {(runNow.isError || remove.isError) && <Failed error={runNow.error ?? remove.error} />}
      {schedules.isPending ? (
        <Loading />
      ) : schedules.isError ? (
        <Failed error={schedules.error} />
      ) : rows.length === 0 ? (
        <Empty title="No scheduled reports">Schedule a report to have it mailed and kept for download.</Empty>
      ) : (
        <ScrollTable label="Scheduled reports" minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Report</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Next run</Table.Th>
                <Table.Th>Last run</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.name}
                    <Text size="xs" c="dimmed">
                      {s.recipients.join(', ') || 'kept for download'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {titleOf(s.report)} ({s.format})
                  </Table.Td>
                  <Table.Td>
                    <code>{s.cron}</code> {s.timezone}
                  </Table.Td>
                  <Table.Td>{s.enabled ? when(s.next_run_at) : 'paused'}</Table.Td>
                  <Table.Td>
                    {s.last_run ? (
                      <Badge color={stateColour[s.last_run.state]}>{s.last_run.state}</Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        onClick={() => runNow.mutate(s.id)}
                        loading={runNow.isPending && runNow.variables === s.id}
                        aria-label={`Run ${s.name} now`}
                      >
                        Run now
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setShowing(showing === s.id ? null : s.id)}
                        aria-label={`Runs of ${s.name}`}
                      >
                        Runs
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(s)}
                        aria-label={`Delete ${s.name}`}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {showing !== null && <Runs scheduleId={showing} />}
    </Stack>
  );
}

function Runs({ scheduleId }: { scheduleId: number }) {
  const runs = useQuery({
    queryKey: ['report-schedules', scheduleId, 'runs'],
    queryFn: () =>
      must(
        api.GET('/api/v1/report-schedules/{id}/runs', {
          params: { path: { id: scheduleId }, query: { limit: 20 } },
        }),
      ),
    // A queued run is taken by the report job within a minute: keep looking until none is pending.
    refetchInterval: (query) => (query.state.data?.data.some((r) => r.state === 'pending') ? 5_000 : false),
  });
  if (runs.isPending) return <Loading />;
  if (runs.isError) return <Failed error={runs.error} />;
  if (runs.data.data.length === 0) return <Empty title="No runs yet" />;
  return (
    <ScrollTable label="Runs" minWidth={600}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>For</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.data.data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{when(r.scheduled_for)}</Table.Td>
              <Table.Td>
                <Badge color={stateColour[r.state]}>{r.state}</Badge>
              </Table.Td>
              <Table.Td>{r.attempts}</Table.Td>
              <Table.Td>
                {r.download_url ? (
                  <Button size="xs" variant="light" onClick={() => void saveFile(r.download_url!)}>
                    {r.file_name}
                  </Button>
                ) : (
                  <Text size="sm" c={r.error ? 'red' : 'dimmed'}>
                    {r.error ?? (r.state === 'pending' ? `next try ${when(r.next_attempt_at)}` : '')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

interface ScheduleForm {
  name: string;
  report: string;
  format: string;
  cron: string;
  timezone: string;
  recipients: string[];
  filters: Record<string, string>;
}

function NewSchedule({ reports, onSaved }: { reports: Catalogue; onSaved: () => Promise<unknown> }) {
  const modal = useFormModal<null>();
  const form = useForm<ScheduleForm>({
    initialValues: {
      name: '',
      report: reports[0]?.key ?? '',
      format: 'pdf',
      cron: '0 7 1 * *',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      recipients: [],
      filters: {},
    },
  });
  const values = form.getValues();
  const fields = filterFields(reports.find((r) => r.key === values.report)?.filters ?? {});
  const filterErrors = Object.fromEntries(
    Object.entries(form.errors)
      .filter(([field]) => field.startsWith('filters.'))
      .map(([field, message]) => [field.slice('filters.'.length), message as string]),
  );

  const submit = form.onSubmit((v) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/report-schedules', {
            body: {
              name: v.name,
              report: v.report,
              format: v.format as 'csv' | 'xlsx' | 'pdf',
              cron: v.cron,
              timezone: v.timezone,
              recipients: v.recipients,
              filters: filterValues(fields, v.filters),
            },
          }),
        );
        await onSaved();
        form.reset();
      }),
    ),
  );

  return (
    <>
      <Button onClick={() => modal.open(null)}>Schedule a report</Button>
      <FormModal
        title="Schedule a report"
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
      >
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Select
          label="Report"
          data={reports.map((r) => ({ value: r.key, label: r.title }))}
          allowDeselect={false}
          value={values.report}
          onChange={(key) => {
            form.setFieldValue('report', key ?? '');
            form.setFieldValue('filters', {});
          }}
        />
        <FilterInputs
          fields={fields}
          values={values.filters}
          errors={filterErrors}
          onChange={(name, value) => form.setFieldValue('filters', { ...values.filters, [name]: value })}
        />
        <Select label="Format" data={[...formats]} allowDeselect={false} {...form.getInputProps('format')} />
        <TextInput
          label="When (cron)"
          description="minute hour day-of-month month day-of-week: 0 7 1 * * is 07:00 on the 1st of each month"
          {...form.getInputProps('cron')}
        />
        <TextInput label="Time zone" {...form.getInputProps('timezone')} />
        <TagsInput
          label="Mail to"
          description="Type an address and press Enter; leave empty to keep the files for download only"
          {...form.getInputProps('recipients')}
        />
      </FormModal>
    </>
  );
}
