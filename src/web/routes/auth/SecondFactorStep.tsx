import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorCode } from '../../components/ErrorAlert';
import { normaliseTotpCode, TOTP_CODE_PATTERN } from '../../components/totp/totp-code';

export type SecondFactorKind = 'totp' | 'recovery';

/**
 * The second step of signing in: the 6-digit code of the authenticator app or, for a lost phone, one of
 * the recovery codes. A wrong code shows under the field and stays selected, ready to be typed over.
 */
export function SecondFactorStep({
  email,
  pending,
  failure,
  onSubmit,
  onStartAgain,
}: {
  email: string;
  pending: boolean;
  failure: unknown;
  onSubmit: (kind: SecondFactorKind, code: string) => void;
  onStartAgain: () => void;
}) {
  const { t } = useTranslation('auth');
  const [kind, setKind] = useState<SecondFactorKind>('totp');
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // A refusal belongs to the field it answered: switching between app code and recovery code sets it aside.
  const [setAside, setSetAside] = useState<unknown>(null);
  const refusal = failure === setAside ? null : failure;
  const wrongCode = errorCode(refusal) === 'TOTP_INVALID';
  useEffect(() => {
    if (failure) input.current?.select();
  }, [failure]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = kind === 'totp' ? normaliseTotpCode(code) : code.trim();
    if (kind === 'totp' && !TOTP_CODE_PATTERN.test(value)) return setInvalid('validation.totpFormat');
    if (kind === 'recovery' && !value) return setInvalid('validation.required');
    setInvalid(null);
    onSubmit(kind, value);
  };

  const switchKind = () => {
    setKind(kind === 'totp' ? 'recovery' : 'totp');
    setCode('');
    setInvalid(null);
    setSetAside(failure);
  };

  const fieldError = invalid ? t(invalid) : wrongCode ? t(kind === 'totp' ? 'errors:TOTP_INVALID' : 'login.recoveryCodeInvalid') : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('login.codeTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('login.signingInAs')}{' '}
          <Text span dir="ltr" fw={600} c="var(--mantine-color-text)">
            {email}
          </Text>
        </Text>
        <Text>{kind === 'totp' ? t('login.totpHelp') : t('login.recoveryHelp')}</Text>
        {!wrongCode && <ErrorAlert error={refusal} />}
        {kind === 'totp' ? (
          <TextInput
            key="totp"
            ref={input}
            label={t('login.totpCode')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldError}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={9}
            dir="ltr"
            required
            autoFocus
          />
        ) : (
          <TextInput
            key="recovery"
            ref={input}
            label={t('login.recoveryCode')}
            description={t('login.recoveryCodeFormat')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldError}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            dir="ltr"
            required
            autoFocus
          />
        )}
        <Button type="submit" loading={pending} disabled={pending} fullWidth>
          {t('login.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={switchKind} ta="start">
          {kind === 'totp' ? t('login.useRecoveryCode') : t('login.useTotpCode')}
        </Anchor>
        <Group>
          <Button

            variant="subtle"
            color="gray"
            size="sm"
            leftSection={<IconArrowLeft size={16} aria-hidden className="sanad-mirror-rtl" />}
            onClick={onStartAgain}
            disabled={pending}
          >
            {t('login.startAgain')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
