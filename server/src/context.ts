import type pg from 'pg';
import type { Env } from './config/env';
import type { Logger } from './logger';
import type { EventBus } from './events';

/** What every part of the server is built from: configuration, logs, the pool and the event bus. */
export interface AppContext {
  env: Env;
  log: Logger;
  pool: pg.Pool;
  events: EventBus;
}
