import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { serverOrigin } from '../collab/origins';
import type { DocumentRow } from '../policies/document-access';
import type { BracketClearEffect, ClearedBracket } from '../../../shared/src/api/brackets';
import { clauseItems } from '../../../shared/src/yjs-layout';
import { clauseBrackets, clearBracket } from '../brackets/bracket-text';

export interface ClearBracketInput {
  document: Pick<DocumentRow, 'id' | 'languages'>;
  bracketId: string;
  keep: BracketClearEffect;
  userId: string;
}

/**
 * Clears a bracket in every language it is in: keeps its text (the mark removed) or deletes it. The
 * caller has authorized `bracket.clear` (the secretariat). One Yjs change through the gateway with the
 * server's command origin — the only way a bracket leaves the text [B2] — then audited. The agreed
 * text changes (the mark is in the canonical text), so approvals of the clause turn outdated. A bracket
 * no longer in the text answers 404.
 */
export async function clearBracketCommand(ctx: AppContext, input: ClearBracketInput): Promise<ClearedBracket> {
  const { document, bracketId, keep } = input;
  const result = await ctx.documents.write(document.id, serverOrigin('command'), (apply) =>
    apply((doc): { clauseId: string; runs: Record<string, string[]> } | null => {
      for (const { id } of clauseItems(doc)) {
        const runs = clauseBrackets(doc, id, document.languages).get(bracketId);
        if (!runs) continue;
        clearBracket(doc, id, bracketId, keep, document.languages);
        return { clauseId: id, runs };
      }
      return null;
    }),
  );
  if (!result) throw new AppError('not_found');
  const languages = Object.keys(result.runs).sort();
  await withTransaction(ctx.pool, (client) =>
    recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: input.userId,
      action: 'bracket.cleared',
      subject: { bracketId, clauseId: result.clauseId, keep, languages },
    }),
  );
  ctx.log.info({ documentId: document.id, bracketId, keep }, 'bracket cleared');
  return { bracketId, clauseId: result.clauseId, keep, languages, runs: result.runs };
}
