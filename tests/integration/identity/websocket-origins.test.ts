import { startWorld, type World } from './support/world';
import { connectSocketIo, openCollab, upgradeStatus } from './support/sockets';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const lookAlikes = (origin: string) => {
  const host = new URL(origin).host;
  return {
    foreign: { origin: 'https://evil.example' },
    missing: {},
    null: { origin: 'null' },
    'look-alike suffix': { origin: `http://${host}.evil.example` },
    'look-alike credentials': { origin: `http://${host}@evil.example` },
    'look-alike path': { origin: `${origin}/evil` },
    'look-alike scheme': { origin: `ftp://${host}` },
  } as Record<string, Record<string, string>>;
};

describe('websocket handshakes check Origin before the upgrade', () => {
  it.each(Object.keys(lookAlikes('http://x')))('refuses a collab upgrade with a %s Origin with 403', async (kind) => {
    const headers = lookAlikes(world.origin)[kind];
    const answer = await upgradeStatus(world, `/collab/${world.documentId}`, { ...headers, cookie: world.as.secretariat.cookie! });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe('origin_not_allowed');
  });

  it.each(Object.keys(lookAlikes('http://x')))('refuses a socket.io websocket handshake with a %s Origin with 403', async (kind) => {
    const headers = lookAlikes(world.origin)[kind];
    const answer = await upgradeStatus(world, '/socket.io/?EIO=4&transport=websocket', { ...headers, cookie: world.as.secretariat.cookie! });
    expect(answer.status).toBe(403);
  });

  it('refuses a socket.io polling handshake from a foreign page', async () => {
    const response = await fetch(`${world.server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'https://evil.example', cookie: world.as.secretariat.cookie! },
    });
    expect(response.status).toBe(403);
  });

  it('upgrades the same requests from our own origin', async () => {
    const collab = await openCollab(world, world.as.secretariat, world.documentId);
    collab.ws.close();
    const socket = await connectSocketIo(world, world.as.secretariat);
    expect(socket.connected).toBe(true);
    socket.close();
    const polling = await connectSocketIo(world, world.as.secretariat, { transports: ['polling', 'websocket'] });
    expect(polling.connected).toBe(true);
    polling.close();
  });

  it('accepts exactly the configured origins when ALLOWED_ORIGINS is set', async () => {
    const configured = await startWorld({ ALLOWED_ORIGINS: 'https://concordia.example, https://other.example' });
    try {
      const path = `/collab/${configured.documentId}`;
      const cookie = configured.as.secretariat.cookie!;
      expect((await upgradeStatus(configured, path, { origin: configured.origin, cookie })).status).toBe(403);
      expect((await upgradeStatus(configured, path, { origin: 'https://concordia.example', cookie })).status).toBe(101);
      expect((await upgradeStatus(configured, '/socket.io/?EIO=4&transport=websocket', { origin: 'https://other.example', cookie })).status).toBe(101);
    } finally {
      await configured.stop();
    }
  });
});
