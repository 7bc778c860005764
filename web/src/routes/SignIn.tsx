// Sign-in: email and password, then (when the account has two-factor sign-in) the authenticator code or a
// recovery code. Comes back to the page that asked for sign-in.
import {
  Alert,
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, must } from '../api/client.ts';
import { ApiError, messageOf } from '../api/problem.ts';
import { session } from '../api/session.ts';
import { useSession } from '../hooks/useSession.ts';

type Step = 'password' | 'second-factor';

export default function SignIn() {
  const [params] = useSearchParams();
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signedIn = useSession();
  const [step, setStep] = useState<Step>('password');
  const [useRecovery, setUseRecovery] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '', code: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
      code: (v) => (step === 'second-factor' && !v.trim() ? 'Enter the code' : null),
    },
  });

  if (signedIn && !busy) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async ({ email, password, code }) => {
    setBusy(true);
    setFailure(null);
    try {
      const secondFactor =
        step === 'second-factor'
          ? useRecovery
            ? { recovery_code: code.trim() }
            : { totp: code.trim() }
          : {};
      const tokens = await must(
        api.POST('/api/v1/auth/login', { body: { email, password, ...secondFactor } }),
      );
      queryClient.clear();
      session.set({ access_token: tokens.access_token, refresh_token: tokens.refresh_token });
      await navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.type === '/problems/mfa-required') {
        setStep('second-factor');
      } else {
        setFailure(messageOf(error));
        form.setFieldValue('code', '');
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <Container size={420} py="xl">
      <Title order={1} ta="center" mb="lg">
        Enterprise Inventory
      </Title>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} size="h3">
              {step === 'password' ? 'Sign in' : 'Two-factor sign-in'}
            </Title>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            {step === 'password' ? (
              <>
                <TextInput
                  label="Email"
                  type="email"
                  autoComplete="username"
                  required
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
              </>
            ) : (
              <>
                <TextInput
                  label={useRecovery ? 'Recovery code' : 'Code from your authenticator app'}
                  autoComplete="one-time-code"
                  inputMode={useRecovery ? 'text' : 'numeric'}
                  autoFocus
                  required
                  {...form.getInputProps('code')}
                />
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => setUseRecovery(!useRecovery)}
                >
                  {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
                </Anchor>
              </>
            )}
            <Button type="submit" loading={busy} fullWidth>
              {step === 'password' ? 'Sign in' : 'Verify'}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
