/**
 * Awareness (carets, presence) between nodes, through Redis pub/sub: one channel per document,
 * subscribed while the document is open here. Presence may be lost — a message missed is replaced by
 * the next one (clients renew their state every 15 s, and states not renewed for 30 s expire) — so
 * nothing is stored or replayed.
 *
 * Only states set by this node's own connections are published (stamped and checked already by
 * message-receiver.ts); states from peers are applied with a peer origin and never published again.
 * Changes are merged per client and sent at most every AWARENESS_FANOUT_MS per document: one message
 * holds the newest state of every client that changed.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../logger';
import type { CollabDocument } from '../collab/collab-document';
import type { DocumentFanout } from '../collab/document-registry';
import { isTransactionOrigin, peerOrigin } from '../collab/origins';
import type { RedisConnections } from './redis-connections';

export const AWARENESS_FANOUT_MS = 50;
const PREFIX = 'concordia:awareness:';
/** Far above what one document's presence can be after presence-budget.ts; anything larger is not ours. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

interface Shared {
  document: CollabDocument;
  changed: Set<number>;
  timer: NodeJS.Timeout | null;
  off: () => void;
}

export class AwarenessFanout implements Pick<DocumentFanout, 'opened' | 'closed'> {
  private readonly shared = new Map<string, Shared>();
  readonly stats = { published: 0, received: 0, failures: 0 };

  constructor(
    private readonly redis: RedisConnections,
    private readonly node: string,
    private readonly log: Logger,
  ) {
    redis.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      if (name.startsWith(PREFIX)) this.receive(name.slice(PREFIX.length), message);
    });
  }

  opened(document: CollabDocument): void {
    const listener = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      // This node's connections only; peers' states and local expiry ('timeout') are each node's own business.
      if (!isTransactionOrigin(origin) || origin.kind !== 'connection') return;
      const shared = this.shared.get(document.id);
      if (!shared) return;
      for (const id of [...added, ...updated, ...removed]) shared.changed.add(id);
      shared.timer ??= setTimeout(() => this.flush(shared), AWARENESS_FANOUT_MS);
    };
    document.awareness.on('update', listener);
    this.shared.set(document.id, { document, changed: new Set(), timer: null, off: () => document.awareness.off('update', listener) });
    this.redis.subscriber
      .subscribe(PREFIX + document.id)
      .catch((err: Error) => this.log.warn({ err: err.message, documentId: document.id }, 'awareness channel not subscribed'));
  }

  closed(document: CollabDocument): void {
    const shared = this.shared.get(document.id);
    if (!shared || shared.document !== document) return;
    if (shared.timer) clearTimeout(shared.timer);
    shared.off();
    this.shared.delete(document.id);
    this.redis.subscriber.unsubscribe(PREFIX + document.id).catch(() => undefined);
  }

  private flush(shared: Shared): void {
    shared.timer = null;
    const { document } = shared;
    if (shared.changed.size === 0 || document.doc.isDestroyed) return;
    // Removed clients are encoded with a null state and their last clock: peers remove them too.
    const update = awarenessProtocol.encodeAwarenessUpdate(document.awareness, [...shared.changed]);
    shared.changed.clear();
    if (this.redis.health() !== 'ok') {
      this.stats.failures += 1;
      return;
    }
    const node = Buffer.from(this.node);
    const message = Buffer.concat([Buffer.from([node.byteLength]), node, Buffer.from(update)]);
    this.redis.command.publish(PREFIX + document.id, message).then(
      () => (this.stats.published += 1),
      () => (this.stats.failures += 1),
    );
  }

  private receive(documentId: string, message: Buffer): void {
    const shared = this.shared.get(documentId);
    if (!shared || message.byteLength < 1 || message.byteLength > MAX_MESSAGE_BYTES) return;
    const nodeLength = message[0];
    if (message.subarray(1, 1 + nodeLength).toString() === this.node) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(shared.document.awareness, new Uint8Array(message.subarray(1 + nodeLength)), peerOrigin('stream', 0));
      this.stats.received += 1;
    } catch (err) {
      this.log.warn({ err: (err as Error).message, documentId }, 'awareness from another node could not be applied; ignored');
    }
  }
}
