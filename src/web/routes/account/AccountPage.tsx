import { Anchor, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/me';
import { QueryState } from '../../components/PageState';
import { AccountSection } from './AccountSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { TwoStepSection } from './TwoStepSection';

/** The signed-in user's own account: profile, password, two-step verification, personal API tokens. */
export function AccountPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  return (
    <Stack maw={720} gap="lg">
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <QueryState query={me}>
        {(data) =>
          data && (
            <>
              <ProfileSection me={data} />
              <PasswordSection me={data} />
              <TwoStepSection me={data} />
              <AccountSection title={t('account.tokens.title')}>
                <Text size="sm">{t('account.tokens.description')}</Text>
                <Anchor component={Link} to="/admin/tokens" fw={600}>
                  {t('account.tokens.link')}
                  <IconChevronRight size={16} aria-hidden className="sanad-mirror-rtl" style={{ verticalAlign: 'middle' }} />
                </Anchor>
              </AccountSection>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
