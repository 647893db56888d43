import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateMe } from '../api/me';
import { useApplyLanguage } from '../i18n/use-apply-language';
import { LANGUAGES, type LanguageCode } from '../i18n/languages';

/**
 * The language choice as three visible buttons, each in its own language, so a reader who does not
 * understand the current one still finds theirs. Signed in, the choice is remembered on the account.
 */
export function LanguageButtons({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const switchLanguage = useApplyLanguage();
  const me = useMe();
  const updateMe = useUpdateMe();

  const choose = async (code: LanguageCode) => {
    await switchLanguage(code);
    // Until a forced password change or second-factor set-up is done the server refuses profile changes;
    // the login page keeps the choice and saves it afterwards.
    const mayUpdateProfile = me.data && !me.data.mustChangePassword && !me.data.mustEnrolTotp;
    if (mayUpdateProfile && me.data!.locale !== code) updateMe.mutate({ locale: code });
  };

  return (
    <Group gap={4} role="group" aria-label={t('language.label')} wrap="nowrap">
      {LANGUAGES.map((language) => {
        const active = i18n.language === language.code;
        return (
          <Button
            key={language.code}
            size={size}
            variant={active ? 'filled' : 'subtle'}
            lang={language.code}
            aria-pressed={active}
            onClick={() => void choose(language.code)}
            px={8}
          >
            {language.nativeName}
          </Button>
        );
      })}
    </Group>
  );
}
