import type { Router } from 'express';
import { startWorld, type World } from './support/world';
import { apiRouters } from '../../../server/src/routes';
import type { AppContext } from '../../../server/src/context';
import { requestAs } from '../../utils/people';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method + path the /api routers really mount, read from Express itself. */
function mountedRoutes(routers: Router[]): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method} /api${layer.route.path}`.replace(/:(\w+)/g, '{$1}'));
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(routers.map((r) => ({ handle: r as unknown as { stack: Layer[] } })));
  return found.sort();
}

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

describe('/api/openapi.json', () => {
  it('describes every mounted route, and nothing that is not mounted', async () => {
    const answer = await requestAs(world.server, world.as.anonymous, 'GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    const described = Object.entries(answer.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort();
    expect(described).toEqual(mountedRoutes(apiRouters({} as AppContext)));
    expect(described).toEqual(
      expect.arrayContaining(['post /api/auth/login', 'get /api/me', 'get /api/documents/{documentId}', 'post /api/invitations/{token}/accept']),
    );
  });

  it('gives each operation its parameters, body, answers, and every schema it refers to', async () => {
    const spec = (await requestAs(world.server, world.as.anonymous, 'GET', '/api/openapi.json')).body;
    const text = JSON.stringify(spec);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(spec.components.schemas[name]).toBeDefined();
    const create = spec.paths['/api/documents/{documentId}/participants'].post;
    expect(create.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:documentId', 'header:x-csrf-token']);
    expect(create.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['code', 'name', 'color'],
    });
    expect(Object.keys(create.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '423', '429', '500']);
    expect(create.description).toMatch(/document\.manage/);
    const login = spec.paths['/api/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(login.responses['429']).toBeDefined();
  });
});
