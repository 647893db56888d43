import { Alert, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notify } from '../../components/notify';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorCode, ErrorAlert } from '../../components/ErrorAlert';
import { useMe } from '../../api/me';
import { useUpdateOrganisation, type Organisation, type OrganisationUpdate } from '../../api/admin/organisation';
import { invalidFields } from './field-errors';
import { focusFirstError } from './focus-first-error';
import { useOrganisationOptions } from './organisation-options';
import { SaveChangesButton } from './SaveChangesButton';
import { useVersionedForm } from './use-versioned-form';
import { VersionConflictAlert } from './VersionConflictAlert';

const ACRONYM = /^[A-Z0-9][A-Z0-9_-]{1,15}$/;
const IATI_IDENTIFIER = /^[A-Z]{2}(-[A-Za-z0-9_.]+)+$/;

type Values = {
  name: string;
  acronym: string;
  iatiType: string | null;
  iatiIdentifier: string;
  country: string | null;
  timeZone: string | null;
  disclosureThreshold: number | string;
  totpRequired: boolean;
};

function valuesOf(organisation: Organisation): Values {
  return {
    name: organisation.name,
    acronym: organisation.acronym ?? '',
    iatiType: organisation.iatiType,
    iatiIdentifier: organisation.iatiIdentifier ?? '',
    country: organisation.country,
    timeZone: organisation.timeZone,
    disclosureThreshold: organisation.disclosureThreshold,
    totpRequired: organisation.totpRequired,
  };
}

/** Only what changed, so a save never overwrites a field someone else changed meanwhile. */
function changesOf(values: Values, base: Organisation): OrganisationUpdate {
  const patch: OrganisationUpdate = { version: base.version };
  const name = values.name.trim();
  const acronym = values.acronym.trim().toUpperCase();
  const iatiIdentifier = values.iatiIdentifier.trim();
  if (name !== base.name) patch.name = name;
  if (acronym && acronym !== base.acronym) patch.acronym = acronym;
  if (values.iatiType && values.iatiType !== base.iatiType) patch.iatiType = values.iatiType;
  if (iatiIdentifier && iatiIdentifier !== base.iatiIdentifier) patch.iatiIdentifier = iatiIdentifier;
  if (values.country && values.country !== base.country) patch.country = values.country;
  if (values.timeZone && values.timeZone !== base.timeZone) patch.timeZone = values.timeZone;
  if (Number(values.disclosureThreshold) !== base.disclosureThreshold) patch.disclosureThreshold = Number(values.disclosureThreshold);
  if (values.totpRequired !== base.totpRequired) patch.totpRequired = values.totpRequired;
  return patch;
}

