import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notify } from '../../components/notify';
import { IconAlertTriangle, IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisableTotp, useRegenerateRecoveryCodes } from '../../api/auth';
import { ME_KEY, type Me } from '../../api/me';
import { RecoveryCodes } from '../../components/totp/RecoveryCodes';
import { TotpEnrolment } from '../../components/totp/TotpEnrolment';
import { AccountSection } from './AccountSection';
import { CurrentPasswordForm } from './CurrentPasswordForm';

/** Below this many unused recovery codes the section suggests making new ones. */
const FEW_RECOVERY_CODES = 3;

type Mode = 'idle' | 'enrol' | 'disable' | 'regenerate';

/**
 * Two-step verification of the signed-in user: its state, turning it on (the set-up flow) or off (with
 * the password; not while the organisation requires it), and new recovery codes.
 */
export function TwoStepSection({ me }: { me: Me }) {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const [mode, setMode] = useState<Mode>('idle');
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();

  const show = (next: Mode) => {
    disable.reset();
    regenerate.reset();
    setMode(next);
  };

  const finishEnrolment = () => {
    setMode('idle');
    notify({ color: 'teal', message: t('account.twoStep.enabled'), closeButtonProps: { 'aria-label': t('common:actions.close') } });
    void client.invalidateQueries({ queryKey: ME_KEY });
  };

  const renderBody = () => {
    if (mode === 'enrol') {
      return <TotpEnrolment headingOrder={3} finishLabel={t('account.twoStep.finish')} onFinished={finishEnrolment} onCancel={() => show('idle')} />;
    }
    if (regenerate.data) {
      return <RecoveryCodes codes={regenerate.data.recoveryCodes} headingOrder={3} doneLabel={t('account.twoStep.finish')} onDone={() => show('idle')} />;
    }
    if (mode === 'disable') {
      return (
        <CurrentPasswordForm
          email={me.email}
          intro={t('account.twoStep.disableIntro')}
          submitLabel={t('account.twoStep.disable')}
          color="red.9"
          pending={disable.isPending}
          error={disable.error}
          onSubmit={(password) =>
            disable.mutate(password, {
              onSuccess: () => {
                setMode('idle');
                notify({ message: t('account.twoStep.disabled'), closeButtonProps: { 'aria-label': t('common:actions.close') } });
              },
            })
          }
          onCancel={() => show('idle')}
        />
      );
    }
    if (mode === 'regenerate') {
      return (
        <CurrentPasswordForm
          email={me.email}
          intro={t('account.twoStep.regenerateIntro')}
          submitLabel={t('account.twoStep.regenerate')}
          pending={regenerate.isPending}
          error={regenerate.error}
          onSubmit={(password) => regenerate.mutate(password)}
          onCancel={() => show('idle')}
        />
      );
    }
    return me.totpEnabled ? <EnabledState me={me} onDisable={() => show('disable')} onRegenerate={() => show('regenerate')} /> : <DisabledState me={me} onEnable={() => show('enrol')} />;
  };

  return (
    <AccountSection title={t('account.twoStep.title')} description={t('account.twoStep.description')}>
      {/* During set-up the state changes only once the codes are saved: no stale "off" meanwhile. */}
      {mode !== 'enrol' && (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('account.twoStep.status')}
          </Text>
          {me.totpEnabled ? (
            <Badge color="teal" leftSection={<IconShieldCheck size={14} aria-hidden />}>
              {t('account.twoStep.on')}
            </Badge>
          ) : (
            <Badge color="gray">{t('account.twoStep.off')}</Badge>
          )}
        </Group>
      )}
      {renderBody()}
    </AccountSection>
  );
}

function DisabledState({ me, onEnable }: { me: Me; onEnable: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <Stack gap="sm">
      {me.totpRequired && (
        <Alert color="yellow" role="note" icon={<IconShieldLock aria-hidden />}>
          {t('account.twoStep.requiredNotice')}
        </Alert>
      )}
      <Button onClick={onEnable} w={{ base: '100%', xs: 'fit-content' }}>
        {t('account.twoStep.enable')}
      </Button>
    </Stack>
  );
}

function EnabledState({ me, onDisable, onRegenerate }: { me: Me; onDisable: () => void; onRegenerate: () => void }) {
  const { t } = useTranslation('auth');
  const remaining = me.recoveryCodesRemaining ?? 0;
  return (
    <Stack gap="sm">
      <Text>{t('account.twoStep.recoveryRemaining', { count: remaining })}</Text>
      {remaining <= FEW_RECOVERY_CODES && (
        <Alert color="yellow" role="note" icon={<IconAlertTriangle aria-hidden />}>
          {t('account.twoStep.fewRecoveryCodes')}
        </Alert>
      )}
      <Group gap="sm">
        <Button variant="default" onClick={onRegenerate}>
          {t('account.twoStep.regenerate')}
        </Button>
        {!me.totpRequired && (
          <Button variant="default" c="red.9" onClick={onDisable}>
            {t('account.twoStep.disable')}
          </Button>
        )}
      </Group>
      {me.totpRequired && (
        <Text size="sm" c="dimmed">
          {t('account.twoStep.requiredCannotDisable')}
        </Text>
      )}
    </Stack>
  );
}
