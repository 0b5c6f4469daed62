/**
 * The Akoma Ntoso export of the demo agreement is XML and keeps the rules of the LegalDocML 3.0 schema
 * that a validation against the OASIS XSD found broken: eIds unique in the whole documentCollection,
 * every role (and person) referring to a TLC of the references, no xml:lang on `doc`. The XSD cannot
 * be fetched here, so these rules are checked one by one on the parsed file. Any text — even one with
 * markup characters or characters XML does not allow — comes out as text.
 */
import * as Y from 'yjs';
import { create } from 'xmlbuilder2';
import { AKN_NAMESPACE, renderAkomaNtoso } from '../../../server/src/exports/akoma-ntoso';
import { makeEnvelope, type EnvelopeOptions } from '../../../server/src/exports/envelope';
import { originalFor } from '../../../server/src/exports/render-export';
import { verifyFile } from '../../../server/src/exports/verify-file';
import { buildDemoState } from '../../../server/src/demo/seed-demo';
import { demoTitle } from '../../../server/src/demo/memorandum';
import { demoParticipants } from '../../../server/src/demo/participants';
import { buildRecord, recordClauses } from '../../../server/src/versions/build-record';
import { canonicalJSON } from '../../../shared/src/canonical';
import { DEFAULT_LANGUAGES } from '../../../shared/src/languages';
import { recordClause, versionFingerprint, type SignatureRecord, type VersionKind, type VersionRecord } from '../../../shared/src/versions/version-record';
import { xmlProblems } from '../../utils/xml-well-formed';

const DOCUMENT_ID = '6f1c1b7e-2d4a-4c1e-9a0b-0c9d8e7f6a5b';
const participants = demoParticipants.map((p, i) => ({ id: `00000000-0000-4000-8000-00000000000${i + 1}`, code: p.code, name: { ...p.name } }));
const signature: SignatureRecord = {
  place: { en: 'San Salvador, El Salvador', es: 'San Salvador, El Salvador' },
  date: '2026-03-01',
  signatories: participants.map((p) => ({
    participantId: p.id,
    name: `Signatory of ${p.code}`,
    title: { en: `Minister (${p.code})`, es: `Ministro o Ministra (${p.code})` },
  })),
};

function demoRecord(kind: VersionKind, withSignature: boolean): VersionRecord {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, buildDemoState(DOCUMENT_ID));
  const clauses = recordClauses(doc, DEFAULT_LANGUAGES);
  doc.destroy();
  return buildRecord(
    { id: DOCUMENT_ID, title: demoTitle, languages: [...DEFAULT_LANGUAGES] },
    { id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', kind, name: kind === 'named' ? 'Text circulated to capitals' : null, takenAt: '2026-03-01T10:00:00.000Z' },
    clauses,
    { participants, approvals: [], confirmations: [], signature: withSignature ? signature : null },
  );
}

/** The signed version under the signature conventions (issue 16): four originals, Guatemala signing ad referendum. */
function conventionsRecord(): VersionRecord {
  const record = demoRecord('frozen', true);
  const signatories = signature.signatories.map((s) => (s.participantId === participants[2].id ? { ...s, adReferendum: true as const } : s));
  record.signature = { ...signature, signatories, originals: { count: 4, languages: ['en', 'es'] } };
  return record;
}
const conventions = conventionsRecord();
const honduras: EnvelopeOptions = {
  original: originalFor(conventions, participants[3].id),
  attestations: {
    initials: [
      { participantId: participants[0].id, initials: 'JR', name: 'J. R.', at: '2026-03-01T11:00:00.000Z', fingerprint: versionFingerprint(conventions) },
    ],
    signatureConfirmations: [{ participantId: participants[2].id, date: '2026-04-03', confirmedBy: 'Secretariat', at: '2026-04-03T09:00:00.000Z' }],
  },
};

/** Every export the demo can have: each kind of version, with and without its signature record, and an original of the signed one. */
const EXPORTS: Array<[string, VersionRecord, EnvelopeOptions?]> = [
  ['the frozen version with its signature record', demoRecord('frozen', true)],
  ['a named version', demoRecord('named', false)],
  ['an automatic version', demoRecord('automatic', false)],
  ['Honduras’s original of the signed version, initialled, with a signature ad referendum confirmed', conventions, honduras],
];

const render = (record: VersionRecord, options?: EnvelopeOptions) => renderAkomaNtoso(makeEnvelope(record, null, options));

/** The elements of a parsed tree, `root` first, in document order. */
function descendants(root: Element): Element[] {
  const found = [root];
  for (let child = root.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) found.push(...descendants(child as Element));
  return found;
}
const parse = (xml: string) => descendants(create(xml).root().node as unknown as Element);
const named = (all: Element[], name: string) => all.filter((e) => e.localName === name && e.namespaceURI === AKN_NAMESPACE);
const attributeNames = (e: Element) => Array.from({ length: e.attributes.length }, (_, i) => e.attributes.item(i)!.name);

