import { Alert, Paper } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/admin/organisation';
import { useFormat } from '../../i18n/format';
import { optionLabel, useOrganisationOptions } from './organisation-options';
import { FactList } from './FactList';

/** The organisation profile for members who may read it but not change it. */
export function OrganisationSummary({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation('admin');
  const { number } = useFormat();
  const options = useOrganisationOptions(organisation.timeZone);
  const none = t('organisation.notSet');
  const rows: [string, string][] = [
    [t('organisation.fields.name'), organisation.name],
    [t('organisation.fields.acronym'), organisation.acronym ?? none],
    [t('organisation.fields.iatiType'), optionLabel(options.iatiTypes, organisation.iatiType) ?? none],
    [t('organisation.fields.iatiIdentifier'), organisation.iatiIdentifier ?? none],
    [t('organisation.fields.country'), optionLabel(options.countries, organisation.country) ?? none],
    [t('organisation.fields.timeZone'), organisation.timeZone],
    [t('organisation.fields.disclosureThreshold'), number(organisation.disclosureThreshold)],
    [t('organisation.fields.totpRequired'), organisation.totpRequired ? t('yes') : t('no')],
  ];

  return (
    <>
      <Alert color="gray" icon={<IconInfoCircle aria-hidden />} role="status">
        {t('organisation.readOnly')}
      </Alert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <FactList rows={rows.map(([label, value]) => ({ label, value }))} labelWidth={260} />
      </Paper>
    </>
  );
}
