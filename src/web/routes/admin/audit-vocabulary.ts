import type { TFunction } from 'i18next';

/**
 * The audit actions the server records today (grep `tx.audit(` in src/server), offered in the action filter.
 * An action missing here still shows, as its raw code; personal-data reads are `<type>.read`.
 */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.totp_required',
  'auth.recovery_code_used',
  'auth.password_changed',
  'auth.organisation_switched',
  'auth.totp_enrolment_started',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'auth.recovery_codes_regenerated',
  'account.profile_updated',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.totp_reset',
  'organisation.created',
  'organisation.updated',
  'organisation.deleted',
  'token.created',
  'token.revoked',
  'job.started',
  'job.cancel_requested',
] as const;

export const KNOWN_TARGET_TYPES = ['account', 'organisation', 'api_token', 'job'] as const;

/** The action in the reader's language, or its code when this version of the app does not know it. */
export function auditActionLabel(t: TFunction<'admin'>, action: string): string {
  // returnObjects: a code that is a prefix of others ("auth") resolves to an object, not a label.
  const label: unknown = t(`audit.actions.${action}`, { defaultValue: '', returnObjects: true });
  if (typeof label === 'string' && label !== '') return label;
  // Reads of personal data are audited as `<record type>.read` (audit-personal-data.ts).
  const read = /^([a-z_]+)\.read$/.exec(action);
  if (read) return t('admin:audit.personalDataRead', { type: targetTypeLabel(t, read[1]!) });
  return action;
}

export function targetTypeLabel(t: TFunction<'admin'>, targetType: string): string {
  const label: unknown = t(`audit.targetTypes.${targetType}`, { defaultValue: '', returnObjects: true });
  return typeof label === 'string' && label !== '' ? label : targetType;
}

/** The first block of a UUID: enough to tell records apart on screen. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
