import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeToken, useTokens, type Token } from '../../api/admin/tokens';
import { useUserDirectory } from '../../api/admin/user-directory';
import { useMe } from '../../api/me';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useFormat } from '../../i18n/format';
import { hasPermission } from './admin-sections';
import { ConfirmModal } from './ConfirmModal';
import { CreateTokenForm } from './CreateTokenForm';
import { LoadMore } from './LoadMore';
import { RequirePermission } from './RequirePermission';
import { useWideLayout } from './use-wide-layout';

/** Personal API tokens (administrators also see, and may revoke, everyone else's). */
export function TokensPage() {
  return (
    <RequirePermission permission="token.manage_own">
      <Tokens />
    </RequirePermission>
  );
}

function Tokens() {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const tokens = useTokens();
  const wide = useWideLayout();
  const [revoking, setRevoking] = useState<Token | null>(null);
  const revoke = useRevokeToken();
  if (!me) return null;
  // The API lists every token of the organisation to those who manage users.
  const everyone = hasPermission(me, 'user.manage');
  const items = tokens.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('tokens.title')}
      </Title>
      <Text c="dimmed">{everyone ? t('tokens.introAdmin') : t('tokens.intro')}</Text>
      <CreateTokenForm />
      <Title order={2} size="h4">
        {everyone ? t('tokens.listTitleAdmin') : t('tokens.listTitle')}
      </Title>
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.error && items.length === 0 ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('tokens.empty')}</EmptyState>
      ) : wide ? (
        <TokensTable tokens={items} showOwner={everyone} onRevoke={setRevoking} />
      ) : (
        <TokenCards tokens={items} showOwner={everyone} onRevoke={setRevoking} />
      )}
      {tokens.error && items.length > 0 && <ErrorState error={tokens.error} onRetry={() => void tokens.fetchNextPage()} />}
      <LoadMore query={tokens} />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        title={t('tokens.revoke.title', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke.confirm')}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <Text size="sm">{t('tokens.revoke.body')}</Text>
      </ConfirmModal>
    </Stack>
  );
}

interface ListProps {
  tokens: Token[];
  showOwner: boolean;
  onRevoke: (token: Token) => void;
}

function useOwnerName() {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const directory = useUserDirectory().data;
  return (token: Token) => (token.accountId === me?.id ? t('tokens.you') : (directory?.get(token.accountId)?.displayName ?? t('unknownUser')));
}

function Prefix({ token }: { token: Token }) {
  return (
    <Code dir="ltr" style={{ whiteSpace: 'nowrap' }}>
      {`${token.prefix}…`}
    </Code>
  );
}

function TokenState({ token, onRevoke }: { token: Token; onRevoke: (token: Token) => void }) {
  const { t } = useTranslation('admin');
  const { dateTime } = useFormat();
  if (token.revokedAt) {
    return (
      <Badge color="gray" variant="dot" tt="none" fw={500}>
        {t('tokens.revokedOn', { date: dateTime(token.revokedAt) })}
      </Badge>
    );
  }
  return (
    <Button size="xs" color="red" variant="light" onClick={() => onRevoke(token)} aria-label={t('tokens.revoke.label', { name: token.name })}>
      {t('tokens.revoke.button')}
    </Button>
  );
}

function TokensTable({ tokens, showOwner, onRevoke }: ListProps) {
  const { t } = useTranslation('admin');
  const { dateTime } = useFormat();
  const ownerName = useOwnerName();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.columns.name')}</Table.Th>
            {showOwner && <Table.Th>{t('tokens.columns.owner')}</Table.Th>}
            <Table.Th>{t('tokens.columns.created')}</Table.Th>
            <Table.Th>{t('tokens.columns.lastUsed')}</Table.Th>
            <Table.Th>{t('tokens.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {token.name}
                </Text>
                <Prefix token={token} />
              </Table.Td>
              {showOwner && <Table.Td>{ownerName(token)}</Table.Td>}
              <Table.Td>{dateTime(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t('tokens.never')}</Table.Td>
              <Table.Td>
                <TokenState token={token} onRevoke={onRevoke} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TokenCards({ tokens, showOwner, onRevoke }: ListProps) {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const { dateTime } = useFormat();
  const ownerName = useOwnerName();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {tokens.map((token) => (
        <Paper key={token.id} withBorder p="sm" component="li">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {token.name}
              </Text>
              <Prefix token={token} />
            </Group>
            {showOwner && <Text size="sm">{token.accountId === me?.id ? t('tokens.ownerLineYou') : t('tokens.ownerLine', { name: ownerName(token) })}</Text>}
            <Text size="sm" c="dimmed">
              {t('tokens.createdLine', { date: dateTime(token.createdAt) })}
            </Text>
            <Text size="sm" c="dimmed">
              {token.lastUsedAt ? t('tokens.lastUsedLine', { date: dateTime(token.lastUsedAt) }) : t('tokens.neverUsed')}
            </Text>
            <Group>
              <TokenState token={token} onRevoke={onRevoke} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
