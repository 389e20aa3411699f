import { z } from 'zod';

/** Thrown by parseConfig; carries every problem found, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Reads configuration from the environment once, at start, against a zod schema.
 * Every problem is reported together so an operator fixes them in one go.
 */
export function parseConfig<T extends z.ZodType>(schema: T, env: Record<string, string | undefined> = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
}

/** parseConfig for a process entry point: prints every problem and exits non-zero. */
export function loadConfigOrExit<T extends z.ZodType>(schema: T, env: Record<string, string | undefined> = process.env): z.infer<T> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Environment variables".\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** A TCP port from an environment variable, with a default. */
export const portVariable = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** A PostgreSQL connection URL. */
export const databaseUrlVariable = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL');

export const logLevelVariable = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
