import { Alert, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Shown instead of a page the user's roles do not open (the server would refuse it anyway). */
export function NotAllowed() {
  const { t } = useTranslation('admin');
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('notAllowed.title')}
      </Title>
      <Alert color="gray" icon={<IconLock aria-hidden />} role="status">
        {t('notAllowed.body')}
      </Alert>
    </Stack>
  );
}
