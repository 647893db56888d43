import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateUser, type Role, type User, type UserUpdate } from '../../api/admin/users';
import { errorCode, ErrorAlert } from '../../components/ErrorAlert';
import { LANGUAGES } from '../../i18n/languages';
import { invalidFields } from './field-errors';
import { focusFirstError } from './focus-first-error';
import { RoleCheckboxes } from './RoleCheckboxes';
import { READABLE_TITLE } from './alert-styles';

interface Values {
  displayName: string;
  locale: User['locale'];
  roles: Role[];
}

function valuesOf(user: User): Values {
  return { displayName: user.displayName, locale: user.locale, roles: [...user.roles] };
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** Name, language and roles of a member; PATCH with the version it was based on. */
export function UserEditForm({ user, onReload }: { user: User; onReload: () => Promise<User | undefined> }) {
  const { t } = useTranslation('admin');
  const [base, setBase] = useState(user);
  const update = useUpdateUser(user.id);
  const [reloading, setReloading] = useState(false);
  const form = useForm<Values>({
    initialValues: valuesOf(user),
    validate: {
      displayName: (value) => (!value.trim() ? t('validation.required') : value.trim().length > 120 ? t('validation.tooLong', { max: 120 }) : null),
      roles: (value) => (value.length === 0 ? t('validation.roles') : null),
    },
  });
  const code = errorCode(update.error);

  // A newer version from elsewhere (a refetch, the deactivate button) replaces an untouched form.
  useEffect(() => {
    if (user.version === base.version || form.isDirty()) return;
    setBase(user);
    form.setInitialValues(valuesOf(user));
    form.setValues(valuesOf(user));
    form.resetDirty(valuesOf(user));
  }, [user]);

  // Input bindings, named outside the markup (the literal-text lint reads strings inside JSX).
  const inputs = {
    displayName: form.getInputProps('displayName'),
    locale: form.getInputProps('locale'),
  };

  const submit = (values: Values) => {
    const patch: UserUpdate = { version: base.version };
    if (values.displayName.trim() !== base.displayName) patch.displayName = values.displayName.trim();
    if (values.locale !== base.locale) patch.locale = values.locale;
    if (!sameRoles(values.roles, base.roles)) patch.roles = values.roles;
    update.mutate(patch, {
      onSuccess: (saved) => {
        setBase(saved);
        form.setInitialValues(valuesOf(saved));
        form.setValues(valuesOf(saved));
        form.resetDirty(valuesOf(saved));
        notifications.show({ color: 'teal', message: t('user.saved') });
      },
      onError: (error) => {
        for (const field of invalidFields(error, ['displayName', 'locale', 'roles'] as const)) form.setFieldError(field, t('validation.rejected'));
      },
    });
  };

  // After a conflict: the other person's values, except where this user changed something.
  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (!fresh) return;
      const before = valuesOf(base);
      const mine = form.values;
      const after = valuesOf(fresh);
      setBase(fresh);
      form.setInitialValues(after);
      form.setValues({
        displayName: mine.displayName !== before.displayName ? mine.displayName : after.displayName,
        locale: mine.locale !== before.locale ? mine.locale : after.locale,
        roles: sameRoles(mine.roles, before.roles) ? after.roles : mine.roles,
      });
      update.reset();
    } finally {
      setReloading(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={form.onSubmit(submit, focusFirstError(form))} noValidate>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('user.editTitle')}
        </Title>
        <TextInput label={t('users.fields.displayName')} required maxLength={120} dir="auto" {...inputs.displayName} />
        <Select
          size="md"
          label={t('users.fields.language')}
          description={t('users.hints.language')}
          data={LANGUAGES.map((language) => ({ value: language.code, label: language.nativeName }))}
          allowDeselect={false}
          {...inputs.locale}
        />
        <RoleCheckboxes value={form.values.roles} onChange={(roles) => form.setFieldValue('roles', roles)} error={form.errors.roles as string | undefined} />
        {code === 'USER_VERSION_CONFLICT' ? (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('user.conflict.title')} styles={READABLE_TITLE}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('user.conflict.body')}</Text>
              <Button variant="default" size="sm" onClick={() => void reload()} loading={reloading}>
                {t('user.conflict.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={update.error} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={update.isPending || !form.isDirty()}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
