/**
 * The compare route's answer: the redline from an older text to a newer one [R1–R6]
 * (shared/src/versions/redline.ts), each change with who made it where the stored updates tell
 * (attribution.ts), a change that a proposal's decision committed attributed to that proposal — its
 * sponsor, co-sponsors and who decided, when (decision-updates.ts) — and, with proposals, every
 * proposal part named with its sponsor.
 */
import * as Y from 'yjs';
import type { AppContext } from '../context';
import { documentParticipants } from '../approvals/approval-store';
import { attributeChanges, type Attribution } from './attribution';
import { recordClauses } from './build-record';
import { decisionsBetween, type DecisionRow } from './decision-updates';
import { recordOf, requireVersion, type DocumentRef } from './version-reads';
import type { FullVersionRow } from './version-store';
import { presentVersion } from '../presenters/version';
import type { DocumentRow } from '../policies/document-access';
import { can, type PolicySubject } from '../../../shared/src/policy';
import { clauseItems, readClauseJSON } from '../../../shared/src/yjs-layout';
import type { NodeJSON } from '../../../shared/src/schema';
import { redline, redlineSummary, type RedlineInputClause } from '../../../shared/src/versions/redline';
import type { MarkedDiffPart } from '../../../shared/src/versions/proposal-redline';
import type { Comparison, CompareQuery } from '../../../shared/src/api/versions';
import { fixedNumbersOfDocument } from '../numbering/numbering-store';

type ComparedLanguage = Comparison['clauses'][number]['languages'][string];
type Part = ComparedLanguage['parts'][number];
type DecidedProposal = NonNullable<ComparedLanguage['proposals']>[number];
type Participant = NonNullable<Comparison['participants']>[number];

interface Side {
  row: FullVersionRow | null;
  clauses: RedlineInputClause[];
  through: number;
  state: Uint8Array;
}

export type CompareDocument = Pick<DocumentRow, 'id' | 'status' | 'phase' | 'languages'>;

/** The redline between two texts [R1–R6]; `subject` (the caller) decides whether removed clauses can be restored from it. */
export async function compareVersions(ctx: AppContext, document: CompareDocument, query: CompareQuery, subject?: PolicySubject): Promise<Comparison> {
  const withProposals = query.proposals === 'include';
  const first = await requireVersion(ctx, document.id, query.from);
  const second = query.to === 'current' ? null : await requireVersion(ctx, document.id, query.to);
  const ofRow = (row: FullVersionRow): Side => {
    const state = new Uint8Array(row.state);
    const clauses: RedlineInputClause[] = recordOf(row).clauses;
    return {
      row,
      clauses: withProposals ? withInline(clauses, stateInline(state, document.languages)) : clauses,
      through: Number(row.through_update_id),
      state,
    };
  };
  let older = ofRow(first);
  let newer: Side = second ? ofRow(second) : await textNow(ctx, document, withProposals);
  // Always from the older text to the newer one: attribution replays the updates between them.
  if (second && newer.through < older.through) [older, newer] = [newer, older];

  const decisions = await decisionsBetween(ctx.pool, document.id, older.through, newer.through);
  const attribution = await attributeChanges(
    ctx.pool,
    document.id,
    older.state,
    older.through,
    newer.through,
    new Map(decisions.map((row) => [Number(row.decided_update_id), row.id])),
  );
  const participants = await documentParticipants(ctx.pool, document.id);
  const participantById = new Map(participants.map((p) => [p.id, p]));
  const decided = new Map(decisions.map((row) => [row.id, decidedProposal(row, participantById)]));
  const sponsorOf = withProposals ? await openSponsors(ctx, document.id) : new Map<string, string | null>();

  const clauses = redline(older.clauses, newer.clauses, document.languages, { withProposals }).map((clause) => {
    const authors = attribution.clauses.get(clause.clauseId);
    const languages: Comparison['clauses'][number]['languages'] = {};
    for (const [lang, part] of Object.entries(clause.languages)) {
      const proposals = part.changed
        ? [...(authors?.proposals.get(lang) ?? [])]
            .map((id) => decided.get(id))
            .filter((p): p is DecidedProposal => p !== undefined && (withProposals || p.status === 'accepted'))
        : [];
      languages[lang] = {
        changed: part.changed,
        parts: part.parts.map((p) => withSponsors(p, sponsorOf, participantById)),
        authors: part.changed ? people(attribution, authors?.languages.get(lang)) : [],
        ...(proposals.length > 0 ? { proposals } : {}),
      };
    }
    const structural = clause.status === 'added' || clause.status === 'removed' || clause.moved || clause.kind !== clause.kindBefore;
    return { ...clause, languages, structureAuthors: structural ? people(attribution, authors?.structure) : [] };
  });
  const mayRestore =
    query.to === 'current' &&
    subject !== undefined &&
    can(subject, 'document.edit_structure', { documentStatus: document.status, documentPhase: document.phase }).allowed;
  return {
    from: presentVersion(older.row!),
    to: newer.row ? presentVersion(newer.row) : null,
    languages: [...document.languages],
    summary: redlineSummary(clauses),
    clauses,
    withProposals,
    participants: participants.map(({ id, code, name, color }): Participant => ({ id, code, name, color })),
    mayRestore,
  };
}

