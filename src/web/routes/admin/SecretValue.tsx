import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret shown once (API token, temporary password), in a left-to-right block with a copy button. Where
 * the clipboard is unavailable (plain http on a local network), the text is selected for a manual copy.
 */
export function SecretValue({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  const selectText = () => {
    const selection = window.getSelection();
    if (!ref.current || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(ref.current);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      selectText();
      setState('manual');
    }
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code block dir="ltr" ref={ref} fz="md" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}>
        {value}
      </Code>
      <Group gap="sm">
        <Button
          variant="default"
          size="sm"
          leftSection={state === 'copied' ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
          onClick={() => void copy()}
        >
          {state === 'copied' ? t('actions.copied') : t('actions.copy')}
        </Button>
        <Text size="sm" c="dimmed" role="status">
          {state === 'manual' ? t('admin:secret.copyManually') : ''}
        </Text>
      </Group>
    </Stack>
  );
}
