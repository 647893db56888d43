import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/auth';
import { ErrorAlert, errorCode } from '../../components/ErrorAlert';
import { MIN_PASSWORD_LENGTH, PasswordStrength } from './PasswordStrength';

/** Server refusals that belong to one field: shown under it, the rest in an alert above the button. */
const FIELD_OF_CODE: Record<string, 'currentPassword' | 'newPassword'> = {
  PASSWORD_INCORRECT: 'currentPassword',
  PASSWORD_TOO_WEAK: 'newPassword',
};

/**
 * Current password, new password (policy hint, strength estimate) and its confirmation. Used by the
 * forced change after a printed or administrator-set password and by the account page. Errors are
 * translation keys, translated when shown, so they follow a language change.
 */
export function PasswordChangeForm({
  email,
  submitLabel,
  autoFocus = false,
  onChanged,
}: {
  /** The account's email, for password managers (they file the new password under it). */
  email: string;
  submitLabel: string;
  autoFocus?: boolean;
  onChanged: () => void | Promise<void>;
}) {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'auth:validation.required'),
      newPassword: (value, values) => {
        if (!value) return 'auth:validation.required';
        if ([...value].length < MIN_PASSWORD_LENGTH) return 'auth:validation.passwordTooShort';
        if (value === values.currentPassword) return 'auth:validation.passwordUnchanged';
        return null;
      },
      confirmation: (value, values) => (value === values.newPassword ? null : 'auth:validation.passwordMismatch'),
    },
  });
  const fieldError = (key: unknown) => (typeof key === 'string' ? t(key, { min: MIN_PASSWORD_LENGTH }) : undefined);
  const unplacedError = change.error && !FIELD_OF_CODE[errorCode(change.error)] ? change.error : null;

  const inputProps = {
    currentPassword: form.getInputProps('currentPassword'),
    newPassword: form.getInputProps('newPassword'),
    confirmation: form.getInputProps('confirmation'),
  };

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          void onChanged();
        },
        onError: (error) => {
          const field = FIELD_OF_CODE[errorCode(error)];
          if (field) form.setFieldError(field, `errors:${errorCode(error)}`);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          {...inputProps.currentPassword}
          error={fieldError(form.errors.currentPassword)}
          label={t('password.current')}
          autoComplete="current-password"
          autoFocus={autoFocus}
          required
        />
        <PasswordInput
          {...inputProps.newPassword}
          error={fieldError(form.errors.newPassword)}
          label={t('password.new')}
          description={t('password.policy', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
        />
        <PasswordStrength password={form.values.newPassword} />
        <PasswordInput
          {...inputProps.confirmation}
          error={fieldError(form.errors.confirmation)}
          label={t('password.confirm')}
          autoComplete="new-password"
          required
        />
        <ErrorAlert error={unplacedError} />
        <Button type="submit" loading={change.isPending} disabled={change.isPending} w={{ base: '100%', xs: 'fit-content' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
