/**
 * The demo negotiation on a cluster, brought to where it can be frozen: every clause's concordance
 * confirmed by the secretariat and every clause approved by each Participant's delegate, as it stands
 * in `doc` (a synced client's copy), through the REST API of `node`.
 */
import type * as Y from 'yjs';
import type { ClusterNode } from '../../utils/spawn-nodes';
import { DEMO_EMAILS, signIn, type Person } from '../../utils/people';
import { clauseTextState } from '../../../shared/src/approval-status';
import { clauseOrder } from '../../../shared/src/yjs-layout';
import { DEMO_SLUG } from '../../../server/src/demo/seed-demo';
import type pg from 'pg';

const LANGUAGES = ['en', 'es'] as const;
export const DELEGATES: Record<string, string> = { US: DEMO_EMAILS.us, SV: DEMO_EMAILS.sv, GT: DEMO_EMAILS.gt, HN: DEMO_EMAILS.hn };

export interface DemoOnCluster {
  documentId: string;
  participants: Record<string, string>;
  secretariat: Person;
  delegates: Record<string, Person>;
}

/** The demo document and its people, signed in on `node`. */
export async function demoOn(node: ClusterNode, pool: pg.Pool): Promise<DemoOnCluster> {
  const documentId = (await pool.query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', [DEMO_SLUG])).rows[0].id;
  const { rows } = await pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
  const participants = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const secretariat = await signIn(node, DEMO_EMAILS.secretariat);
  const delegates = Object.fromEntries(await Promise.all(Object.entries(DELEGATES).map(async ([code, email]) => [code, await signIn(node, email)] as const)));
  return { documentId, participants, secretariat, delegates };
}

/** Confirms and approves every clause as it stands in `doc`; throws on any refusal. */
export async function approveEverything(demo: DemoOnCluster, doc: Y.Doc): Promise<void> {
  const { documentId, secretariat, delegates, participants } = demo;
  for (const clauseId of clauseOrder(doc)) {
    const state = clauseTextState(doc, clauseId, LANGUAGES);
    const confirmed = await secretariat.request('POST', `/api/documents/${documentId}/clauses/${clauseId}/concordance`, {
      languageHashes: state.languageHashes,
    });
    if (confirmed.status !== 201) throw new Error(`concordance of ${clauseId}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    for (const code of Object.keys(DELEGATES)) {
      const answer = await delegates[code].request('POST', `/api/documents/${documentId}/clauses/${clauseId}/approvals`, {
        participantId: participants[code],
        fingerprint: state.fingerprint,
        acknowledgeConcordance: true,
      });
      if (answer.status !== 201) throw new Error(`approval of ${clauseId} for ${code}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
}
