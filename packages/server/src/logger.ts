import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Log levels `LOYALTY_LOG_LEVEL` accepts; `silent` logs nothing. */
export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** One JSON object a line on standard output, the format log collectors read without a parser of their own. */
export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({ level, base: { service: 'loyalty-api' } });
}
