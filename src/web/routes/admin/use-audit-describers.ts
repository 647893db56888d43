import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/admin/audit';
import { useUserDirectory } from '../../api/admin/user-directory';
import { useMe } from '../../api/me';
import { shortId, targetTypeLabel } from './audit-vocabulary';

/** Words for who did it and what it was about: member names where known, short ids otherwise. */
export function useAuditDescribers() {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const directory = useUserDirectory().data;
  const organisation = me?.organisations.find((o) => o.id === me.organisationId);

  const accountName = (id: string) => directory?.get(id)?.displayName ?? shortId(id);

  const actor = (event: Pick<AuditEvent, 'actorKind' | 'actorAccountId'>): string => {
    if (event.actorKind === 'system') return t('audit.actorKinds.system');
    if (event.actorKind === 'anonymous' || !event.actorAccountId) return t('audit.actorKinds.anonymous');
    const name = accountName(event.actorAccountId);
    return event.actorKind === 'token' ? t('audit.viaToken', { name }) : name;
  };

  const targetName = (event: Pick<AuditEvent, 'targetType' | 'targetId'>): string | null => {
    if (!event.targetId) return null;
    if (event.targetType === 'account') return accountName(event.targetId);
    if (event.targetType === 'organisation' && event.targetId === organisation?.id) return organisation.name;
    return shortId(event.targetId);
  };

  const target = (event: Pick<AuditEvent, 'targetType' | 'targetId'>): string => {
    if (!event.targetType) return t('audit.noTarget');
    const name = targetName(event);
    const type = targetTypeLabel(t, event.targetType);
    return name ? t('audit.targetLine', { type, name }) : type;
  };

  return { actor, target, accountName };
}
