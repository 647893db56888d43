import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The server's minimum (src/server/security/passwords.ts); it also refuses common passwords. */
export const MIN_PASSWORD_LENGTH = 12;

type Level = 'tooShort' | 'fair' | 'good' | 'strong';

const LEVELS: Record<Level, { value: number; color: string }> = {
  tooShort: { value: 15, color: 'red' },
  fair: { value: 45, color: 'yellow' },
  good: { value: 75, color: 'teal' },
  strong: { value: 100, color: 'green' },
};

/**
 * A rough, local estimate: length counts most (a few unrelated words beat symbols), variety a little.
 * Deliberately simple — the server's check (common and leaked passwords) is the one that decides.
 */
export function passwordLevel(password: string): Level {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^\w\s]|\s/].filter((kind) => kind.test(password)).length;
  if (length >= 20 || (length >= 16 && kinds >= 3)) return 'strong';
  if (length >= 16 || kinds >= 3) return 'good';
  return 'fair';
}

export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation('auth');
  if (!password) return null;
  const level = passwordLevel(password);
  const { value, color } = LEVELS[level];
  const label = t(`password.strength.${level}`);
  return (
    <Stack gap={4}>
      <Progress value={value} color={color} size="sm" aria-label={t('password.strength.label')} />
      <Text size="sm" c="dimmed">
        {t('password.strength.summary', { level: label })}
      </Text>
    </Stack>
  );
}
