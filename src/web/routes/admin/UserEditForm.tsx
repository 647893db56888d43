import { Paper, Stack, Title } from '@mantine/core';
import { notify } from '../../components/notify';
import { useTranslation } from 'react-i18next';
import { useUpdateUser, type Role, type User, type UserUpdate } from '../../api/admin/users';
import { errorCode, ErrorAlert } from '../../components/ErrorAlert';
import { invalidFields } from './field-errors';
import { focusFirstError } from './focus-first-error';
import { SaveChangesButton } from './SaveChangesButton';
import { useVersionedForm } from './use-versioned-form';
import { UserProfileFields, useUserProfileRules } from './UserProfileFields';
import { VersionConflictAlert } from './VersionConflictAlert';

type Values = {
  displayName: string;
  locale: User['locale'];
  roles: Role[];
};

function valuesOf(user: User): Values {
  return { displayName: user.displayName, locale: user.locale, roles: [...user.roles] };
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** Name, language and roles of a member; PATCH with the version it was based on. */
export function UserEditForm({ user, onReload }: { user: User; onReload: () => Promise<User | undefined> }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser(user.id);
  const rules = useUserProfileRules();
  const { form, base, adopt, reload, reloading } = useVersionedForm({
    record: user,
    valuesOf,
    rules: () => rules,
    onReload,
    onRebased: () => update.reset(),
  });
  const code = errorCode(update.error);

  const submit = (values: Values) => {
    const patch: UserUpdate = { version: base.version };
    if (values.displayName.trim() !== base.displayName) patch.displayName = values.displayName.trim();
    if (values.locale !== base.locale) patch.locale = values.locale;
    if (!sameRoles(values.roles, base.roles)) patch.roles = values.roles;
    update.mutate(patch, {
      onSuccess: (saved) => {
        adopt(saved);
        notify({ color: 'teal', message: t('user.saved') });
      },
      onError: (error) => {
        for (const field of invalidFields(error, ['displayName', 'locale', 'roles'] as const)) form.setFieldError(field, t('validation.rejected'));
      },
    });
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={form.onSubmit(submit, focusFirstError(form))} noValidate>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('user.editTitle')}
        </Title>
        <UserProfileFields form={form} />
        {code === 'USER_VERSION_CONFLICT' ? (
          <VersionConflictAlert
            title={t('user.conflict.title')}
            body={t('user.conflict.body')}
            reloadLabel={t('user.conflict.reload')}
            onReload={reload}
            reloading={reloading}
          />
        ) : (
          <ErrorAlert error={update.error} />
        )}
        <SaveChangesButton pending={update.isPending} dirty={form.isDirty()} />
      </Stack>
    </Paper>
  );
}
