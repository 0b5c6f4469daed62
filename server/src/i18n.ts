import type http from 'node:http';
import type { Request } from 'express';
import accepts from 'accepts';
import i18next, { type TFunction } from 'i18next';
import { resources, NAMESPACES } from '../../shared/locales';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/src/languages';

export { UI_LANGUAGES, type UiLanguage };

const instance = i18next.createInstance();
void instance.init({
  resources,
  ns: NAMESPACES,
  defaultNS: 'errors',
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The server's translator for one language: API errors are answered in the person's language. */
export function translator(lang: UiLanguage, ns: string = 'errors'): TFunction {
  return instance.getFixedT(lang, ns);
}

/**
 * The interface language a request asks for in its Accept-Language header, by the negotiation Express
 * itself uses (`accepts`): languages ranked by q-value, a regional tag (`es-MX`) matching its language,
 * `q=0` a refusal — so `es;q=1, en;q=0` is Spanish and never English. English when the header names
 * neither language or refuses both. Express requests ask Express; websocket upgrades and socket.io
 * handshakes, plain Node requests, ask `accepts` directly.
 */
export function requestLanguage(req: Pick<http.IncomingMessage, 'headers'>): UiLanguage {
  const offered = [...UI_LANGUAGES];
  const picked = isExpressRequest(req) ? req.acceptsLanguages(offered) : accepts(req).languages(offered);
  return isUiLanguage(picked) ? picked : 'en';
}

function isExpressRequest(req: Pick<http.IncomingMessage, 'headers'>): req is Request {
  return typeof (req as Partial<Request>).acceptsLanguages === 'function';
}
