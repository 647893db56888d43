import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The stable error code the API answered, for the `errors` namespace; anything else is INTERNAL_ERROR. */
export function errorCode(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  return 'INTERNAL_ERROR';
}

/** Shows an API error in the reader's language, from its code (never the server's English message). */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  const code = errorCode(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      {t(code, { defaultValue: t('INTERNAL_ERROR') })}
    </Alert>
  );
}
