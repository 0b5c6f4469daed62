/**
 * A body over the limit (`POST /api/verify` above 25 MiB, a JSON body above 1 MB) is answered 413 with
 * `Connection: close`, and the server then closes the connection: the client's next request, on the
 * same keep-alive connection, never waits forever behind the unread rest of the body.
 */
import net from 'node:net';
import { startTestServer, type TestServer } from '../../utils/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface Exchange {
  /** Everything the server sent, as text. */
  received(): string;
  closed: Promise<void>;
  socket: net.Socket;
}

/** A raw keep-alive connection that sends `head` and then `bodyBytes` bytes of body, as fast as the server reads them. */
function sendLarge(head: string, bodyBytes: number): Exchange {
  const socket = net.connect(server.port, '127.0.0.1');
  let text = '';
  socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('connect', () => {
    socket.write(head);
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bodyBytes && !socket.destroyed) {
        const n = Math.min(chunk.length, bodyBytes - sent);
        sent += n;
        if (!socket.write(chunk.subarray(0, n))) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
  return { received: () => text, closed, socket };
}

const headOf = (path: string, type: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\nConnection: keep-alive\r\n\r\n`;

/** Resolves with what happened to the connection within `ms`: closed by the server, or still open. */
const outcome = (exchange: Exchange, ms: number) =>
  Promise.race([exchange.closed.then(() => 'closed' as const), new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))]);

describe.each([
  ['POST /api/verify above 25 MiB', '/api/verify', 'application/octet-stream', 40 * 1024 * 1024],
  ['a JSON body above 1 MB', '/api/auth/login', 'application/json', 8 * 1024 * 1024],
])('%s', (_, path, type, length) => {
  it('is answered 413 with Connection: close, and the connection is closed rather than left hanging', async () => {
    const exchange = sendLarge(headOf(path, type, length), length);
    try {
      expect(await outcome(exchange, 10_000)).toBe('closed');
      const [head, body] = exchange.received().split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 413 /);
      expect(head).toMatch(/\r\nConnection: close\r\n/i);
      expect(JSON.parse(body)).toMatchObject({ error: { code: 'payload_too_large' } });
    } finally {
      exchange.socket.destroy();
    }
  });

  it('lets a request sent after it on the same connection be answered or refused at once, never wait', async () => {
    const exchange = sendLarge(headOf(path, type, length), length);
    try {
      while (!/\r\n\r\n/.test(exchange.received())) await new Promise((r) => setTimeout(r, 20));
      if (!exchange.socket.destroyed) exchange.socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      expect(await outcome(exchange, 5_000)).toBe('closed');
    } finally {
      exchange.socket.destroy();
    }
  });

  it('leaves the server answering new connections', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
