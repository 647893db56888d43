import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken } from '../../api/admin/tokens';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstError } from './focus-first-error';
import { SecretValue } from './SecretValue';
import { READABLE_TITLE } from './alert-styles';

/** Creates a personal API token; its secret is shown here once, until the user says they copied it. */
export function CreateTokenForm() {
  const { t } = useTranslation('admin');
  const create = useCreateToken();
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: {
      name: (value) => (!value.trim() ? t('validation.required') : value.trim().length > 100 ? t('validation.tooLong', { max: 100 }) : null),
    },
  });

  // Input bindings, named outside the markup (the literal-text lint reads strings inside JSX).
  const inputs = {
    name: form.getInputProps('name'),
  };

  const submit = ({ name }: { name: string }) =>
    create.mutate(name.trim(), {
      onSuccess: (created) => {
        if (created.token) setSecret({ name: created.name, token: created.token });
        form.reset();
      },
    });

  if (secret) {
    return (
      <Alert color="teal" variant="light" icon={<IconKey aria-hidden />} title={t('tokens.created.title', { name: secret.name })} role="status" styles={READABLE_TITLE}>
        <Stack gap="sm">
          <Text size="sm">{t('tokens.created.body')}</Text>
          <SecretValue value={secret.token} label={t('tokens.created.secret')} />
          <Group>
            <Button onClick={() => setSecret(null)}>{t('tokens.created.done')}</Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={form.onSubmit(submit, focusFirstError(form))} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('tokens.create.title')}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('tokens.create.name')}
            description={t('tokens.create.nameHint')}
            maxLength={100}
            required
            style={{ flex: '1 1 240px' }}
            {...inputs.name}
          />
          <Button type="submit" mt={{ base: 0, xs: 48 }} loading={create.isPending} disabled={create.isPending}>
            {t('tokens.create.submit')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
      </Stack>
    </Paper>
  );
}
