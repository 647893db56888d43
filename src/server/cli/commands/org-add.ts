import { parseArgs } from 'node:util';
import { PERMISSIONS } from '../../../core/permissions.ts';
import { OrganisationCreate } from '../../../core/schemas/organisation.ts';
import { SYSTEM_ORGANISATION_ID, systemActor } from '../../domain/actor.ts';
import { createOrganisation } from '../../domain/organisations/create-organisation.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';
import { withRuntime } from '../with-runtime.ts';

/** `sanad org add --name NAME --acronym ACR [--type CODE] [--external] [--iati-id ID]`: prints the new id. */
export const orgAddCommand: Command = async (ctx) => {
  const { values } = parseArgs({
    args: ctx.args,
    options: {
      name: { type: 'string' },
      acronym: { type: 'string' },
      type: { type: 'string' },
      'iati-id': { type: 'string' },
      country: { type: 'string' },
      'time-zone': { type: 'string' },
      external: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.name || !values.acronym) throw new CliError('Usage: sanad org add --name NAME --acronym ACR [--type CODE]', 2);
  const parsed = OrganisationCreate.safeParse({
    kind: values.external ? 'external' : 'member',
    name: values.name,
    acronym: values.acronym,
    ...(values.type ? { iatiType: values.type } : {}),
    ...(values['iati-id'] ? { iatiIdentifier: values['iati-id'] } : {}),
    ...(values.country ? { country: values.country } : {}),
    ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
  });
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'), 2);
  }
  await withRuntime(ctx, 'org add', async () => {
    const { organisation } = await createOrganisation({
      actor: systemActor(SYSTEM_ORGANISATION_ID, PERMISSIONS),
      input: parsed.data,
    });
    ctx.err(`Created ${organisation.kind} organisation ${organisation.acronym} — ${organisation.name}.`);
    ctx.out(organisation.id);
  });
};
