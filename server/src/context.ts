import type pg from 'pg';
import type { Env } from './config/env';
import type { Logger } from './logger';
import type { EventBus } from './events';
import type { LiveDocuments } from './collab/live-documents';

/** What every part of the server is built from: configuration, logs, the pool and the event bus. */
export interface AppContext {
  env: Env;
  log: Logger;
  pool: pg.Pool;
  events: EventBus;
  /** The one gateway to the live documents: REST reads and commands use the same Y.Doc clients edit. */
  documents: LiveDocuments;
}
