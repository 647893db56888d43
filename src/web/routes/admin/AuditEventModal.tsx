import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditEvent } from '../../api/admin/audit';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../i18n/format';
import { auditActionLabel } from './audit-vocabulary';
import { FactList } from './FactList';
import { useAuditDescribers } from './use-audit-describers';
import { useWideLayout } from './use-wide-layout';

/** One audit event in full (GET /audit-events/{id}), its payload as formatted JSON. */
export function AuditEventModal({
  eventId,
  timeZone,
  onClose,
  onFilter,
}: {
  eventId: string | null;
  timeZone: string | undefined;
  onClose: () => void;
  onFilter: (filter: { targetType?: string; targetId?: string; actor?: string }) => void;
}) {
  const { t } = useTranslation('admin');
  const { dateTime, number } = useFormat();
  const query = useAuditEvent(eventId);
  const describe = useAuditDescribers();
  const wide = useWideLayout();

  return (
    <Modal
      opened={eventId !== null}
      onClose={onClose}
      title={t('audit.detail.title')}
      size="xl"
      fullScreen={!wide}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <QueryState query={query}>
        {(event) => (
          <Stack gap="md">
            <FactList
              labelWidth={180}
              rows={[
                { label: t('audit.columns.time'), value: dateTime(event.occurredAt, timeZone) },
                { label: t('audit.detail.sequence'), value: number(event.seq) },
                { label: t('audit.columns.actor'), value: describe.actor(event) },
                {
                  label: t('audit.columns.action'),
                  value: (
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">{auditActionLabel(t, event.action)}</Text>
                      <Code dir="ltr">{event.action}</Code>
                    </Stack>
                  ),
                },
                {
                  label: t('audit.columns.target'),
                  value: (
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">{describe.target(event)}</Text>
                      {event.targetId && (
                        <Code dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                          {event.targetId}
                        </Code>
                      )}
                    </Stack>
                  ),
                },
                { label: t('audit.detail.ip'), value: event.ip ? <Code dir="ltr">{event.ip}</Code> : t('audit.detail.noIp') },
              ]}
            />
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t('audit.detail.payload')}
              </Text>
              {event.payload === null || event.payload === undefined ? (
                <Text size="sm" c="dimmed">
                  {t('audit.detail.noPayload')}
                </Text>
              ) : (
                <Code block dir="ltr" style={{ maxHeight: '50vh', overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} tabIndex={0}>
                  {JSON.stringify(event.payload, null, 2)}
                </Code>
              )}
            </Stack>
            <Group gap="sm">
              {event.targetType && event.targetId && (
                <Button variant="default" size="sm" onClick={() => onFilter({ targetType: event.targetType!, targetId: event.targetId! })}>
                  {t('audit.detail.sameTarget')}
                </Button>
              )}
              {event.actorAccountId && (
                <Button variant="default" size="sm" onClick={() => onFilter({ actor: event.actorAccountId! })}>
                  {t('audit.detail.sameActor')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
