import pino from 'pino';
import type { Logger } from '../../server/src/logger';

/** Tests log nothing unless TEST_LOG_LEVEL asks for it. */
export function quietLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
}
