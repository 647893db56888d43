import { z } from 'zod';
import { ROLES } from '../permissions.ts';
import { Locale, Timestamp, Uuid, Version } from './common.ts';

export const RoleSchema = z.enum(ROLES);
const Email = z.email().max(320).transform((e) => e.trim().toLowerCase());
const DisplayName = z.string().trim().min(1).max(120);

export const UserCreate = z.strictObject({
  id: Uuid.optional().describe('Account id; ignored when the email already has an account'),
  email: Email,
  displayName: DisplayName,
  locale: Locale.optional(),
  roles: z.array(RoleSchema).min(1).max(ROLES.length),
  password: z.string().max(256).optional().describe('Omit to have a random one generated and returned once'),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.strictObject({
  version: Version,
  displayName: DisplayName.optional(),
  locale: Locale.optional(),
  roles: z.array(RoleSchema).min(1).max(ROLES.length).optional(),
  active: z.boolean().optional().describe('false deactivates the membership: sessions and tokens end'),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserView = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  roles: z.array(RoleSchema),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean().describe('The user has a second factor (an administrator can reset it: POST /users/{id}/totp/reset)'),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type UserView = z.infer<typeof UserView>;

export const UserCreated = UserView.extend({
  initialPassword: z.string().nullable().describe('Shown once when Sanad generated the password'),
});

export const PasswordReset = z.strictObject({
  password: z.string().max(256).optional().describe('Omit to have a random one generated and returned once'),
});

export const PasswordResetResult = z.object({
  password: z.string().nullable().describe('The generated password, shown once; null when the administrator chose it'),
});
