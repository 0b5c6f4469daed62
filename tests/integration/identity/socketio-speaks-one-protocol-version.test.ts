/**
 * socket.io is typed end to end by shared/src/protocol.ts and versioned: a page that speaks another
 * version of the events (loaded before an upgrade) is refused at the handshake with client_outdated,
 * in the person's language, and reloads; the current version connects.
 */
import { io, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../../utils/test-server';
import { DEMO_EMAILS, signIn, type Person } from '../../utils/people';
import { PROTOCOL_VERSION } from '../../../shared/src/protocol';

let server: TestServer;
let person: Person;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer({ DEMO: '1' });
  person = await signIn(server, DEMO_EMAILS.sv, { lang: 'es' });
  await person.request('PATCH', '/api/me', { uiLanguage: 'es' });
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
});

function connect(protocol: unknown): Promise<{ connected: true } | { code: string; message: string }> {
  const socket = io(server.url, {
    transports: ['websocket'],
    extraHeaders: { Cookie: person.cookie, Origin: server.url },
    reconnection: false,
    auth: { protocol },
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error: Error & { data?: { code: string; message: string } }) =>
      resolve(error.data ?? { code: 'none', message: error.message }),
    );
  });
}

it('connects a client of the current protocol version', async () => {
  expect(await connect(PROTOCOL_VERSION)).toEqual({ connected: true });
});

it('refuses a client of another version with client_outdated, in the person’s language', async () => {
  expect(await connect(PROTOCOL_VERSION + 1)).toEqual({
    code: 'client_outdated',
    message: 'Concordia se ha actualizado. Vuelva a cargar la página para continuar.',
  });
});
