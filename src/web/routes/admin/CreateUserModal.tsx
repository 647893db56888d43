import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, type Role, type UserCreate } from '../../api/admin/users';
import { errorCode, ErrorAlert } from '../../components/ErrorAlert';
import { isLanguage } from '../../i18n/languages';
import { invalidFields } from './field-errors';
import { OneTimePasswordHandout } from './OneTimePasswordHandout';
import { focusFirstError } from './focus-first-error';
import { useWideLayout } from './use-wide-layout';
import { UserProfileFields, useUserProfileRules } from './UserProfileFields';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Values {
  email: string;
  displayName: string;
  locale: string;
  roles: Role[];
}

type Created = Awaited<ReturnType<ReturnType<typeof useCreateUser>['mutateAsync']>>;

/**
 * Gives someone an account with roles. Sanad generates the first password and shows it once (with copy and
 * print), and the person must replace it at first sign-in; an email that already has an account (another
 * organisation) only gains a membership and keeps its password.
 */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const create = useCreateUser();
  const wide = useWideLayout();
  const [created, setCreated] = useState<Created | null>(null);
  const profileRules = useUserProfileRules();

  const form = useForm<Values>({
    initialValues: { email: '', displayName: '', locale: isLanguage(i18n.language) ? i18n.language : 'fr', roles: [] },
    validate: {
      email: (value) => (!value.trim() ? t('validation.required') : !EMAIL.test(value.trim()) ? t('validation.email') : null),
      displayName: profileRules.displayName,
      roles: profileRules.roles,
    },
  });

  // Input bindings, named outside the markup (the literal-text lint reads strings inside JSX).
  const inputs = {
    email: form.getInputProps('email'),
  };

  const close = () => {
    setCreated(null);
    form.reset();
    create.reset();
    onClose();
  };

  const submit = (values: Values) => {
    const input: UserCreate = {
      email: values.email.trim(),
      displayName: values.displayName.trim(),
      locale: values.locale as UserCreate['locale'],
      roles: values.roles,
    };
    create.mutate(input, {
      onSuccess: (user) => setCreated(user),
      onError: (error) => {
        for (const field of invalidFields(error, ['email', 'displayName', 'roles'] as const)) form.setFieldError(field, t('validation.rejected'));
        if (errorCode(error) === 'MEMBERSHIP_EXISTS') form.setFieldError('email', t('errors:MEMBERSHIP_EXISTS'));
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('users.create.doneTitle') : t('users.create.title')}
      size="lg"
      fullScreen={!wide}
      // Once a password is on screen, only the explicit button closes: a stray tap must not lose it.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
      withCloseButton={!created}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {created ? (
        <CreatedUser user={created} onDone={close} />
      ) : (
        <form onSubmit={form.onSubmit(submit, focusFirstError(form))} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('users.fields.email')}
              type="email"
              autoComplete="off"
              dir="ltr"
              required
              data-autofocus
              maxLength={320}
              {...inputs.email}
            />
            <UserProfileFields form={form} />
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('users.create.passwordNote')}
            </Alert>
            {errorCode(create.error) !== 'MEMBERSHIP_EXISTS' && <ErrorAlert error={create.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={create.isPending}>
                {t('users.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function CreatedUser({ user, onDone }: { user: Created; onDone: () => void }) {
  const { t } = useTranslation('admin');

  if (!user.initialPassword) {
    return (
      <Stack gap="md">
        <Text role="status">{t('users.create.existingAccount', { name: user.displayName })}</Text>
        <Group justify="flex-end">
          <Button onClick={onDone} data-autofocus>
            {t('users.create.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <OneTimePasswordHandout
      user={user}
      password={user.initialPassword}
      status={t('users.create.newAccount', { name: user.displayName, email: user.email })}
      onceNote={t('users.create.onceNote')}
      printChangeNote={t('users.print.changeNote')}
      onDone={onDone}
    />
  );
}