describe.each(EXPORTS)('the Akoma Ntoso export of %s', (_, record, options) => {
  const xml = render(record, options).toString('utf8');
  const all = parse(xml);
  const collection = named(all, 'documentCollection');

  it('is well-formed XML in the Akoma Ntoso namespace, one documentCollection with a component per language', () => {
    expect(xmlProblems(xml)).toEqual([]);
    expect({ root: all[0].localName, namespace: all[0].namespaceURI }).toEqual({ root: 'akomaNtoso', namespace: AKN_NAMESPACE });
    expect(collection).toHaveLength(1);
    expect(named(all, 'component').map((c) => c.getAttribute('eId'))).toEqual(['cmp_en', 'cmp_es']);
    expect(named(all, 'article').length).toBe(2 * record.clauses.filter((c) => c.kind === 'clause' || c.kind === 'final').length);
  });

  it('gives every eId once in the whole documentCollection', () => {
    const eIds = all.filter((e) => e.hasAttribute('eId')).map((e) => e.getAttribute('eId')!);
    expect(eIds.length).toBeGreaterThan(2 * record.clauses.length);
    expect(eIds.filter((id, i) => eIds.indexOf(id) !== i)).toEqual([]);
  });

  it('makes every role and person, and every other refersTo, name a TLC declared in the references', () => {
    const declared = new Map(
      named(all, 'references')
        .flatMap(descendants)
        .filter((e) => e.localName.startsWith('TLC'))
        .map((e) => [`#${e.getAttribute('eId')}`, e.localName]),
    );
    const roles = named(all, 'role');
    const persons = named(all, 'person');
    expect(roles).toHaveLength(2 * 2 * participants.length);
    expect(persons).toHaveLength(2 * participants.length);
    for (const element of [...roles, ...persons]) expect(element.getAttribute('refersTo')).toMatch(/^#./);
    for (const element of all.filter((e) => e.hasAttribute('refersTo'))) {
      const target = element.getAttribute('refersTo')!;
      expect({ element: element.localName, target, declared: declared.has(target) }).toEqual({ element: element.localName, target, declared: true });
    }
    expect(new Set(roles.map((r) => declared.get(r.getAttribute('refersTo')!)))).toEqual(new Set(['TLCOrganization', 'TLCRole']));
  });

  it('says the language of each doc in its FRBR metadata, never with xml:lang', () => {
    const docs = named(all, 'doc');
    expect(docs).toHaveLength(2);
    for (const doc of docs) expect(attributeNames(doc)).toEqual(['name']);
    expect(docs.map((doc) => named(descendants(doc), 'FRBRlanguage').map((l) => l.getAttribute('language')))).toEqual([['eng'], ['spa']]);
  });

  it('verifies as genuine, byte for byte', async () => {
    expect(await verifyFile(render(record, options))).toMatchObject({ genuine: true, failure: null, format: 'akn' });
  });
});

describe('the Akoma Ntoso export of a text with markup and forbidden characters', () => {
  const record = demoRecord('frozen', true);
  const hostile = 'Bold <b>claims</b> & "quotes" \'too\' \u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800 end \u{1F600}';
  const kept = 'Bold <b>claims</b> & "quotes" \'too\'  end \u{1F600}';
  const text = canonicalJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: hostile }] }] });
  record.clauses[6] = recordClause(record.clauses[6].id, record.clauses[6].kind, record.clauses[6].number, { en: text, es: text });
  record.participants[0].name.en = 'Ministry <of> "Justice" & Security';
  const bytes = render(record);
  const xml = bytes.toString('utf8');

  it('escapes the markup and drops the characters XML 1.0 does not allow', () => {
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('Bold &lt;b&gt;claims&lt;/b&gt; &amp;');
    expect([...'\u0001\u0008\u000b\u000c\u001f\ufffe\uffff'].filter((c) => xml.includes(c))).toEqual([]);
    expect(xml).not.toContain('\ufffd'); // what a lone surrogate would have become in UTF-8
    const articles = named(parse(xml), 'article').filter((a) => a.getAttribute('eId')!.endsWith(record.clauses[6].id));
    expect(articles.map((a) => named(descendants(a), 'p')[0].textContent)).toEqual([kept, kept]);
  });

  it('escapes attribute values too', () => {
    const organization = parse(xml).find((e) => e.getAttribute('eId') === `participant_${record.participants[0].code}`)!;
    expect(organization.getAttribute('showAs')).toBe('Ministry <of> "Justice" & Security');
  });

  it('still verifies as genuine, the forbidden characters kept in the record it carries', async () => {
    const verified = await verifyFile(bytes);
    expect({ genuine: verified.genuine, failure: verified.failure }).toEqual({ genuine: true, failure: null });
    expect(verified.envelope!.record.clauses[6].texts.en!.content![0].content![0].text).toBe(hostile.normalize('NFC'));
  });
});

describe('the well-formedness check the tests rely on', () => {
  it('accepts a well-formed document and refuses mismatched tags, unknown entities, forbidden characters and the like, which xmlbuilder2 parses', () => {
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns:c="urn:c"><c:b x="1" y=\'&amp;&#x41;\'>t&lt;</c:b><e/></a>\n')).toEqual([]);
    for (const bad of [
      '<a><b></a>',
      '<a>&bogus;</a>',
      '<a>\u0001</a>',
      '<a>\ud800</a>',
      '<a x="1" x="2"/>',
      '<a>',
      '<a/><b/>',
      '<a><</a>',
      '<a b=c/>',
      '<a/>trailing',
      '<p:a/>',
      '<a>&#1;</a>',
      '<a x="<"/>',
      '<a>]]></a>',
      '<?xml version="2.0"?><a/>',
    ]) {
      expect({ bad, refused: xmlProblems(bad).length > 0 }).toEqual({ bad, refused: true });
    }
  });
});
