/**
 * The one call of `accepts` (Express's own content negotiation, which ships without types) that
 * i18n.ts makes, typed here because @types/accepts is not among our dependencies.
 */
declare module 'accepts' {
  import type { IncomingMessage } from 'node:http';

  interface Accepts {
    /** The first of `offered` the Accept-Language header ranks highest; false when it refuses them all. */
    languages(offered: string[]): string | false;
  }

  function accepts(req: Pick<IncomingMessage, 'headers'>): Accepts;
  export = accepts;
}