/** The organisation profile form (organisation.manage); PATCH with the version it was based on. */
export function OrganisationForm({ organisation, onReload }: { organisation: Organisation; onReload: () => Promise<Organisation | undefined> }) {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const update = useUpdateOrganisation(organisation.id);

  // A field that had a value cannot be emptied: the API changes fields but does not clear them.
  const keep = (value: string, previous: string | null) => (previous && !value.trim() ? t('validation.cannotClear') : null);
  const { form, base, adopt, reload, reloading } = useVersionedForm({
    record: organisation,
    valuesOf,
    rules: (base) => ({
      name: (value) => (!value.trim() ? t('validation.required') : value.trim().length > 200 ? t('validation.tooLong', { max: 200 }) : null),
      acronym: (value) =>
        keep(value, base.acronym) ?? (value.trim() && !ACRONYM.test(value.trim().toUpperCase()) ? t('validation.acronym') : null),
      iatiIdentifier: (value) =>
        keep(value, base.iatiIdentifier) ?? (value.trim() && !IATI_IDENTIFIER.test(value.trim()) ? t('validation.iatiIdentifier') : null),
      country: (value) => (value ? null : t('validation.required')),
      timeZone: (value) => (value ? null : t('validation.required')),
      disclosureThreshold: (value) => {
        const n = Number(value);
        return value === '' || !Number.isInteger(n) || n < 1 || n > 100 ? t('validation.threshold') : null;
      },
    }),
    onReload,
    onRebased: () => update.reset(),
  });
  const options = useOrganisationOptions(base.timeZone);

  const conflict = errorCode(update.error) === 'ORGANISATION_VERSION_CONFLICT';
  const turningOnTotp = form.values.totpRequired && !base.totpRequired;
  const selfNotEnrolled = me !== undefined && me !== null && !me.totpEnabled;

  // Input bindings, named outside the markup (the literal-text lint reads strings inside JSX).
  const inputs = {
    name: form.getInputProps('name'),
    acronym: form.getInputProps('acronym'),
    iatiType: form.getInputProps('iatiType'),
    iatiIdentifier: form.getInputProps('iatiIdentifier'),
    country: form.getInputProps('country'),
    timeZone: form.getInputProps('timeZone'),
    disclosureThreshold: form.getInputProps('disclosureThreshold'),
    totpRequired: form.getInputProps('totpRequired', { type: 'checkbox' }),
  };

  const submit = (values: Values) => {
    const patch = changesOf(values, base);
    update.mutate(patch, {
      onSuccess: (saved) => {
        adopt(saved);
        notify({ color: 'teal', message: t('organisation.saved') });
      },
      onError: (error) => {
        for (const field of invalidFields(error, ['name', 'acronym', 'iatiType', 'iatiIdentifier', 'country', 'timeZone', 'disclosureThreshold'] as const)) {
          form.setFieldError(field, t('validation.rejected'));
        }
        if (errorCode(error) === 'ACRONYM_TAKEN') form.setFieldError('acronym', t('errors:ACRONYM_TAKEN'));
      },
    });
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={form.onSubmit(submit, focusFirstError(form))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput label={t('organisation.fields.name')} required maxLength={200} dir="auto" {...inputs.name} />
          <TextInput
            label={t('organisation.fields.acronym')}
            description={t('organisation.hints.acronym')}
            maxLength={16}
            dir="ltr"
            styles={{ input: { textTransform: 'uppercase' } }}
            {...inputs.acronym}
          />
          <Select
            size="md"
            label={t('organisation.fields.iatiType')}
            description={t('organisation.hints.iatiType')}
            data={options.iatiTypes}
            searchable
            clearable={!base.iatiType}
            nothingFoundMessage={t('nothingFound')}
            {...inputs.iatiType}
          />
          <TextInput
            label={t('organisation.fields.iatiIdentifier')}
            description={t('organisation.hints.iatiIdentifier')}
            dir="ltr"
            maxLength={100}
            {...inputs.iatiIdentifier}
          />
          <Select
            size="md"
            label={t('organisation.fields.country')}
            data={options.countries}
            searchable
            required
            allowDeselect={false}
            nothingFoundMessage={t('nothingFound')}
            {...inputs.country}
          />
          <Select
            size="md"
            label={t('organisation.fields.timeZone')}
            description={t('organisation.hints.timeZone')}
            data={options.zones}
            searchable
            required
            allowDeselect={false}
            limit={100}
            nothingFoundMessage={t('nothingFound')}
            {...inputs.timeZone}
          />
          <NumberInput
            size="md"
            label={t('organisation.fields.disclosureThreshold')}
            description={t('organisation.hints.disclosureThreshold')}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            required
            {...inputs.disclosureThreshold}
          />
        </SimpleGrid>
        <Switch
          label={t('organisation.fields.totpRequired')}
          description={t('organisation.hints.totpRequired')}
          size="md"
          {...inputs.totpRequired}
        />
        {turningOnTotp && selfNotEnrolled && (
          <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} role="status">
            {t('organisation.totpSelfWarning')}
          </Alert>
        )}
        {conflict ? (
          <VersionConflictAlert
            title={t('organisation.conflict.title')}
            body={t('organisation.conflict.body')}
            reloadLabel={t('organisation.conflict.reload')}
            onReload={reload}
            reloading={reloading}
          />
        ) : (
          errorCode(update.error) !== 'ACRONYM_TAKEN' && <ErrorAlert error={update.error} />
        )}
        <SaveChangesButton pending={update.isPending} dirty={form.isDirty()} />
      </Stack>
    </Paper>
  );
}
