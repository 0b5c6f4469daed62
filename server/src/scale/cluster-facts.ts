/**
 * Facts that must take effect on every node at once — a freeze or an archive, a phase change, a
 * proposal decided (no longer extended), a membership removed or changed, a session ended, an account disabled — published through Redis
 * pub/sub after their commit, and applied by every other node through the same code a single node
 * uses: the live-document gateway for statuses and phases, the in-process event bus (whose listeners
 * close or re-check the node's own sockets) for the rest.
 *
 * Pub/sub may lose a message while Redis is away: statuses are caught up from PostgreSQL with the
 * text (catch-up.ts), and a node cut from Redis says it is degraded (/readyz).
 *
 * Events whose listeners broadcast to socket.io rooms or send mail (document.status for the version
 * broadcast and the freeze notice, document.phase for its broadcast) are not emitted again on the
 * other nodes: the redis-streams-adapter already carries the broadcast, and the mail is sent once.
 */
import type { AppContext } from '../context';
import type { DomainEvents } from '../events';
import type { RedisConnections } from './redis-connections';

const CHANNEL = 'concordia:facts';

/** Re-emitted on the other nodes' buses: their listeners act on local sockets only. */
const REEMITTED = ['session.ended', 'user.disabled', 'membership.changed'] as const;
type Reemitted = (typeof REEMITTED)[number];

type Fact =
  | { name: Reemitted; payload: DomainEvents[Reemitted] }
  | { name: 'document.status'; payload: DomainEvents['document.status'] }
  | { name: 'document.phase'; payload: DomainEvents['document.phase'] }
  | { name: 'proposal.closed'; payload: { documentId: string; proposalId: string } };

interface Envelope {
  node: string;
  fact: Fact;
}

export interface ClusterFacts {
  readonly stats: { published: number; applied: number; failures: number };
  stop(): void;
}

export function shareClusterFacts(ctx: AppContext, redis: RedisConnections, node: string): ClusterFacts {
  const log = ctx.log.child({ component: 'cluster-facts' });
  const stats = { published: 0, applied: 0, failures: 0 };
  /** Set while a fact from another node is emitted here, so it is not published back. */
  let replaying = false;

  const publish = (fact: Fact) => {
    if (replaying) return;
    const envelope: Envelope = { node, fact };
    redis.command.publish(CHANNEL, JSON.stringify(envelope)).then(
      () => (stats.published += 1),
      (err: Error) => {
        stats.failures += 1;
        log.warn({ err: err.message, fact: fact.name }, 'fact not published to the other nodes');
      },
    );
  };
  const offs = [
    ...REEMITTED.map((name) => ctx.events.on(name, (payload) => publish({ name, payload } as Fact))),
    ctx.events.on('document.status', (payload) => publish({ name: 'document.status', payload })),
    ctx.events.on('document.phase', (payload) => publish({ name: 'document.phase', payload })),
    // A decided proposal can no longer be extended on any node (its node closed it before deciding).
    ctx.events.on('proposal.changed', ({ documentId, proposal }) => {
      if (proposal.status !== 'open') publish({ name: 'proposal.closed', payload: { documentId, proposalId: proposal.id } });
    }),
  ];

  const apply = (fact: Fact) => {
    switch (fact.name) {
      case 'document.status':
        if (fact.payload.status !== 'draft') ctx.documents.setStatus(fact.payload.documentId, fact.payload.status)?.committed();
        return;
      case 'document.phase':
        ctx.documents.setPhase(fact.payload.documentId, fact.payload.phase);
        return;
      case 'proposal.closed':
        ctx.documents.setProposalClosed(fact.payload.documentId, fact.payload.proposalId, true);
        return;
      default:
        if (!(REEMITTED as readonly string[]).includes(fact.name)) return;
        replaying = true;
        try {
          ctx.events.emit(fact.name, fact.payload as never);
        } finally {
          replaying = false;
        }
    }
  };
  const onMessage = (channel: string, message: string) => {
    if (channel !== CHANNEL) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    if (envelope.node === node || !envelope.fact) return;
    try {
      apply(envelope.fact);
      stats.applied += 1;
    } catch (err) {
      log.error({ err, fact: envelope.fact.name }, 'fact from another node could not be applied');
    }
  };
  redis.subscriber.on('message', onMessage);
  redis.subscriber.subscribe(CHANNEL).catch((err: Error) => log.warn({ err: err.message }, 'facts channel not subscribed'));

  return {
    stats,
    stop() {
      for (const off of offs) off();
      redis.subscriber.off('message', onMessage);
    },
  };
}
