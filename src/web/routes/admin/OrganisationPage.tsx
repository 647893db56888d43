import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../../api/admin/organisation';
import { useMe } from '../../api/me';
import { QueryState } from '../../components/PageState';
import { hasPermission } from './admin-sections';
import { OrganisationForm } from './OrganisationForm';
import { OrganisationSummary } from './OrganisationSummary';

/** The active organisation's profile: a form for administrators, a summary for everyone else. */
export function OrganisationPage() {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const query = useOrganisation(me?.organisationId);
  if (!me) return null;
  const canManage = hasPermission(me, 'organisation.manage');

  return (
    <Stack gap="md" maw={900}>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {t('organisation.title')}
        </Title>
        {query.data?.demo && (
          <Badge color="grape" variant="light">
            {t('organisation.demo')}
          </Badge>
        )}
      </Group>
      <Text c="dimmed">{t('organisation.intro')}</Text>
      <QueryState query={query}>
        {(organisation) =>
          canManage ? (
            <OrganisationForm organisation={organisation} onReload={async () => (await query.refetch()).data} />
          ) : (
            <OrganisationSummary organisation={organisation} />
          )
        }
      </QueryState>
    </Stack>
  );
}
