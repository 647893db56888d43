import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageButtons } from '../../components/LanguageButtons';

/**
 * The frame of the pages shown outside the app shell (sign-in, forced password change, required
 * second-factor set-up): the name of the app and the three language buttons above a single card, so a
 * reader who does not understand the current language finds theirs before anything else.
 */
export function AuthFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="main" mih="100dvh" bg="gray.0" py={{ base: 'md', sm: 'xl' }}>
      <Container size={460} px="sm">
        <Group justify="space-between" gap="xs" mb="md" wrap="wrap">
          <Group gap={8} wrap="nowrap">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Text fw={700} size="lg">
              {t('appName')}
            </Text>
          </Group>
          <LanguageButtons size="sm" />
        </Group>
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'lg' }}>
          {children}
        </Paper>
        {footer}
      </Container>
    </Box>
  );
}
