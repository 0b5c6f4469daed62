import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppError } from '../http/errors';
import { languageFromHeader, translator } from '../i18n';

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Answers an upgrade request with an HTTP error before any websocket exists. */
export function refuseUpgrade(socket: Duplex, req: http.IncomingMessage, error: AppError): void {
  const message = translator(languageFromHeader(req.headers['accept-language']))(error.code, error.params);
  const body = JSON.stringify({ error: { code: error.code, message } });
  socket.on('error', () => socket.destroy());
  socket.end(`HTTP/1.1 ${error.status} ${STATUS_TEXT[error.status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