async function textNow(ctx: AppContext, document: DocumentRef, withProposals: boolean): Promise<Side> {
  const fixed = await fixedNumbersOfDocument(ctx.pool, document.id);
  const { value, throughUpdateId } = await ctx.documents.read(document.id, (doc) => {
    const clauses = recordClauses(doc, document.languages, fixed);
    return { clauses: withProposals ? withInline(clauses, docInline(doc, document.languages)) : clauses, state: Y.encodeStateAsUpdate(doc) };
  });
  return { row: null, clauses: value.clauses, state: value.state, through: throughUpdateId };
}

type InlineTexts = Map<string, Record<string, NodeJSON | null>>;

/** [R5] Every visible clause's texts as stored, proposal marks included. */
function docInline(doc: Y.Doc, languages: readonly string[]): InlineTexts {
  const texts: InlineTexts = new Map();
  for (const { id } of clauseItems(doc)) {
    const byLanguage: Record<string, NodeJSON | null> = {};
    for (const lang of languages) {
      try {
        byLanguage[lang] = readClauseJSON(doc, id, lang);
      } catch {
        byLanguage[lang] = null;
      }
    }
    texts.set(id, byLanguage);
  }
  return texts;
}

/** A version's inline texts, from the Yjs state it stored (its record holds the agreed text only). */
function stateInline(state: Uint8Array, languages: readonly string[]): InlineTexts {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return docInline(doc, languages);
  } finally {
    doc.destroy();
  }
}

function withInline(clauses: RedlineInputClause[], inline: InlineTexts): RedlineInputClause[] {
  return clauses.map((clause) => ({ ...clause, inline: inline.get(clause.id) }));
}

/** Proposal id → its sponsor Participant (null: never recorded), for naming the parts [R5]. */
async function openSponsors(ctx: AppContext, documentId: string): Promise<Map<string, string | null>> {
  const { rows } = await ctx.pool.query<{ id: string; sponsor_participant_id: string | null }>(
    'SELECT id, sponsor_participant_id FROM proposals WHERE document_id = $1',
    [documentId],
  );
  return new Map(rows.map((row) => [row.id, row.sponsor_participant_id]));
}

type ParticipantRow = Awaited<ReturnType<typeof documentParticipants>>[number];

function withSponsors(part: MarkedDiffPart, sponsorOf: Map<string, string | null>, participants: Map<string, ParticipantRow>): Part {
  if (!part.proposals) return { op: part.op, text: part.text };
  return {
    op: part.op,
    text: part.text,
    proposals: part.proposals.map(({ id, type }) => {
      const sponsorId = sponsorOf.get(id) ?? null;
      return { id, type, sponsorId, sponsorCode: sponsorId ? (participants.get(sponsorId)?.code ?? null) : null };
    }),
  };
}

function decidedProposal(row: DecisionRow, participants: Map<string, ParticipantRow>): DecidedProposal {
  const ref = (id: string | null) => {
    const found = id ? participants.get(id) : undefined;
    return found ? { id: found.id, code: found.code, name: found.name } : null;
  };
  return {
    id: row.id,
    status: row.status,
    sponsor: ref(row.sponsor_participant_id),
    cosponsors: (row.cosponsor_ids ?? []).map(ref).filter((p): p is NonNullable<ReturnType<typeof ref>> => p !== null),
    decidedBy: row.decided_by ? { id: row.decided_by, displayName: row.decider_name } : null,
    decidedAt: row.decided_at.toISOString(),
  };
}

function people(attribution: Attribution, ids: Set<string | null> | undefined): Array<{ id: string | null; displayName: string | null }> {
  return [...(ids ?? [])]
    .map((id) => ({ id, displayName: id ? (attribution.names.get(id) ?? null) : null }))
    .sort((a, b) => (a.displayName ?? '\uffff').localeCompare(b.displayName ?? '\uffff'));
}
