/**
 * A seeded fuzz of the collab endpoint as an attacker would drive it: real updates and awareness
 * messages recorded from an honest stock client are mutated (bits flipped, bytes cut, inserted,
 * repeated, two frames spliced) and sent by a hostile writer and a hostile reader over raw sockets,
 * reopened whenever the server closes them, while the honest writer keeps editing. After the seed the
 * server still answers, the honest clients are still connected and converge, and the document
 * PostgreSQL rebuilds is the one they hold.
 *
 * Used by tests/collab/hostile-frames-never-break-the-document.test.ts (a bounded number of frames
 * per seed, in CI) and bench/collab/hostile-fuzz.ts (a million frames, against a server process).
 */
import * as Y from 'yjs';
import type pg from 'pg';
import { connectClient, type CollabClient } from './collab-client';
import { collabFrame, openRawSocket, type RawCollabSocket } from './raw-collab-socket';
import { randomEdit, sameState, seedClauses, waitForConvergence } from './clause-edits';
import { docFromDatabase } from './factories';
import type { Random } from './prng';
import { sleep, waitFor } from './wait';

export interface FuzzTarget {
  /** http://host:port */
  url: string;
  wsUrl: string;
  /** The server's own database (its schema), to rebuild the document from it. */
  pool: pg.Pool;
  /** Resolves when everything the server received is committed (in-process: the update log; else a short wait). */
  idle(): Promise<void>;
}

export interface FuzzPeople {
  /** An honest writer (a stock client), and a bystander reading along. */
  writerCookie: string;
  bystanderCookie: string;
  /** Who the hostile sockets are: a writer, and a reader (who may not change the text). */
  hostileWriterCookie: string;
  hostileReaderCookie: string;
}

export interface SeedOutcome {
  sent: number;
  reopened: number;
}

/** How a frame is mutated; the seed decides, so a failure replays. */
export function mutateFrame(random: Random, frame: Uint8Array, other: Uint8Array): Uint8Array {
  const bytes = Array.from(frame);
  const at = () => random.int(bytes.length + 1);
  const rounds = random.between(1, 3);
  for (let i = 0; i < rounds; i += 1) {
    switch (random.int(7)) {
      case 0: // flip bits
        if (bytes.length > 0) bytes[random.int(bytes.length)] ^= 1 << random.int(8);
        break;
      case 1: // set a byte to an extreme
        if (bytes.length > 0) bytes[random.int(bytes.length)] = random.pick([0, 0x7f, 0x80, 0xff]);
        break;
      case 2: // truncate
        bytes.length = random.int(bytes.length + 1);
        break;
      case 3: // insert random bytes
        bytes.splice(at(), 0, ...Array.from({ length: random.between(1, 8) }, () => random.int(256)));
        break;
      case 4: {
        // repeat a slice
        const start = random.int(bytes.length);
        bytes.splice(at(), 0, ...bytes.slice(start, start + random.between(1, 32)));
        break;
      }
      case 5: // splice with another real frame
        bytes.splice(at(), random.int(8), ...Array.from(other.slice(random.int(other.length))));
        break;
      default: // delete a few bytes
        bytes.splice(random.int(bytes.length), random.between(1, 4));
    }
  }
  return Uint8Array.from(bytes);
}

/** An edit of the honest writer; what hostile frames made of the document may leave none to make. */
function honestEdit(doc: Y.Doc, random: Random, hot: string): string | null {
  try {
    return randomEdit(doc, random, 'honest', hot);
  } catch (err) {
    return `honest edit not made: ${(err as Error).message}`;
  }
}

/** Real frames recorded from an honest client: its updates (as update and sync step 2) and its awareness. */
class Corpus {
  readonly frames: Uint8Array[] = [];

  constructor(doc: Y.Doc, client: CollabClient) {
    doc.on('update', (update: Uint8Array) => {
      this.add(collabFrame.update(update));
      this.add(collabFrame.syncStep2(update));
    });
    client.provider.awareness.on('update', () => {
      const state = client.provider.awareness.getLocalState();
      this.add(collabFrame.awareness([{ clientId: doc.clientID, clock: this.frames.length, state }]));
    });
    this.add(collabFrame.syncStep1());
    this.add(collabFrame.queryAwareness());
  }

