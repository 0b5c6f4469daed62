/**
 * Refusing a websocket upgrade (collab, socket.io) before any websocket exists. All the client can
 * still read then is an HTTP response written on the raw socket, so it gets the same status and
 * `{ error: { code, message } }` body as the REST API, in the person's language, and the connection
 * is closed. The reason phrase is Node's own (STATUS_CODES), so every status has the right one.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppError } from './errors';
import { requestLanguage, translator } from '../i18n';

export function refuseUpgrade(socket: Duplex, req: IncomingMessage, error: AppError): void {
  const message = translator(requestLanguage(req))(error.code, error.params);
  const body = JSON.stringify({ error: { code: error.code, message } });
  const head = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  // A client that hangs up first must not turn the refusal into an uncaught 'error'.
  socket.on('error', () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
