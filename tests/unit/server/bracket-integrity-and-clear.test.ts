/**
 * The rules a writer's update is held to for brackets (server/src/brackets/bracket-integrity.ts,
 * [B1]–[B5]) and the secretariat's clear (bracket-text.ts), on real Y.Docs.
 */
import * as Y from 'yjs';
import { checkBracketIntegrity } from '../../../server/src/brackets/bracket-integrity';
import { checkProposalIntegrity, type ProposalWriter } from '../../../server/src/proposals/proposal-integrity';
import { clauseBrackets, clearBracket } from '../../../server/src/brackets/bracket-text';
import { clauseFragment, insertClause, readClauseJSON } from '../../../shared/src/yjs-layout';
import { canonicalString, plainText } from '../../../shared/src/canonical';
import type { NodeJSON } from '../../../shared/src/schema';

const A = 'b_00000000000000aa';
const B = 'b_00000000000000bb';
const LANGS = ['en', 'es'];
const origin = { kind: 'test' };
const para = (text: string): NodeJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function docWith(en: string, es = 'Las Partes cooperarán.'): Y.Doc {
  const doc = new Y.Doc();
  insertClause(
    doc,
    { id: 'c1', kind: 'clause', content: { en: { type: 'doc', content: [para(en)] }, es: { type: 'doc', content: [para(es)] } } },
    LANGS,
    null,
    origin,
  );
  return doc;
}
const textOf = (doc: Y.Doc, lang = 'en') => (clauseFragment(doc, 'c1', lang).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const text = (doc: Y.Doc, lang = 'en') => plainText(readClauseJSON(doc, 'c1', lang));
const touched = { clauseIds: new Set(['c1']), structure: false };
const hn: ProposalWriter = { participantId: 'HN', proposeOnly: true };
const gtDrafting: ProposalWriter = { participantId: 'GT', proposeOnly: false };
const secretariat: ProposalWriter = { participantId: null, proposeOnly: false };
// "The Parties [shall] cooperate." in English, "Las Partes [cooperarán]." in Spanish: one linked bracket.
const withA = (doc: Y.Doc) => {
  textOf(doc).format(12, 5, { bracket: { id: A } });
  textOf(doc, 'es').format(11, 10, { bracket: { id: A } });
};

function attempt(setup: (doc: Y.Doc) => void, change: (doc: Y.Doc) => void, writer: ProposalWriter) {
  const before = docWith('The Parties shall cooperate.');
  setup(before);
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
  after.transact(() => change(after), origin);
  return checkBracketIntegrity(before, after, touched, writer);
}

describe('bracket integrity', () => {
  it('[B1] records a new linked bracket for a delegate, in both languages, even in the negotiation phase', () => {
    expect(attempt(() => undefined, withA, hn)).toEqual({ ok: true, newBrackets: [{ id: A, clauseId: 'c1', languages: ['en', 'es'] }] });
    // [R3] ignores the bracket mark: bracketing agreed text is not changing it.
    const before = docWith('The Parties shall cooperate.');
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    withA(after);
    expect(checkProposalIntegrity(before, after, touched, hn, new Map()).ok).toBe(true);
  });

  it('[B1] refuses a bracket from a writer with no Participant', () => {
    expect(attempt(() => undefined, withA, secretariat).ok).toBe(false);
  });

  it('[B2] refuses removing a bracket by a client update, whoever writes, in any phase', () => {
    for (const writer of [hn, gtDrafting, secretariat]) {
      expect(attempt(withA, (doc) => textOf(doc).format(12, 5, { bracket: null }), writer).ok).toBe(false);
      expect(attempt(withA, (doc) => textOf(doc, 'es').delete(11, 10), writer).ok).toBe(false);
    }
  });

  it('[B3] refuses spreading a bracket over more text or into another language', () => {
    const enOnly = (doc: Y.Doc) => textOf(doc).format(12, 5, { bracket: { id: A } });
    expect(attempt(enOnly, (doc) => textOf(doc).format(0, 3, { bracket: { id: A } }), gtDrafting).ok).toBe(false);
    expect(attempt(enOnly, (doc) => textOf(doc, 'es').format(0, 3, { bracket: { id: A } }), gtDrafting).ok).toBe(false);
  });

  it('[B4] keeps a bracket exactly as it was in the negotiation phase; [B5] lets drafting edit inside it', () => {
    const typeInside = (doc: Y.Doc) => textOf(doc).insert(14, 'xx', { bracket: { id: A } });
    expect(attempt(withA, typeInside, hn).ok).toBe(false);
    expect(attempt(withA, typeInside, gtDrafting).ok).toBe(true);
    expect(attempt(withA, (doc) => textOf(doc).delete(13, 2), gtDrafting).ok).toBe(true);
    // Bracketing other text next to it with a new id is fine.
    expect(attempt(withA, (doc) => textOf(doc).format(0, 3, { bracket: { id: B } }), hn)).toEqual({
      ok: true,
      newBrackets: [{ id: B, clauseId: 'c1', languages: ['en'] }],
    });
  });
});

describe('clearing', () => {
  it('keeps the text (mark removed) or deletes it, in every language of the bracket', () => {
    const keep = docWith('The Parties shall cooperate.');
    withA(keep);
    expect(clauseBrackets(keep, 'c1', LANGS).get(A)).toEqual({ en: ['shall'], es: ['cooperarán'] });
    expect(keep.transact(() => clearBracket(keep, 'c1', A, 'text', LANGS), origin)).toBe(2);
    expect([text(keep), text(keep, 'es')]).toEqual(['The Parties shall cooperate.', 'Las Partes cooperarán.']);
    expect(clauseBrackets(keep, 'c1', LANGS).size).toBe(0);

    const del = docWith('The Parties shall cooperate.');
    withA(del);
    del.transact(() => clearBracket(del, 'c1', A, 'delete', LANGS), origin);
    expect([text(del), text(del, 'es')]).toEqual(['The Parties  cooperate.', 'Las Partes .']);
  });

  it('hashes the mark but not its id: a bracket changes the fingerprint, its id does not', () => {
    const plain = docWith('The Parties shall cooperate.');
    const a = docWith('The Parties shall cooperate.');
    const b = docWith('The Parties shall cooperate.');
    a.transact(() => textOf(a).format(12, 5, { bracket: { id: A } }));
    b.transact(() => textOf(b).format(12, 5, { bracket: { id: B } }));
    const legacy = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'The Parties ' },
            { type: 'text', text: 'shall', marks: [{ type: 'bracket' }] },
            { type: 'text', text: ' cooperate.' },
          ],
        },
      ],
    };
    const hash = (doc: Y.Doc) => canonicalString(readClauseJSON(doc, 'c1', 'en'));
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).toBe(canonicalString(legacy));
    expect(hash(a)).not.toBe(hash(plain));
    // An id that is not `b_` and 16 hex digits makes the text invalid.
    const invalid = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bracket', attrs: { id: 'b_1' } }] }] }],
    };
    expect(() => canonicalString(invalid)).toThrow(RangeError);
  });

  it('converges when a delegate types inside the bracket while the secretariat clears it', () => {
    for (const keep of ['text', 'delete'] as const) {
      const server = docWith('The Parties shall cooperate.');
      withA(server);
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      // Concurrently: the client types inside "shall" (the text carries the bracket), the server clears.
      client.transact(() => textOf(client).insert(15, 'XY', { bracket: { id: A } }), origin);
      server.transact(() => clearBracket(server, 'c1', A, keep, LANGS), origin);
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      expect(text(client)).toBe(text(server));
      // The typed text survives (Yjs never loses a concurrent insertion); clearing again (the command is
      // idempotent) leaves no bracket anywhere.
      server.transact(() => clearBracket(server, 'c1', A, keep, LANGS), origin);
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      expect(clauseBrackets(server, 'c1', LANGS).size).toBe(0);
      expect(text(client)).toBe(text(server));
      expect(text(server)).toBe(keep === 'text' ? 'The Parties shaXYll cooperate.' : 'The Parties XY cooperate.');
    }
  });
});
