// API keys for integrations: create one with scopes and an expiry (the key is shown once), or revoke it.
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { rolePermissions, type Permission } from '../../api/roles.ts';
import type { ApiKey } from '../../api/types.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

const scopes = [...rolePermissions.admin];

export default function ApiKeys() {
  const queryClient = useQueryClient();
  const modal = useFormModal<null>();
  const [created, setCreated] = useState<string | null>(null);
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => must(api.GET('/api/v1/api-keys')) });
  const form = useForm({
    initialValues: { name: '', scopes: ['items:read'] as string[], expires_in_days: 90 as number | string },
  });

  const submit = form.onSubmit((v) =>
    modal.run(() =>
      submitToApi(form, async () => {
        const key = await must(
          api.POST('/api/v1/api-keys', {
            body: {
              name: v.name.trim(),
              scopes: v.scopes as Permission[],
              expires_in_days: Number(v.expires_in_days),
            },
          }),
        );
        setCreated(key.key);
        await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
      }),
    ),
  );

  const revoke = async (key: ApiKey) => {
    try {
      await must(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: key.id } } }));
      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          API keys
        </Title>
        <Button
          onClick={() => {
            form.reset();
            modal.open(null);
          }}
        >
          New API key
        </Button>
      </Group>
      {created && (
        <Alert
          color="teal"
          title="Copy the key now: it is not shown again"
          withCloseButton
          onClose={() => setCreated(null)}
        >
          <Group wrap="nowrap">
            <Code style={{ wordBreak: 'break-all' }}>{created}</Code>
            <CopyButton value={created}>
              {({ copied, copy }) => (
                <Button size="compact-sm" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      {keys.isPending ? (
        <Loading />
      ) : keys.isError ? (
        <Failed error={keys.error} />
      ) : keys.data.data.length === 0 ? (
        <Empty title="No API keys">Create one for each integration, with only the scopes it needs.</Empty>
      ) : (
        <ScrollTable label="API keys" minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.data.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Text fw={500}>{k.name}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {k.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {k.scopes.map((s) => (
                        <Badge key={s} size="sm">
                          {s}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{k.expires_at ? new Date(k.expires_at).toLocaleDateString() : 'never'}</Table.Td>
                  <Table.Td>
                    {k.revoked_at ? (
                      <Badge color="gray">revoked</Badge>
                    ) : (
                      <Button
                        size="compact-sm"
                        color="red"
                        variant="subtle"
                        onClick={() => void revoke(k)}
                        aria-label={`Revoke: ${k.name}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <FormModal
        title="New API key"
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Create key"
      >
        <TextInput
          label="Name"
          description="What uses it, e.g. “ERP sync”"
          required
          {...form.getInputProps('name')}
        />
        <MultiSelect label="Scopes" data={scopes} searchable {...form.getInputProps('scopes')} />
        <NumberInput
          label="Expires in (days)"
          min={1}
          max={730}
          allowDecimal={false}
          {...form.getInputProps('expires_in_days')}
        />
      </FormModal>
    </Stack>
  );
}
