import { Button } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../api/me';
import { LOGIN_PATH } from '../../app/SessionGate';

/** Leaves a forced step (new password, second-factor set-up) by signing out: nobody is stuck there. */
export function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Button

      variant="subtle"
      color="gray"
      leftSection={<IconLogout size={18} aria-hidden className="sanad-mirror-rtl" />}
      loading={signOut.isPending}
      disabled={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate(LOGIN_PATH, { replace: true }) })}
    >
      {t('userMenu.signOut')}
    </Button>
  );
}
