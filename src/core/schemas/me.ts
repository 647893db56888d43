import { z } from 'zod';
import { PERMISSIONS } from '../permissions.ts';
import { Locale, Uuid } from './common.ts';
import { RoleSchema } from './user.ts';

export const LoginBody = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(1024),
  totp: z.string().max(12).optional().describe('Second-factor code, when enrolled (web-app issue)'),
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