  private add(frame: Uint8Array): void {
    if (this.frames.length < 400) this.frames.push(frame);
    else this.frames[this.frames.length % 400] = frame;
  }
}

class HostileSocket {
  socket: RawCollabSocket | null = null;
  reopened = 0;

  constructor(
    private readonly target: FuzzTarget,
    private readonly documentId: string,
    private readonly cookie: string,
  ) {}

  async ready(): Promise<RawCollabSocket> {
    if (this.socket && !this.socket.isClosed() && this.socket.ws.readyState === this.socket.ws.OPEN) return this.socket;
    this.socket?.close();
    if (this.socket) this.reopened += 1;
    // A refused upgrade (too many connections while the last ones close) is tried again shortly.
    for (let attempt = 0; ; attempt += 1) {
      const socket = openRawSocket(this.target.wsUrl, this.documentId, { cookie: this.cookie });
      try {
        await socket.opened;
        this.socket = socket;
        return socket;
      } catch (err) {
        if (attempt >= 50) throw err;
        await sleep(20);
      }
    }
  }

  close(): void {
    this.socket?.close();
  }
}

/** One seed against one fresh document; throws, with what it did last in `trail`, when an invariant breaks. */
export async function runHostileSeed(
  target: FuzzTarget,
  people: FuzzPeople,
  documentId: string,
  random: Random,
  frames: number,
  trail: string[],
): Promise<SeedOutcome> {
  const writerDoc = new Y.Doc();
  writerDoc.clientID = random.seed * 8 + 1;
  const writer = connectClient(target.wsUrl, documentId, { doc: writerDoc, headers: { cookie: people.writerCookie } });
  const bystander = connectClient(target.wsUrl, documentId, { headers: { cookie: people.bystanderCookie } });
  const hostile = [new HostileSocket(target, documentId, people.hostileWriterCookie), new HostileSocket(target, documentId, people.hostileReaderCookie)];
  try {
    const corpus = new Corpus(writerDoc, writer);
    await Promise.all([writer.synced(), bystander.synced()]);
    const [hot] = seedClauses(writerDoc, 2);
    writer.provider.awareness.setLocalStateField('focus', { clauseId: hot, language: 'en' });
    trail.push('honest writer seeded 2 clauses');
    let sent = 0;
    while (sent < frames) {
      if (random.chance(0.02)) {
        const did = honestEdit(writerDoc, random, hot);
        if (did) trail.push(did);
        writer.provider.awareness.setLocalStateField('focus', { clauseId: hot, language: random.pick(['en', 'es']) });
      }
      const who = random.int(hostile.length);
      const socket = await hostile[who].ready();
      const base = random.pick(corpus.frames);
      const frame = random.chance(0.15) ? base : mutateFrame(random, base, random.pick(corpus.frames));
      socket.send(frame);
      sent += 1;
      if (sent % 250 === 0) trail.push(`${sent} frames sent (socket ${who} last)`);
      // Let the server breathe now and then, as a real network would.
      if (random.chance(0.05)) await sleep(random.int(2));
      else if (sent % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    trail.push('hostile frames done; checking the invariants');
    for (const socket of hostile) socket.close();

    const ready = await fetch(`${target.url}/readyz`);
    if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status} after the seed`);
    for (const [name, client] of [
      ['the honest writer', writer],
      ['the bystander', bystander],
    ] as const) {
      if (!client.provider.wsconnected) throw new Error(`${name} was disconnected by another person's frames`);
    }
    // One more honest edit must still travel.
    const did = honestEdit(writerDoc, random, hot);
    if (did) trail.push(did);
    await waitForConvergence([
      { name: 'honest writer', doc: writerDoc },
      { name: 'bystander', doc: bystander.doc },
    ]);
    await target.idle();
    await waitFor(
      async () => {
        const stored = await docFromDatabase(target.pool, documentId);
        try {
          return sameState(stored, writerDoc);
        } finally {
          stored.destroy();
        }
      },
      'the document PostgreSQL rebuilds to equal the one the clients hold',
      5000,
      100,
    );
    return { sent, reopened: hostile.reduce((sum, socket) => sum + socket.reopened, 0) };
  } finally {
    for (const socket of hostile) socket.close();
    writer.destroy();
    bystander.destroy();
  }
}
