import { Anchor, Box, Button, Code, Group, List, Stack, Text, TextInput, Title, type TitleOrder } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmTotp, useStartTotpEnrolment } from '../../api/auth';
import { ErrorAlert, errorCode } from '../ErrorAlert';
import { CopyTextButton } from './CopyTextButton';
import { RecoveryCodes } from './RecoveryCodes';
import { groupSecret, normaliseTotpCode, TOTP_CODE_PATTERN } from './totp-code';

/** The QR code as the server drew it (SVG), shown as an image: the page's CSP allows data: images. */
function qrImageSource(qrSvg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`;
}

/**
 * Setting up the authenticator app, in three steps: what is needed and a start button (the server then
 * makes a secret), the QR code / key with the first code to confirm, and the recovery codes, shown once.
 * The caller refreshes ['me'] in `onFinished`, after the user has saved the codes.
 */
export function TotpEnrolment({
  headingOrder,
  finishLabel,
  onFinished,
  onCancel,
}: {
  /** The level of this flow's step headings under the page's (2 on its own page, 3 in a section). */
  headingOrder: TitleOrder;
  finishLabel: string;
  onFinished: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('auth');
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState(false);
  const scanHeading = useRef<HTMLHeadingElement>(null);
  const enrolment = start.data;

  // The start button disappears once the QR code is there: move focus to the new step instead of losing it.
  useEffect(() => {
    if (enrolment) scanHeading.current?.focus();
  }, [enrolment]);

  const restart = () => {
    confirm.reset();
    setCode('');
    start.mutate();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = normaliseTotpCode(code);
    setFormatError(!TOTP_CODE_PATTERN.test(value));
    if (TOTP_CODE_PATTERN.test(value)) confirm.mutate(value);
  };

  if (confirm.data) {
    return <RecoveryCodes codes={confirm.data.recoveryCodes} headingOrder={headingOrder} doneLabel={finishLabel} onDone={onFinished} />;
  }

  if (!enrolment) {
    return (
      <Stack gap="sm">
        <Title order={headingOrder} size="h4">
          {t('totp.prepareTitle')}
        </Title>
        <Text>{t('totp.prepareBody')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('totp.appsFree')}</List.Item>
          <List.Item>{t('totp.appsOffline')}</List.Item>
        </List>
        <ErrorAlert error={start.error} />
        <Group gap="sm">
          <Button onClick={() => start.mutate()} loading={start.isPending} disabled={start.isPending}>
            {t('totp.begin')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={start.isPending}>
              {t('common:actions.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  const refusal = confirm.error ? errorCode(confirm.error) : null;
  const codeError = formatError ? t('validation.totpFormat') : refusal === 'TOTP_INVALID' ? t('errors:TOTP_INVALID') : undefined;

  return (
    <Stack gap="md">
      <Stack gap="sm">
        <Title order={headingOrder} size="h4" ref={scanHeading} tabIndex={-1}>
          {t('totp.scanTitle')}
        </Title>
        <Text>{t('totp.scanBody')}</Text>
        <Box bg="white" p="xs" w="fit-content" mx="auto" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
          <img src={qrImageSource(enrolment.qrSvg)} alt={t('totp.qrAlt')} width={208} height={208} style={{ display: 'block' }} />
        </Box>
        <Text size="sm">
          <Anchor href={enrolment.otpauthUri}>{t('totp.openInApp')}</Anchor>
        </Text>
        <Text size="sm">{t('totp.manualEntry')}</Text>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Code dir="ltr" fz="md" px="sm" py={6}>
            {/* Groups wrap as wholes on a narrow screen, never in the middle. */}
            {groupSecret(enrolment.secret).map((group, index) => (
              <span key={index} style={{ display: 'inline-block', marginInlineEnd: '0.6em' }}>
                {group}
              </span>
            ))}
          </Code>
          <CopyTextButton value={enrolment.secret} label={t('totp.copySecret')} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('totp.manualSettings')}
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={headingOrder} size="h4">
            {t('totp.confirmTitle')}
          </Title>
          <TextInput
            label={t('totp.confirmCode')}
            description={t('totp.confirmHelp')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={codeError}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={9}
            dir="ltr"
            required
            maw={260}
          />
          {refusal && refusal !== 'TOTP_INVALID' && <ErrorAlert error={confirm.error} />}
          <Group gap="sm">
            <Button type="submit" loading={confirm.isPending} disabled={confirm.isPending}>
              {t('totp.turnOn')}
            </Button>
            {refusal === 'TOTP_ENROLMENT_MISSING' && (
              <Button variant="default" onClick={restart} loading={start.isPending}>
                {t('totp.restart')}
              </Button>
            )}
            {onCancel && (
              <Button variant="default" onClick={onCancel} disabled={confirm.isPending}>
                {t('common:actions.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
