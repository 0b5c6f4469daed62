import type pg from 'pg';
import type { Env } from './config/env';
import type { Logger } from './logger';
import type { EventBus } from './events';
import type { DocumentRegistry } from './collab/document-registry';

/** What every part of the server is built from: configuration, logs, the pool and the event bus. */
export interface AppContext {
  env: Env;
  log: Logger;
  pool: pg.Pool;
  events: EventBus;
  /** The live documents (set once the collab endpoint is attached): REST reads and commands use the same Y.Doc clients edit. */
  documents?: DocumentRegistry;
}
