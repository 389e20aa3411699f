import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino), one child logger per service. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
