import { z } from 'zod';
import { Timestamp, Uuid, Version } from './common.ts';

export const OrganisationKind = z
  .enum(['member', 'external'])
  .describe('member: has users and owns data; external: a donor or partner without users (EU, IOM)');

const Acronym = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,15}$/, '2 to 16 letters, digits, - or _');

const TimeZone = z
  .string()
  .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'unknown IANA time zone');

export const OrganisationFields = z.strictObject({
  name: z.string().trim().min(1).max(200),
  acronym: Acronym.optional(),
  iatiType: z.string().regex(/^\d{2}$/).optional().describe('IATI OrganisationType code, e.g. 22 (national NGO)'),
  iatiIdentifier: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Za-z0-9_.]+)+$/, 'org-id.guide form, e.g. XM-DAC-47066')
    .optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional().describe('ISO 3166-1 alpha-2'),
  timeZone: TimeZone.optional(),
  disclosureThreshold: z.number().int().min(1).max(100).optional(),
  totpRequired: z
    .boolean()
    .optional()
    .describe('Members must set up a second factor (authenticator app) before using anything else'),
});

export const OrganisationCreate = OrganisationFields.extend({
  id: Uuid.optional(),
  kind: OrganisationKind.default('external'),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationUpdate = OrganisationFields.partial().extend({ version: Version });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const OrganisationView = z.object({
  id: Uuid,
  kind: OrganisationKind,
  name: z.string(),
  acronym: z.string().nullable(),
  iatiType: z.string().nullable(),
  iatiIdentifier: z.string().nullable(),
  country: z.string(),
  timeZone: z.string(),
  disclosureThreshold: z.number().int(),
  totpRequired: z.boolean(),
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OrganisationView = z.infer<typeof OrganisationView>;
