import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A section that a later issue fills in; it says so instead of showing an empty page. */
export function PlaceholderPage({ sectionKey }: { sectionKey: string }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t(sectionKey)}
      </Title>
      <Paper withBorder p="lg">
        <Text fw={600}>{t('placeholder.title', { section: t(sectionKey) })}</Text>
        <Text c="dimmed" mt="xs">
          {t('placeholder.body')}
        </Text>
      </Paper>
    </Stack>
  );
}
