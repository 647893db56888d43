import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { isolate } from '../../i18n/isolate';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const organisation = me.organisations.find((o) => o.id === me.organisationId);
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('home.title', { name: isolate(me.displayName) })}
      </Title>
      <Paper withBorder p="lg">
        <Text>{t('home.organisation', { name: isolate(organisation?.name ?? '') })}</Text>
        <Group gap="xs" mt="sm">
          {me.roles.map((role) => (
            <Badge key={role} variant="light">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
      </Paper>
    </Stack>
  );
}
