/**
 * What an open proposal changes, read from this page's live text: the server's record of `changes` is
 * taken when the proposal is tabled and when it is decided, while the sponsor may go on typing. A
 * decided proposal (or outside an open document) shows the server's record.
 */
import { useContext, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ProposalJSON, ProposalRunJSON } from '../../../shared/src/api/proposals';
import { proposalRuns } from '../../../shared/src/proposals';
import { clauseFragment } from '../../../shared/src/yjs-layout';
import { fragmentToDoc } from '../editor/static-text';
import { WorkspaceContext } from '../workspace/workspace-context';

type Changes = Record<string, ProposalRunJSON[]>;

function liveChanges(ydoc: Y.Doc, clauseId: string, proposalId: string, languages: readonly string[]) {
  const fragments: Array<[string, Y.XmlFragment]> = [];
  for (const language of languages) {
    try {
      fragments.push([language, clauseFragment(ydoc, clauseId, language)]);
    } catch {
      // The clause has no text in this language (or no longer exists).
    }
  }
  const read = (): Changes => {
    const changes: Changes = {};
    for (const [language, fragment] of fragments) {
      const runs = proposalRuns(fragmentToDoc(fragment)).get(proposalId);
      if (runs) changes[language] = runs;
    }
    return changes;
  };
  let cached: Changes | null = null;
  return {
    subscribe(listener: () => void): () => void {
      const changed = () => {
        cached = null;
        listener();
      };
      for (const [, fragment] of fragments) fragment.observeDeep(changed);
      return () => {
        for (const [, fragment] of fragments) fragment.unobserveDeep(changed);
      };
    },
    getSnapshot(): Changes {
      cached ??= read();
      return cached;
    },
  };
}

const NOTHING = { subscribe: () => () => undefined, getSnapshot: () => null };

export function useLiveChanges(proposal: ProposalJSON, languages: readonly string[]): Changes {
  const ydoc = useContext(WorkspaceContext)?.collab.ydoc ?? null;
  const open = proposal.status === 'open';
  const key = languages.join(' ');
  const source = useMemo(
    () => (ydoc && open ? liveChanges(ydoc, proposal.clauseId, proposal.id, key.split(' ')) : NOTHING),
    [ydoc, open, proposal.clauseId, proposal.id, key],
  );
  const live = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return live ?? proposal.changes;
}
