// My account: who I am, two-factor sign-in (enrol with a QR code, confirm, keep the recovery codes; or turn
// it off), and sign out.
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, must } from '../api/client.ts';
import { messageOf } from '../api/problem.ts';
import { roleNames } from '../api/roles.ts';
import { signOut } from '../api/sign-out.ts';
import { Failed, Loading } from '../components/States.tsx';
import { AccountSessions } from './AccountSessions.tsx';
import { useMe } from '../hooks/useMe.ts';

function TwoFactor({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<{ uri: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const enrol = () =>
    act(async () => {
      const { otpauth_uri } = await must(api.POST('/api/v1/auth/mfa/enrol'));
      // Drawn here from the URI: the server's SVG would have to be injected as HTML.
      setEnrolment({ uri: otpauth_uri, qr: await QRCode.toDataURL(otpauth_uri, { margin: 1, width: 240 }) });
    });
  const confirm = () =>
    act(async () => {
      const { recovery_codes } = await must(
        api.POST('/api/v1/auth/mfa/confirm', { body: { totp: code.trim() } }),
      );
      setRecoveryCodes(recovery_codes);
      setEnrolment(null);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    });
  const disable = () =>
    act(async () => {
      await must(api.POST('/api/v1/auth/mfa/disable', { body: { password } }));
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    });

  return (
    <Card withBorder component="section" aria-label="Two-factor sign-in">
      <Title order={2} size="h4" mb="sm">
        Two-factor sign-in
      </Title>
      <Stack>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {recoveryCodes && (
          <Alert color="teal" title="Two-factor sign-in is on. Keep these recovery codes somewhere safe:">
            <SimpleGrid cols={2} spacing={4}>
              {recoveryCodes.map((c) => (
                <Code key={c}>{c}</Code>
              ))}
            </SimpleGrid>
            <Text size="sm" mt="xs">
              Each works once, in place of a code from your app. They are not shown again.
            </Text>
          </Alert>
        )}
        {enabled && !recoveryCodes && (
          <>
            <Text size="sm">On: signing in asks for a code from your authenticator app.</Text>
            <Group align="flex-end">
              <PasswordInput
                label="Password, to turn it off"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                flex={1}
              />
              <Button
                color="red"
                variant="light"
                disabled={!password}
                loading={busy}
                onClick={() => void disable()}
              >
                Turn off
              </Button>
            </Group>
          </>
        )}
        {!enabled && !enrolment && (
          <>
            <Text size="sm">
              Off. Turn it on to ask for a code from an authenticator app at every sign-in.
            </Text>
            <Button onClick={() => void enrol()} loading={busy} w="fit-content">
              Set up two-factor sign-in
            </Button>
          </>
        )}
        {enrolment && (
          <>
            <Text size="sm">Scan this with your authenticator app, then enter the code it shows.</Text>
            <img src={enrolment.qr} alt="QR code for your authenticator app" width={200} height={200} />
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {enrolment.uri}
            </Text>
            <Group align="flex-end">
              <TextInput
                label="Code"
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <Button onClick={() => void confirm()} loading={busy} disabled={!code.trim()}>
                Confirm
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

export default function Account() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (me.isPending) return <Loading />;
  if (me.isError) return <Failed error={me.error} />;

  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        My account
      </Title>
      <Card withBorder>
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="35%">Name</Table.Th>
              <Table.Td>{me.data.display_name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Td>{me.data.email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Td>{roleNames[me.data.role]}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Last sign-in</Table.Th>
              <Table.Td>
                {me.data.last_sign_in_at ? new Date(me.data.last_sign_in_at).toLocaleString() : '—'}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <TwoFactor enabled={me.data.mfa_enabled} />
      <AccountSessions />
      <Button
        color="red"
        variant="outline"
        w="fit-content"
        onClick={async () => {
          await signOut(queryClient);
          await navigate('/sign-in');
        }}
      >
        Sign out
      </Button>
    </Stack>
  );
}
