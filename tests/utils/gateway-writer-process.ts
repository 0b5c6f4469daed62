/**
 * A whole Concordia in its own process (configured from the environment, like main.ts) that writes
 * through its live-document gateway on command, so a test can kill it with SIGKILL right after a
 * server-side write resolved. Each stdin line `write <documentId> <clauseId> <text>` appends `text` to
 * the clause's English text as a server change; `committed <text>` is printed once the write resolved.
 */
import readline from 'node:readline';
import * as Y from 'yjs';
import { loadEnv } from '../../server/src/config/env';
import { createConcordia } from '../../server/src/concordia';
import { createLogger } from '../../server/src/logger';
import { serverOrigin } from '../../server/src/collab/origins';
import { clauseFragment } from '../../shared/src/index';

async function main(): Promise<void> {
  const env = loadEnv();
  const concordia = await createConcordia({ env, log: createLogger(env.LOG_LEVEL) });
  const address = await concordia.listen();
  process.stdout.write(`\nConcordia is running at http://localhost:${address.port}\n`);
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, documentId, clauseId, text] = line.trim().split(' ');
    if (command !== 'write') return;
    void concordia.ctx.documents
      .write(documentId, serverOrigin('command'), (apply) =>
        apply((doc) => {
          const paragraph = clauseFragment(doc, clauseId, 'en').get(0) as Y.XmlElement;
          const target = paragraph.get(0) as Y.XmlText;
          target.insert(target.length, text);
        }),
      )
      .then(
        () => process.stdout.write(`committed ${text}\n`),
        (err: unknown) => process.stdout.write(`failed ${text} ${String(err)}\n`),
      );
  });
}

void main();
