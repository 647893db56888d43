import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin, type LoginInput } from '../../api/auth';
import type { Me } from '../../api/me';
import { ErrorAlert, errorCode } from '../../components/ErrorAlert';
import { SecondFactorStep, type SecondFactorKind } from './SecondFactorStep';

interface Credentials {
  email: string;
  password: string;
}

/**
 * The two steps of signing in. The password step comes first; the server's TOTP_REQUIRED (right password,
 * account with a second factor) opens the code step, which sends the same credentials again with the code.
 */
export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => Promise<void> }) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [credentials, setCredentials] = useState<Credentials>({ email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Credentials, string>>>({});
  // Kept apart from the mutation's own error: TOTP_REQUIRED is a step, not an error to show.
  const [failure, setFailure] = useState<unknown>(null);

  const send = (input: LoginInput) => {
    setFailure(null);
    login.mutate(input, {
      onSuccess: (me) => void onSignedIn(me),
      onError: (error) => {
        const code = errorCode(error);
        if (code === 'TOTP_REQUIRED') {
          setStep('code');
          return;
        }
        // The password no longer works (changed meanwhile, account deactivated): start again from it.
        if (code === 'LOGIN_FAILED') setStep('password');
        setFailure(error);
      },
    });
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!credentials.email.trim()) found.email = 'validation.required';
    else if (!/^[^\s@]+@[^\s@]+$/.test(credentials.email.trim())) found.email = 'validation.email';
    if (!credentials.password) found.password = 'validation.required';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send({ email: credentials.email.trim(), password: credentials.password });
  };

  const submitCode = (kind: SecondFactorKind, code: string) =>
    send({ email: credentials.email.trim(), password: credentials.password, ...(kind === 'totp' ? { totp: code } : { recoveryCode: code }) });

  const startAgain = () => {
    setStep('password');
    setFailure(null);
    setCredentials((current) => ({ ...current, password: '' }));
  };

  if (step === 'code') {
    return (
      <SecondFactorStep
        email={credentials.email.trim()}
        pending={login.isPending}
        failure={failure}
        onSubmit={submitCode}
        onStartAgain={startAgain}
      />
    );
  }

  return (
    <form onSubmit={submitPassword} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('login.title')}
        </Title>
        <ErrorAlert error={failure} />
        <TextInput
          label={t('login.email')}
          value={credentials.email}
          onChange={(event) => setCredentials({ ...credentials, email: event.currentTarget.value })}
          error={errors.email && t(errors.email)}
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          required
          autoFocus
        />
        <PasswordInput
          label={t('login.password')}
          value={credentials.password}
          onChange={(event) => setCredentials({ ...credentials, password: event.currentTarget.value })}
          error={errors.password && t(errors.password)}
          autoComplete="current-password"
          required
        />
        <Button type="submit" loading={login.isPending} disabled={login.isPending} fullWidth>
          {t('login.submit')}
        </Button>
        <Text size="sm">
          {t('login.forgotPassword')}
        </Text>
      </Stack>
    </form>
  );
}
