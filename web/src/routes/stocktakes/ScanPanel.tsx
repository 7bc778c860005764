// Scanning into an open audit, phone in hand: the camera or a typed code (a handheld scanner types too), the room
// it is in, and the answer at once: found, unexpected (and where the records put it), already counted, or unknown.
import { Alert, Paper, Select, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { CameraScan, CodeForm } from '../../components/CodeScan.tsx';
import { useLocations } from '../../hooks/useReference.ts';
import { auditKey, linesKey, type AuditLine, type ScanResult, type Stocktake } from './audit-api.ts';

type Answer = { color: 'teal' | 'orange' | 'blue' | 'red'; text: string };

function answerOf({ line, repeated }: ScanResult): Answer {
  const what = `${line.sku} · ${line.name}`;
  if (repeated) return { color: 'blue', text: `Already counted: ${what} (scanned ${line.scan_count} times)` };
  if (line.result === 'found') return { color: 'teal', text: `Found: ${what}` };
  const recorded = line.expected_location?.name ?? 'no location';
  return { color: 'orange', text: `Unexpected: ${what}, recorded at ${recorded}` };
}

/** The rooms an item can be found in: the audited location and everything below it, labelled by path. */
function useRooms(audit: Stocktake) {
  const locations = useLocations();
  const subtree = useQuery({
    queryKey: ['locations', audit.location_id, 'subtree'],
    queryFn: () =>
      must(api.GET('/api/v1/locations/{id}/subtree', { params: { path: { id: audit.location_id } } })),
    staleTime: 60_000,
  });
  const inside = new Set((subtree.data?.data ?? []).map((l) => String(l.id)));
  return (locations.data?.options ?? []).filter((o) => inside.has(o.value));
}

export function ScanPanel({ audit }: { audit: Stocktake }) {
  const queryClient = useQueryClient();
  const rooms = useRooms(audit);
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [room, setRoom] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const record = useMutation({
    mutationFn: (scanned: string) =>
      must(
        api.POST('/api/v1/stocktakes/{id}/scans', {
          params: { path: { id: audit.id } },
          body: { code: scanned, ...(room && { location_id: Number(room) }) },
        }),
      ),
    onSuccess: (result) => {
      const { line } = result;
      queryClient.setQueryData<Stocktake>(
        auditKey(audit.id),
        (old) => old && { ...old, progress: result.progress },
      );
      // The line moves into its list (found or unexpected) and out of the not-yet-scanned one, at once.
      for (const list of ['found', 'unexpected', 'missing'] as const) {
        queryClient.setQueryData<{ data: AuditLine[] }>(linesKey(audit.id, list), (old) => {
          if (!old) return old;
          const others = old.data.filter((l) => l.item_id !== line.item_id);
          return { ...old, data: list === line.result ? [line, ...others] : others };
        });
      }
      setAnswer(answerOf(result));
      setCode('');
    },
    onError: (error) => setAnswer({ color: 'red', text: messageOf(error) }),
    onSettled: () => input.current?.focus(),
  });

  const submit = (raw: string) => {
    const value = raw.trim();
    if (value) record.mutate(value);
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Scan">
      <Stack gap="sm">
        <Select
          label="Room"
          description="Where you are scanning (optional)"
          placeholder="Anywhere in the audited location"
          searchable
          clearable
          data={rooms}
          value={room}
          onChange={setRoom}
        />
        <CodeForm
          value={code}
          onChange={setCode}
          onSubmit={submit}
          submitLabel="Record"
          busy={record.isPending}
          inputRef={input}
        />
        <div role="status" aria-live="polite">
          {answer && (
            <Alert color={answer.color} p="xs">
              {answer.text}
            </Alert>
          )}
        </div>
        <CameraScan
          onStart={() => setAnswer(null)}
          onCode={submit}
          onError={(error) =>
            setAnswer({
              color: 'red',
              text: `The camera could not start: ${messageOf(error)}. Type the code instead.`,
            })
          }
        />
      </Stack>
    </Paper>
  );
}
