import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notify } from '../../components/notify';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe, type Me } from '../../api/me';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApplyLanguage } from '../../i18n/use-apply-language';
import { isLanguage, LANGUAGES, type LanguageCode } from '../../i18n/languages';
import { AccountSection } from './AccountSection';

const MAX_DISPLAY_NAME = 120;

/** Display name and language, saved together on the account (PATCH /me). */
export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation('auth');
  return (
    <AccountSection title={t('account.profile.title')}>
      {/* A new form when the saved values change (also from the header's language buttons). */}
      <ProfileForm key={`${me.displayName}|${me.locale}`} me={me} />
    </AccountSection>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('auth');
  const switchLanguage = useApplyLanguage();
  const updateMe = useUpdateMe();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<LanguageCode>(me.locale);
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = displayName.trim();
    const problem = !name ? 'validation.required' : name.length > MAX_DISPLAY_NAME ? 'validation.tooLong' : null;
    setNameError(problem);
    if (problem) return;
    // Awaited rather than callbacks: saving re-keys this form (new values), which unmounts it.
    void updateMe
      .mutateAsync({ displayName: name, locale })
      .then(async () => {
        if (i18n.language !== locale) {
          await switchLanguage(locale);
        }
        // i18n.t, not this render's t: the confirmation speaks the language just chosen.
        notify({ message: i18n.t('common:states.saved'), closeButtonProps: { 'aria-label': i18n.t('common:actions.close') } });
      })
      .catch(() => undefined); // Shown by the alert below (updateMe.error).
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('account.profile.email')}{' '}
          <Text span fw={600} dir="ltr">
            {me.email}
          </Text>
        </Text>
        <TextInput
          label={t('account.profile.displayName')}
          description={t('account.profile.displayNameHelp')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={nameError ? t(nameError, { max: MAX_DISPLAY_NAME }) : undefined}
          autoComplete="name"
          required
        />
        <NativeSelect
          label={t('account.profile.language')}
          description={t('account.profile.languageHelp')}
          value={locale}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isLanguage(value)) setLocale(value);
          }}
          data={LANGUAGES.map((language) => ({ value: language.code, label: language.nativeName }))}
          size="md"
        />
        <ErrorAlert error={updateMe.error} />
        <Button type="submit" loading={updateMe.isPending} disabled={updateMe.isPending} w={{ base: '100%', xs: 'fit-content' }}>
          {t('common:actions.save')}
        </Button>
      </Stack>
    </form>
  );
}
