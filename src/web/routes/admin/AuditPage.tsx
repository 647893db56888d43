import { Badge, Button, Collapse, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuditEvents, type AuditEvent, type AuditFilter } from '../../api/admin/audit';
import { useOrganisation } from '../../api/admin/organisation';
import { useMe } from '../../api/me';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useFormat } from '../../i18n/format';
import { AuditEventModal } from './AuditEventModal';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from './AuditFilters';
import { auditActionLabel } from './audit-vocabulary';
import { LoadMore } from './LoadMore';
import { RequirePermission } from './RequirePermission';
import { useAuditDescribers } from './use-audit-describers';
import { useWideLayout } from './use-wide-layout';
import { startOfDayIn } from './zoned-time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof AuditFilterValues)[];

/** The organisation's audit trail, newest first, with the API's filters kept in the address (linkable). */
export function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <AuditTrail />
    </RequirePermission>
  );
}

function filtersFrom(params: URLSearchParams): AuditFilterValues {
  const values = { ...NO_FILTERS };
  for (const key of FILTER_KEYS) values[key] = params.get(key) ?? '';
  return values;
}

/** The query the API takes: known shapes only, calendar days turned into instants in the organisation's zone. */
function apiFilter(values: AuditFilterValues, timeZone: string): AuditFilter {
  const filter: AuditFilter = {};
  if (values.action) filter.action = values.action.slice(0, 100);
  if (values.targetType) filter.targetType = values.targetType.slice(0, 50);
  if (values.targetId) filter.targetId = values.targetId.slice(0, 100);
  if (UUID.test(values.actor)) filter.actorAccountId = values.actor;
  if (DAY.test(values.from)) filter.from = startOfDayIn(values.from, timeZone);
  if (DAY.test(values.to)) filter.to = startOfDayIn(values.to, timeZone, 1);
  return filter;
}

function AuditTrail() {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const organisation = useOrganisation(me?.organisationId);
  const [params, setParams] = useSearchParams();
  const wide = useWideLayout();
  const values = filtersFrom(params);
  const activeCount = FILTER_KEYS.filter((key) => values[key] !== '').length;
  const [filtersOpen, setFiltersOpen] = useState<boolean | null>(null);
  const [openEvent, setOpenEvent] = useState<string | null>(null);
  const showFilters = filtersOpen ?? (wide || activeCount > 0);

  const apply = (next: AuditFilterValues) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]);
    setParams(search, { replace: false });
  };

  // Times show in the organisation's zone; the browser's serves only if the profile cannot be read.
  const timeZone = organisation.data?.timeZone ?? (organisation.isError ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Text c="dimmed">{t('audit.intro')}</Text>
      {timeZone && <Text size="sm">{t('audit.timeZoneNote', { timeZone })}</Text>}
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconFilter size={18} aria-hidden />}
          onClick={() => setFiltersOpen(!showFilters)}
          aria-expanded={showFilters}
          aria-controls="audit-filters"
          rightSection={
            activeCount > 0 ? (
              <Badge size="sm" circle color="dark">
                {activeCount}
              </Badge>
            ) : undefined
          }
        >
          {showFilters ? t('audit.filters.hide') : t('audit.filters.show')}
        </Button>
      </Group>
      <Collapse expanded={showFilters} id="audit-filters">
        <AuditFilters key={params.toString()} value={values} onApply={apply} />
      </Collapse>
      {timeZone ? (
        <AuditList filter={apiFilter(values, timeZone)} timeZone={timeZone} wide={wide} onOpen={setOpenEvent} />
      ) : (
        <LoadingState />
      )}
      <AuditEventModal
        eventId={openEvent}
        timeZone={timeZone}
        onClose={() => setOpenEvent(null)}
        onFilter={(filter) => {
          setOpenEvent(null);
          apply({ ...NO_FILTERS, ...filter });
        }}
      />
    </Stack>
  );
}

interface ListProps {
  filter: AuditFilter;
  timeZone: string;
  wide: boolean;
  onOpen: (id: string) => void;
}

function AuditList({ filter, timeZone, wide, onOpen }: ListProps) {
  const { t } = useTranslation('admin');
  const events = useAuditEvents(filter);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  if (events.isPending) return <LoadingState />;
  if (events.error && items.length === 0) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  if (items.length === 0) return <EmptyState>{t('audit.empty')}</EmptyState>;
  return (
    <>
      {wide ? <AuditTable events={items} timeZone={timeZone} onOpen={onOpen} /> : <AuditCards events={items} timeZone={timeZone} onOpen={onOpen} />}
      {events.error && <ErrorState error={events.error} onRetry={() => void events.fetchNextPage()} />}
      <LoadMore query={events} />
    </>
  );
}

function DetailsButton({ event, onOpen }: { event: AuditEvent; onOpen: (id: string) => void }) {
  const { t } = useTranslation('admin');
  const { number } = useFormat();
  return (
    <Button size="xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => onOpen(event.id)} aria-label={t('audit.detailsOf', { seq: number(event.seq) })}>
      {t('audit.details')}
    </Button>
  );
}

function AuditTable({ events, timeZone, onOpen }: { events: AuditEvent[]; timeZone: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation('admin');
  const { dateTime } = useFormat();
  const describe = useAuditDescribers();
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.time')}</Table.Th>
            <Table.Th>{t('audit.columns.actor')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.target')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(event.occurredAt, timeZone)}</Table.Td>
              <Table.Td>{describe.actor(event)}</Table.Td>
              <Table.Td>{auditActionLabel(t, event.action)}</Table.Td>
              <Table.Td>{describe.target(event)}</Table.Td>
              <Table.Td>
                <DetailsButton event={event} onOpen={onOpen} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AuditCards({ events, timeZone, onOpen }: { events: AuditEvent[]; timeZone: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation('admin');
  const { dateTime } = useFormat();
  const describe = useAuditDescribers();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {events.map((event) => (
        <Paper key={event.id} withBorder p="sm" component="li">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {auditActionLabel(t, event.action)}
              </Text>
              <Text size="xs" c="dimmed">
                {dateTime(event.occurredAt, timeZone)}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {event.actorKind === 'user' || event.actorKind === 'token' ? t('audit.byLine', { actor: describe.actor(event) }) : describe.actor(event)}
              </Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {describe.target(event)}
              </Text>
            </Stack>
            <DetailsButton event={event} onOpen={onOpen} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
