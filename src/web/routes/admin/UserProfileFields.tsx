import { Select, TextInput } from '@mantine/core';
import type { FormErrors, GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/admin/users';
import { LANGUAGES } from '../../i18n/languages';
import { RoleCheckboxes } from './RoleCheckboxes';

const DISPLAY_NAME_MAX = 120;

/** The part of a Mantine form these fields read and write (the create and the edit form both fit). */
interface UserProfileForm {
  getInputProps: (path: 'displayName' | 'locale') => GetInputPropsReturnType;
  setFieldValue: (path: 'roles', value: Role[]) => void;
  values: { roles: Role[] };
  errors: FormErrors;
}

/** The browser-side checks of these fields, the same when an account is created and when it is edited. */
export function useUserProfileRules() {
  const { t } = useTranslation('admin');
  return {
    displayName: (value: string) =>
      !value.trim() ? t('validation.required') : value.trim().length > DISPLAY_NAME_MAX ? t('validation.tooLong', { max: DISPLAY_NAME_MAX }) : null,
    roles: (value: readonly Role[]) => (value.length === 0 ? t('validation.roles') : null),
  };
}

/** What a member is in the organisation, whether being created or edited: name, language and roles. */
export function UserProfileFields({ form }: { form: UserProfileForm }) {
  const { t } = useTranslation('admin');
  // Input bindings, named outside the markup (the literal-text lint reads strings inside JSX).
  const inputs = {
    displayName: form.getInputProps('displayName'),
    locale: form.getInputProps('locale'),
  };

  return (
    <>
      <TextInput label={t('users.fields.displayName')} required maxLength={DISPLAY_NAME_MAX} dir="auto" {...inputs.displayName} />
      <Select
        size="md"
        label={t('users.fields.language')}
        description={t('users.hints.language')}
        data={LANGUAGES.map((language) => ({ value: language.code, label: language.nativeName }))}
        allowDeselect={false}
        {...inputs.locale}
      />
      <RoleCheckboxes value={form.values.roles} onChange={(roles) => form.setFieldValue('roles', roles)} error={form.errors.roles as string | undefined} />
    </>
  );
}
