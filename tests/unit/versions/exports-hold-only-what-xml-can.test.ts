/**
 * [T1] (shared/src/text-characters.ts): a clause typed through Yjs can hold characters XML 1.0 cannot
 * (REST refuses them, the collab endpoint does not filter text), and a record made before the REST
 * refusal can hold them in its title, Participant names or signature record. The XML exports drop
 * them, so every XML part of the Akoma Ntoso and DOCX files parses; the record they carry keeps the
 * text as stored, and the files verify as genuine. Verification checks that the XML parses.
 */
import * as Y from 'yjs';
import JSZip from 'jszip';
import { makeEnvelope } from '../../../server/src/exports/envelope';
import { renderEnvelope } from '../../../server/src/exports/render-export';
import { verifyFile } from '../../../server/src/exports/verify-file';
import { exportXmlProblems } from '../../../server/src/exports/export-xml';
import { buildDemoState } from '../../../server/src/demo/seed-demo';
import { demoTitle } from '../../../server/src/demo/memorandum';
import { demoParticipants } from '../../../server/src/demo/participants';
import { buildRecord, recordClauses } from '../../../server/src/versions/build-record';
import { canonicalJSON } from '../../../shared/src/canonical';
import { DEFAULT_LANGUAGES } from '../../../shared/src/languages';
import { recordClause, type VersionRecord } from '../../../shared/src/versions/version-record';
import { xmlProblems } from '../../utils/xml-well-formed';

const DOCUMENT_ID = '6f1c1b7e-2d4a-4c1e-9a0b-0c9d8e7f6a5b';
const FORBIDDEN = '\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800';
const hostile = (text: string) => `${text} ${FORBIDDEN}end`;

function hostileRecord(): VersionRecord {
  const participants = demoParticipants.map((p, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i + 1}`,
    code: p.code,
    name: { en: hostile(p.name.en), es: hostile(p.name.es) },
  }));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, buildDemoState(DOCUMENT_ID));
  const clauses = recordClauses(doc, DEFAULT_LANGUAGES);
  doc.destroy();
  const record = buildRecord(
    { id: DOCUMENT_ID, title: { en: hostile(demoTitle.en), es: hostile(demoTitle.es) }, languages: [...DEFAULT_LANGUAGES] },
    { id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', kind: 'frozen', name: hostile('Final'), takenAt: '2026-03-01T10:00:00.000Z' },
    clauses,
    {
      participants,
      approvals: [],
      confirmations: [],
      signature: {
        place: { en: hostile('San Salvador'), es: hostile('San Salvador') },
        date: '2026-03-01',
        signatories: participants.map((p) => ({
          participantId: p.id,
          name: hostile(`Signatory of ${p.code}`),
          title: { en: hostile('Minister'), es: hostile('Ministro') },
        })),
      },
    },
  );
  const text = canonicalJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: hostile('Typed through Yjs') }] }] });
  record.clauses[6] = recordClause(record.clauses[6].id, record.clauses[6].kind, record.clauses[6].number, { en: text, es: text });
  return record;
}

/** Every XML part of a DOCX file, by name. */
async function docxParts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) if (/\.(xml|rels)$/.test(name)) parts[name] = await file.async('string');
  return parts;
}

describe.each([
  ['akn', null],
  ['docx', 'parallel'],
  ['docx', 'duplicate'],
] as const)('the %s export (%s) of a record with characters XML cannot hold', (format, layout) => {
  const envelope = makeEnvelope(hostileRecord(), layout);
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await renderEnvelope(envelope, format);
  });

  it('parses: every XML part is well-formed, without those characters, and keeps the visible text', async () => {
    const parts = format === 'akn' ? { 'akn.xml': bytes.toString('utf8') } : await docxParts(bytes);
    for (const [name, xml] of Object.entries(parts)) expect({ name, problems: xmlProblems(xml) }).toEqual({ name, problems: [] });
    const all = Object.values(parts).join('');
    expect([...FORBIDDEN].filter((c) => all.includes(c))).toEqual([]);
    expect(all).toContain('Typed through Yjs end');
    expect(all).toContain('Signatory of GT end');
  });

  it('carries the record as stored and verifies as genuine', async () => {
    const verification = await verifyFile(bytes);
    expect(verification).toMatchObject({ genuine: true, failure: null, format });
    expect(verification.envelope?.record.document.title.en).toBe(hostile(demoTitle.en));
  });
});

describe('verification', () => {
  it('finds the XML of an Akoma Ntoso or DOCX file that does not parse', async () => {
    expect(await exportXmlProblems(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso>a\u0001</akomaNtoso>\n'), 'akn')).toEqual([
      expect.stringContaining('U+0001'),
    ]);
    const zip = new JSZip();
    zip.file('word/document.xml', '<?xml version="1.0"?>\n<w:document xmlns:w="urn:w"><w:body></w:document>');
    zip.file('customXml/item1.xml', '<?xml version="1.0"?>\n<c/>');
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await exportXmlProblems(docx, 'docx')).toEqual([expect.stringMatching(/^word\/document\.xml: /)]);
    expect(await exportXmlProblems(Buffer.from('{}'), 'json')).toEqual([]);
  });
});
