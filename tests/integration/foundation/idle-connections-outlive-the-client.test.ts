/**
 * A keep-alive connection left idle is closed by the client (or the proxy), not by the server under
 * its feet. In one CI run a request failed with ECONNRESET after its test had spent seconds verifying
 * a PDF between two requests on one connection; with Node's 5 s default the server may close a
 * connection the client is about to reuse. The server announces a timeout above the usual 60 s of
 * proxies, and one raw TCP connection, idle for 6 s, is still open and serves a second request.
 */
import net from 'node:net';
import { startTestServer, type TestServer } from '../../utils/test-server';
import { sleep } from '../../utils/wait';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** Sends one GET on the socket and resolves with the response head once a full response has arrived. */
function get(socket: net.Socket, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(received);
      if (end >= 0 && length && received.length >= end + 4 + Number(length[1])) {
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(received.slice(0, end));
      }
    };
    const onClose = () => reject(new Error('the server closed the connection'));
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`);
  });
}

it("keeps a connection idle longer than Node's default 5 seconds open, and answers on it", async () => {
  const { hostname, port } = new URL(server.url);
  const socket = net.connect(Number(port), hostname);
  let closed = false;
  socket.on('close', () => {
    closed = true;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  try {
    const first = await get(socket, `${hostname}:${port}`);
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(first).toMatch(/keep-alive: timeout=6\d/i);
    await sleep(6_000);
    expect(closed).toBe(false);
    expect(await get(socket, `${hostname}:${port}`)).toMatch(/^HTTP\/1\.1 200/);
  } finally {
    socket.destroy();
  }
}, 20_000);
