import express from 'express';
import { requestLanguage } from '../../../server/src/i18n';

/** A plain Node request (a websocket upgrade, a socket.io handshake) and an Express request with the same header. */
const plain = (header?: string) => ({ headers: header === undefined ? {} : { 'accept-language': header } });
const viaExpress = (header?: string) => Object.assign(Object.create(express.request) as express.Request, plain(header));

const cases: Array<[string | undefined, 'en' | 'es']> = [
  ['es;q=1, en;q=0', 'es'],
  ['en;q=0, es', 'es'],
  ['en;q=0', 'en'],
  ['es;q=0', 'en'],
  ['en;q=0, es;q=0', 'en'],
  ['en;q=0, *;q=0.5', 'es'],
  ['en-US;q=0.5, es;q=0.9', 'es'],
  ['fr-CA, fr;q=0.9, es-MX;q=0.5, en;q=0.4', 'es'],
  ['ES', 'es'],
  ['es-419', 'es'],
  ['en-GB', 'en'],
  ['de, fr', 'en'],
  ['*', 'en'],
  ['', 'en'],
  [undefined, 'en'],
];

describe('the interface language of a request', () => {
  it.each(cases)('answers %j with %s, for a plain Node request and an Express request alike', (header, expected) => {
    expect(requestLanguage(plain(header))).toBe(expected);
    expect(requestLanguage(viaExpress(header))).toBe(expected);
  });

  it('asks Express itself when the request is an Express request', () => {
    const req = viaExpress('es');
    const asked = jest.spyOn(req, 'acceptsLanguages');
    expect(requestLanguage(req)).toBe('es');
    expect(asked).toHaveBeenCalledWith(['en', 'es']);
  });

  it('treats q=0 as a refusal, never as the lowest preference', () => {
    for (const header of ['es;q=1, en;q=0', 'en;q=0, es;q=0.001', 'en;q=0.0, es;q=0.1', 'en;q=0.000, es']) {
      expect({ header, lang: requestLanguage(plain(header)) }).toEqual({ header, lang: 'es' });
    }
  });
});
