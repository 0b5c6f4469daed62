import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../server/src/http/errors';
import { refuseUpgrade } from '../../../server/src/http/refuse-upgrade';
import { translator } from '../../../server/src/i18n';
import type { ErrorCode } from '../../../shared/src/error-codes';

let server: http.Server;
let refusal: ErrorCode = 'not_found';

beforeAll(async () => {
  server = http.createServer();
  server.on('upgrade', (req, socket) => refuseUpgrade(socket, req, new AppError(refusal)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Asks for a websocket upgrade and reads the HTTP answer with Node's own parser. */
function upgrade(code: ErrorCode, acceptLanguage?: string): Promise<{ status: number; reason: string; headers: http.IncomingHttpHeaders; body: string }> {
  refusal = code;
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/collab/x',
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}) },
    });
    req.on('upgrade', () => reject(new Error('The upgrade was accepted')));
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode!, reason: res.statusMessage!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('refusing an upgrade', () => {
  it('answers with the status, its reason phrase and the error in the language the person asked for, then closes', async () => {
    const answer = await upgrade('document_unavailable', 'es;q=1, en;q=0');
    expect({ status: answer.status, reason: answer.reason }).toEqual({ status: 503, reason: 'Service Unavailable' });
    expect(answer.headers).toMatchObject({ connection: 'close', 'content-type': 'application/json; charset=utf-8' });
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'document_unavailable', message: translator('es')('document_unavailable') } });
    expect(translator('es')('document_unavailable')).not.toBe(translator('en')('document_unavailable'));
  });

  it("gives every status Node's reason phrase", async () => {
    const cases: Array<[ErrorCode, number, string]> = [
      ['not_found', 404, 'Not Found'],
      ['forbidden', 403, 'Forbidden'],
      ['unauthenticated', 401, 'Unauthorized'],
      ['rate_limited', 429, 'Too Many Requests'],
      ['internal', 500, 'Internal Server Error'],
    ];
    for (const [code, status, reason] of cases) {
      const answer = await upgrade(code);
      expect({ code, status: answer.status, reason: answer.reason }).toEqual({ code, status, reason });
      expect(JSON.parse(answer.body).error).toEqual({ code, message: translator('en')(code) });
    }
  });
});
