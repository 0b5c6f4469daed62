import fs from 'node:fs';

interface Embedded {
  db: { close(): Promise<void> };
  server: { stop(): Promise<void> };
  dir: string;
}

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__CONCORDIA_PGLITE__ as Embedded | undefined;
  if (!embedded) return;
  await embedded.server.stop();
  await embedded.db.close();
  fs.rmSync(embedded.dir, { recursive: true, force: true });
}
