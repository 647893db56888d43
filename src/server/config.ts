import { resolve, join } from 'node:path';
import { z } from 'zod';

/**
 * The whole of Sanad's configuration: one zod schema over the environment, parsed once at start-up.
 * No other module reads `process.env` (STYLE §6); the parsed object is passed down.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    SANAD_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    SANAD_KEY_FILE: z.string().min(1).optional(),
    SANAD_TRUST_PROXY: booleanFlag.default(false),
    SANAD_DEMO: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .transform((env) => {
    const dataDir = resolve(env.SANAD_DATA_DIR);
    return {
      port: env.PORT,
      host: env.HOST,
      dataDir,
      databaseUrl: env.DATABASE_URL,
      keyFile: resolve(env.SANAD_KEY_FILE ?? join(dataDir, 'sanad.key')),
      trustProxy: env.SANAD_TRUST_PROXY,
      /** undefined: decide by the first-run rules of DESIGN §7. */
      demo: env.SANAD_DEMO,
      logLevel: env.LOG_LEVEL,
    };
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError listing every problem in readable form. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const empty = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(empty);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  return result.data;
}
