import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, type Role, type UserCreate } from '../../api/admin/users';
import { useMe } from '../../api/me';
import { errorCode, ErrorAlert } from '../../components/ErrorAlert';
import { LANGUAGES, isLanguage } from '../../i18n/languages';
import { invalidFields } from './field-errors';
import { PrintSheet } from './PrintSheet';
import { RoleCheckboxes } from './RoleCheckboxes';
import { SecretValue } from './SecretValue';
import { focusFirstError } from './focus-first-error';
import { useWideLayout } from './use-wide-layout';

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

  const form = useForm<Values>({
    initialValues: { email: '', displayName: '', locale: isLanguage(i18n.language) ? i18n.language : 'fr', roles: [] },
    validate: {
      email: (value) => (!value.trim() ? t('validation.required') : !EMAIL.test(value.trim()) ? t('validation.email') : null),
      displayName: (value) => (!value.trim() ? t('validation.required') : value.trim().length > 120 ? t('validation.tooLong', { max: 120 }) : null),
      roles: (value) => (value.length === 0 ? t('validation.roles') : null),
    },
  });

  // Input bindings, named outside the markup (the literal-text lint reads strings inside JSX).
  const inputs = {
    email: form.getInputProps('email'),
    displayName: form.getInputProps('displayName'),
    locale: form.getInputProps('locale'),
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
  const me = useMe().data;
  const organisation = me?.organisations.find((o) => o.id === me.organisationId);

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
    <Stack gap="md">
      <Text role="status">{t('users.create.newAccount', { name: user.displayName, email: user.email })}</Text>
      <SecretValue value={user.initialPassword} label={t('users.create.temporaryPassword')} />
      <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t('users.create.onceNote')}
      </Alert>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t('common:actions.print')}
        </Button>
        <Button onClick={onDone} data-autofocus>
          {t('users.create.done')}
        </Button>
      </Group>
      <PrintSheet>
        <Title order={2}>{t('users.print.title', { organisation: organisation?.name ?? '' })}</Title>
        <p>{t('users.print.greeting', { name: user.displayName })}</p>
        <p>
          {t('users.print.address')} <bdi>{window.location.origin}</bdi>
        </p>
        <p>
          {t('users.print.emailLine')} <bdi>{user.email}</bdi>
        </p>
        <p>
          {t('users.print.passwordLine')} <bdi style={{ fontFamily: 'monospace', fontSize: '1.3em', whiteSpace: 'nowrap' }}>{user.initialPassword}</bdi>
        </p>
        <p>{t('users.print.changeNote')}</p>
      </PrintSheet>
    </Stack>
  );
}
