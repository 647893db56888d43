import { Button, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Copies a text and says so. The clipboard needs a secure page (https or localhost): on a plain-http
 * installation the copy fails, and the button then asks to select the text by hand instead of pretending.
 */
export function CopyTextButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('auth');
  const clipboard = useClipboard({ timeout: 2500 });
  return (
    <Stack gap={4} align="flex-start">
      <Button

        variant="default"
        size="sm"
        leftSection={clipboard.copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
        onClick={() => clipboard.copy(value)}
      >
        {clipboard.copied ? t('common:actions.copied') : label}
      </Button>
      <Text size="sm" c={clipboard.error ? 'red.9' : 'dimmed'} role="status" aria-live="polite">
        {clipboard.error ? t('copy.failed') : clipboard.copied ? t('copy.done') : ''}
      </Text>
    </Stack>
  );
}
