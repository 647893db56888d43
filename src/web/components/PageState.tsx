import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

/** Loading, error and empty states shared by every page, so none of them is ever a blank screen. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ms="sm" c="dimmed">
        {t('states.loading')}
      </Text>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" py="md">
      <ErrorAlert error={error} title={t('states.error')} />
      {onRetry && (
        <Button variant="light" onClick={onRetry} w="fit-content">
          {t('states.retry')}
        </Button>
      )}
    </Stack>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" py="lg" ta="center">
      {children ?? t('states.empty')}
    </Text>
  );
}

/** Renders the state of a query: loading, error (with retry) or its data. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.error || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
