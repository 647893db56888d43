import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * While `active`, leaving the page (a link, the back button, closing the tab) first asks for confirmation:
 * recovery codes are shown once, and leaving before saving them loses them.
 */
export function LeaveWarning({ active }: { active: boolean }) {
  const { t } = useTranslation('auth');
  const blocker = useBlocker(({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('recoveryCodes.leaveTitle')}
      withCloseButton={false}
      centered
    >
      <Stack>
        <Text>{t('recoveryCodes.leaveBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('recoveryCodes.stay')}
          </Button>
          <Button color="red.9" onClick={() => blocker.proceed?.()}>
            {t('recoveryCodes.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
