import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../api/admin/user-directory';
import { auditActionLabel, KNOWN_AUDIT_ACTIONS, KNOWN_TARGET_TYPES, targetTypeLabel } from './audit-vocabulary';

/** The filters as the page's URL keeps them (dates are calendar days in the organisation's time zone). */
export interface AuditFilterValues {
  action: string;
  targetType: string;
  targetId: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: '', targetType: '', targetId: '', actor: '', from: '', to: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit filters the API supports; applied with a button (one request, not one per keystroke). */
export function AuditFilters({ value, onApply }: { value: AuditFilterValues; onApply: (filters: AuditFilterValues) => void }) {
  const { t } = useTranslation('admin');
  const directory = useUserDirectory().data;
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilterValues) => (next: string | null) => setDraft((current) => ({ ...current, [key]: next ?? '' }));

  const datesInverted = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const knownActions = KNOWN_AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(t, action) }));
  const actions = draft.action && !knownActions.some((a) => a.value === draft.action) ? [...knownActions, { value: draft.action, label: draft.action }] : knownActions;
  const targetTypes = KNOWN_TARGET_TYPES.map((type) => ({ value: type, label: targetTypeLabel(t, type) }));
  const actors = [...(directory?.entries() ?? [])]
    .map(([id, entry]) => ({ value: id, label: entry.displayName }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (draft.actor && UUID.test(draft.actor) && !actors.some((a) => a.value === draft.actor)) actors.push({ value: draft.actor, label: draft.actor });

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!datesInverted) onApply({ ...draft, targetId: draft.targetId.trim() });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
          <Select size="md" label={t('audit.filters.action')} data={actions} value={draft.action || null} onChange={set('action')} searchable clearable nothingFoundMessage={t('nothingFound')} />
          <Select size="md" label={t('audit.filters.actor')} data={actors} value={draft.actor || null} onChange={set('actor')} searchable clearable nothingFoundMessage={t('nothingFound')} />
          <Select size="md" label={t('audit.filters.targetType')} data={targetTypes} value={draft.targetType || null} onChange={set('targetType')} clearable />
          <TextInput
            label={t('audit.filters.targetId')}
            description={t('audit.filters.targetIdHint')}
            dir="ltr"
            maxLength={100}
            value={draft.targetId}
            onChange={(event) => set('targetId')(event.currentTarget.value)}
          />
          <TextInput label={t('audit.filters.from')} type="date" value={draft.from} onChange={(event) => set('from')(event.currentTarget.value)} />
          <TextInput
            label={t('audit.filters.to')}
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => set('to')(event.currentTarget.value)}
            error={datesInverted ? t('audit.filters.datesInverted') : undefined}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              setDraft(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
          >
            {t('audit.filters.clear')}
          </Button>
          <Button type="submit" disabled={datesInverted}>
            {t('audit.filters.apply')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
