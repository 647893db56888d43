import { Alert } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/me';
import { PasswordChangeForm } from '../auth/PasswordChangeForm';
import { AccountSection } from './AccountSection';

export function PasswordSection({ me }: { me: Me }) {
  const { t } = useTranslation('auth');
  const [changed, setChanged] = useState(false);
  return (
    <AccountSection title={t('account.password.title')} description={t('account.password.description')}>
      {changed && (
        <Alert color="teal" icon={<IconCheck aria-hidden />} role="status" withCloseButton closeButtonLabel={t('common:actions.close')} onClose={() => setChanged(false)}>
          {t('account.password.changed')}
        </Alert>
      )}
      <PasswordChangeForm email={me.email} submitLabel={t('account.password.submit')} onChanged={() => setChanged(true)} />
    </AccountSection>
  );
}
