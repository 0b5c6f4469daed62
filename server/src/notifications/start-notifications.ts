/**
 * Notifications, wired: listeners on the event bus (commands emit after their commit) and the hint
 * the collab endpoint gives when a client edited a text (concordia.ts). Each listener returns at once;
 * the work runs in the background (Notifier.run) and its failures are logged.
 */
import type { AppContext } from '../context';
import { Notifier } from './notifier';
import { OutdatedApprovals } from './outdated-approvals';
import { noticeMentions } from './mention-notices';
import { noticeProposal } from './proposal-notices';
import { noticeFrozen, noticeVersionNamed } from './document-notices';

export interface Notifications {
  /** A client edited the document's text (the collab endpoint's hook): approvals may have turned outdated. */
  textChanged(documentId: string, userId: string | null): void;
  /** Waits for every notification in progress (tests; shutdown). */
  settle(): Promise<void>;
  /** Stops listening, runs the checks still waiting and waits for what is in progress. */
  stop(): Promise<void>;
}

export function startNotifications(ctx: AppContext, options: { debounceMs?: number } = {}): Notifications {
  const notifier = new Notifier(ctx);
  const outdated = new OutdatedApprovals(ctx, notifier, options.debounceMs);
  const offs = [
    ctx.events.on('comment.thread_changed', (event) => notifier.run('mentions', () => noticeMentions(notifier, event))),
    ctx.events.on('proposal.changed', (event) => {
      notifier.run('proposal', () => noticeProposal(notifier, event));
      // Accepting or rejecting a proposal rewrites the clause's text.
      if (event.proposal.status !== 'open') outdated.textChanged(event.documentId, event.proposal.decidedBy?.id ?? null);
    }),
    ctx.events.on('version.named', (event) => notifier.run('version', () => noticeVersionNamed(notifier, event))),
    ctx.events.on('document.status', (event) => notifier.run('freeze', () => noticeFrozen(ctx, notifier, event))),
  ];
  return {
    textChanged: (documentId, userId) => outdated.textChanged(documentId, userId),
    settle: () => notifier.settle(),
    async stop() {
      for (const off of offs) off();
      await outdated.stop();
      await notifier.settle();
    },
  };
}
