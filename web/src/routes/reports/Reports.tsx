// Reports: pick one from the catalogue, set its filters, download it as CSV, Excel or PDF; below, your
// scheduled reports.
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { ApiError, messageOf } from '../../api/problem.ts';
import { Failed, Loading } from '../../components/States.tsx';
import { downloadUrl, filterFields, filterValues, formats } from './filter-fields.ts';
import { FilterInputs } from './FilterInputs.tsx';
import { saveFile } from './save-file.ts';
import { Schedules } from './Schedules.tsx';

export function useCatalogue() {
  return useQuery({
    queryKey: ['reports', 'catalogue'],
    queryFn: () => must(api.GET('/api/v1/reports')),
    staleTime: 5 * 60_000,
  });
}

export default function Reports() {
  const catalogue = useCatalogue();
  const [key, setKey] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (catalogue.isPending) return <Loading />;
  if (catalogue.isError) return <Failed error={catalogue.error} />;
  const reports = catalogue.data.data;
  const report = reports.find((r) => r.key === key) ?? reports[0];
  const fields = report ? filterFields(report.filters) : [];

  async function download(format: string) {
    if (!report) return;
    setBusy(format);
    setFailure(null);
    setErrors({});
    try {
      await saveFile(downloadUrl(report.key, filterValues(fields, values), format));
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) setErrors(error.byField());
      setFailure(messageOf(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack>
      <Title order={1} size="h2">
        Reports
      </Title>
      <Paper withBorder p="md">
        <Stack>
          <Select
            label="Report"
            data={reports.map((r) => ({ value: r.key, label: r.title }))}
            value={report?.key ?? null}
            onChange={(next) => {
              setKey(next);
              setValues({});
              setErrors({});
              setFailure(null);
            }}
            allowDeselect={false}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <FilterInputs
              fields={fields}
              values={values}
              errors={errors}
              onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
            />
          </SimpleGrid>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group>
            <Text size="sm" c="dimmed">
              Download:
            </Text>
            {formats.map((f) => (
              <Button
                key={f.value}
                variant="light"
                leftSection={<IconDownload size={16} />}
                loading={busy === f.value}
                onClick={() => void download(f.value)}
              >
                {f.label}
              </Button>
            ))}
          </Group>
        </Stack>
      </Paper>
      <Schedules reports={reports} />
    </Stack>
  );
}
