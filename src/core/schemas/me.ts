import { z } from 'zod';
import { PERMISSIONS } from '../permissions.ts';
import { Locale, Uuid } from './common.ts';
import { RoleSchema } from './user.ts';

export const LoginBody = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(1024),
  totp: z.string().max(12).optional().describe('The 6-digit code of the authenticator app, for an account with a second factor'),
  recoveryCode: z
    .string()
    .max(64)
    .optional()
    .describe('One of the recovery codes (xxxx-xxxx-xxxx), instead of `totp`; each works once. Ignored when `totp` is given'),
});

export const MeView = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  organisationId: Uuid.describe('The active organisation'),
  roles: z.array(RoleSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
  instanceAdmin: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean().describe('The account has a second factor (authenticator app)'),
  totpRequired: z.boolean().describe('The active organisation requires a second factor of its members'),
  mustEnrolTotp: z
    .boolean()
    .describe('Required and not set up: until it is, a session may only use /me, logout, the password change and the set-up'),
  recoveryCodesRemaining: z
    .number()
    .int()
    .nullable()
    .describe('Unused recovery codes; null without a second factor'),
  organisations: z
    .array(z.object({ id: Uuid, name: z.string(), acronym: z.string().nullable(), roles: z.array(RoleSchema) }))
    .describe('Organisations this user may switch to'),
});
export type MeView = z.infer<typeof MeView>;

export const LoginResponse = MeView.extend({
  csrfToken: z.string().describe('Send it as X-CSRF-Token on cookie-authenticated changes (also in the sanad_csrf cookie)'),
});

export const PasswordChange = z.strictObject({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});

export const MeUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: Locale.optional(),
});

export const SwitchOrganisation = z.strictObject({ organisationId: Uuid });

export const TotpEnrolmentView = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator app by hand'),
  otpauthUri: z.string().describe('otpauth://totp/… (SHA1, 6 digits, 30 s), what the QR code holds'),
  qrSvg: z.string().describe('The QR code of otpauthUri as an SVG document'),
});

export const TotpCode = z.strictObject({
  code: z.string().max(12).describe('The 6-digit code the authenticator app shows for the new secret'),
});

export const RecoveryCodesView = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten one-time codes (xxxx-xxxx-xxxx): shown once, only their hashes are kept'),
});

export const CurrentPassword = z.strictObject({ currentPassword: z.string().max(1024) });
