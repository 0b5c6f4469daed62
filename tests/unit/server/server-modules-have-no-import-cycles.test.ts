/**
 * The server's modules form no import cycle, type imports included: the composition root builds the
 * live-document gateway and hands it down; nothing below imports back up (docs/architecture.md).
 */
import path from 'node:path';
import madge from 'madge';

const ROOT = path.resolve(__dirname, '../../..');

it('finds no circular import in server/src, counting type imports', async () => {
  const graph = await madge(path.join(ROOT, 'server/src'), {
    fileExtensions: ['ts'],
    tsConfig: path.join(ROOT, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(100);
  expect(graph.circular()).toEqual([]);
}, 60_000);
