/**
 * The Akoma Ntoso (OASIS LegalDocML 3.0) export: one `documentCollection` whose components are one
 * expression per language — each a `doc` with its preface (title), main body (preamble items as
 * hcontainers, section headings, numbered articles) and conclusions (place, date, a signature block
 * per Participant). The export envelope (record and fingerprint) is in the collection's
 * `proprietary` metadata, base64, so that the file can be verified.
 *
 * Built with xmlbuilder2: every text and attribute is escaped, and the characters XML 1.0 does not
 * allow (C0 controls but tab and line ends, U+FFFE, U+FFFF, lone surrogates) are dropped. What the
 * 3.0 schema asks of us:
 *  - an eId is unique in the whole collection, so a clause's is prefixed by its component's
 *    (`cmp_es__cl_…`), as the naming convention does for components;
 *  - a `role` refers to a TLC: the Participant signed for, and the signatory's title (a TLCRole);
 *    every refersTo names a TLC of the collection's references;
 *  - a `doc` carries no xml:lang: its language is the FRBRlanguage of its FRBRExpression.
 * Layout whitespace is written only between the elements of element-only content (`line`), never
 * inside a paragraph, a heading or any other text.
 *
 * The signature conventions (issue 16): whose original the file is and the initials it carries are in
 * the same `proprietary` metadata (`concordia:original`, `concordia:initialled`); the conclusions state
 * the number of originals when the record does, and mark a signature given ad referendum.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { ExportEnvelope } from './envelope';
import { envelopeBytes } from './envelope';
import { exportLabels } from './labels';
import { signatureLabels } from './signature-labels';
import type { CanonicalNode } from '../../../shared/src/canonical';
import { clausesWithDeleted } from '../../../shared/src/versions/version-record';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
export const CONCORDIA_NAMESPACE = 'urn:concordia:export:1';

/** ISO 639-1 → 639-2/T, as Akoma Ntoso's FRBRlanguage expects; other codes are used as they are. */
const ISO_639_2: Record<string, string> = {
  ar: 'ara',
  de: 'deu',
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  nl: 'nld',
  pt: 'por',
  ru: 'rus',
  zh: 'zho',
};

/** The eIds of the references, shared by every component. */
const ref = {
  participant: (code: string) => `participant_${code}`,
  title: (code: string) => `title_${code}`,
  signature: 'signature',
};

type Attributes = Record<string, string>;

export function renderAkomaNtoso(envelope: ExportEnvelope): Buffer {
  const { record, fingerprint } = envelope;
  const date = record.version.takenAt.slice(0, 10);
  const work = `/akn/int/doc/agreement/${record.document.id}`;
  const first = record.document.languages[0];
  const root = create({ invalidCharReplacement: '' }).ele(AKN_NAMESPACE, 'akomaNtoso', { 'xmlns:concordia': CONCORDIA_NAMESPACE });
  const collection = line(root, 1, 'documentCollection', { name: 'agreement' });
  const meta = line(collection, 2, 'meta');
  identification(meta, 3, work, date, 'mul', record.version.kind);

  const references = line(meta, 3, 'references', { source: '#concordia' });
  line(references, 4, 'TLCOrganization', { eId: 'concordia', href: '/ontology/organization/concordia', showAs: 'Concordia' });
  for (const p of record.participants) {
    line(references, 4, 'TLCOrganization', {
      eId: ref.participant(p.code),
      href: `/ontology/organization/${p.code.toLowerCase()}`,
      showAs: p.name[first] ?? p.code,
    });
  }
  for (const p of record.participants) {
    const title = record.signature?.signatories.find((s) => s.participantId === p.id)?.title[first];
    line(references, 4, 'TLCRole', {
      eId: ref.title(p.code),
      href: `/ontology/role/signatory.${p.code.toLowerCase()}`,
      showAs: title || (p.name[first] ?? p.code),
    });
  }
  if (record.signature) line(references, 4, 'TLCEvent', { eId: ref.signature, href: '/ontology/event/signature', showAs: 'Signature' });
  end(references, 3);

  const proprietary = line(meta, 3, 'proprietary', { source: '#concordia' });
  line(proprietary, 4, 'concordia:envelope', { exporter: envelope.exporter, fingerprint, encoding: 'base64' }).txt(envelopeBytes(envelope).toString('base64'));
  const owner = envelope.original && record.participants.find((p) => p.id === envelope.original!.participantId);
  if (envelope.original && owner) {
    line(proprietary, 4, 'concordia:original', {
      refersTo: `#${ref.participant(owner.code)}`,
      number: String(envelope.original.number),
      of: String(envelope.original.of),
    });
  }
  for (const initialled of envelope.attestations?.initials ?? []) {
    const participant = record.participants.find((p) => p.id === initialled.participantId);
    if (participant)
      line(proprietary, 4, 'concordia:initialled', { refersTo: `#${ref.participant(participant.code)}`, initials: initialled.initials, at: initialled.at });
  }
  end(proprietary, 3);
  end(meta, 2);

  const body = line(collection, 2, 'collectionBody');
  for (const lang of record.document.languages) component(body, 3, envelope, lang, work, date);
  end(body, 2);
  end(collection, 1);
  end(root, 0);
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${root.end({ headless: true, wellFormed: true })}\n`, 'utf8');
}

function identification(parent: XMLBuilder, depth: number, work: string, date: string, language: string, kind: string): void {
  const expression = `${work}/${language}@${date}`;
  const node = line(parent, depth, 'identification', { source: '#concordia' });
  const frbrWork = line(node, depth + 1, 'FRBRWork');
  frbrWork
    .ele('FRBRthis', { value: `${work}/!main` })
    .up()
    .ele('FRBRuri', { value: work })
    .up()
    .ele('FRBRdate', { date, name: kind })
    .up()
    .ele('FRBRauthor', { href: '#concordia' })
    .up()
    .ele('FRBRcountry', { value: 'int' });
  const frbrExpression = line(node, depth + 1, 'FRBRExpression');
  frbrExpression
    .ele('FRBRthis', { value: `${expression}/!main` })
    .up()
    .ele('FRBRuri', { value: expression })
    .up()
    .ele('FRBRdate', { date, name: kind })
    .up()
    .ele('FRBRauthor', { href: '#concordia' })
    .up()
    .ele('FRBRlanguage', { language });
  const frbrManifestation = line(node, depth + 1, 'FRBRManifestation');
  frbrManifestation
    .ele('FRBRthis', { value: `${expression}/!main.xml` })
    .up()
    .ele('FRBRuri', { value: `${expression}.akn` })
    .up()
    .ele('FRBRdate', { date, name: 'export' })
    .up()
    .ele('FRBRauthor', { href: '#concordia' });
  end(node, depth);
}

function component(parent: XMLBuilder, depth: number, envelope: ExportEnvelope, lang: string, work: string, date: string): void {
  const { record } = envelope;
  const labels = exportLabels(lang);
  const marks = signatureLabels(lang, labels);
  const componentId = `cmp_${lang}`;
  const node = line(parent, depth, 'component', { eId: componentId });
  const doc = line(node, depth + 1, 'doc', { name: 'agreement' });
  const meta = line(doc, depth + 2, 'meta');
  identification(meta, depth + 3, work, date, ISO_639_2[lang] ?? lang, record.version.kind);
  end(meta, depth + 2);
  line(doc, depth + 2, 'preface')
    .ele('p')
    .ele('docTitle')
    .txt(record.document.title[lang] ?? '');

  const mainBody = line(doc, depth + 2, 'mainBody');
  for (const clause of clausesWithDeleted(record)) {
    const eId = `${componentId}__cl_${clause.id}`;
    const text = clause.texts[lang] ?? null;
    const number = labels.clause(clause.kind, clause.number);
    if (clause.kind === 'heading') {
      const section = line(mainBody, depth + 3, 'hcontainer', { name: 'section', eId });
      section.ele('num').txt(number);
      headingText(section.ele('heading'), text);
    } else if (clause.kind === 'preamble') {
      blocks(line(mainBody, depth + 3, 'hcontainer', { name: 'preamble', eId }).ele('content'), text);
    } else {
      const article = line(mainBody, depth + 3, 'article', { eId, class: clause.kind });
      article.ele('num').txt(number);
      blocks(article.ele('content'), text);
    }
  }
  end(mainBody, depth + 2);

  const conclusions = line(doc, depth + 2, 'conclusions');
  const signature = record.signature;
  if (signature?.originals) {
    // The sentence names the date in words; the date element carries it for machines.
    line(conclusions, depth + 3, 'p')
      .txt(`${marks.doneInOriginals(signature, signature.originals)} `)
      .ele('date', { date: signature.date, refersTo: `#${ref.signature}` })
      .txt(labels.date(signature.date));
  } else if (signature) {
    line(conclusions, depth + 3, 'p')
      .txt(`${labels.t('export.doneAt', { place: signature.place[lang] ?? '', date: labels.date(signature.date) })} `)
      .ele('date', { date: signature.date, refersTo: `#${ref.signature}` })
      .txt(labels.date(signature.date));
  }
  for (const participant of record.participants) {
    const signatory = signature?.signatories.find((s) => s.participantId === participant.id);
    const block = line(conclusions, depth + 3, 'blockContainer', { class: 'signature' })
      .ele('p')
      .ele('signature');
    block
      .ele('role', { refersTo: `#${ref.participant(participant.code)}` })
      .txt(`${labels.t('export.signatureFor')} ${participant.name[lang] ?? participant.code}`)
      .up()
      .ele('person', { refersTo: `#${ref.participant(participant.code)}` })
      .txt(signatory?.name ?? '')
      .up()
      .ele('role', { refersTo: `#${ref.title(participant.code)}` })
      .txt(signatory?.title[lang] ?? '');
    if (signatory?.adReferendum) {
      block.ele('inline', { name: 'adReferendum' }).txt(marks.t('export.adReferendum'));
      const confirmation = envelope.attestations?.signatureConfirmations.find((c) => c.participantId === participant.id);
      if (confirmation)
        block
          .ele('date', { date: confirmation.date, refersTo: `#${ref.signature}` })
          .txt(marks.t('export.confirmedOn', { date: labels.date(confirmation.date) }));
    }
  }
  end(conclusions, depth + 2);
  end(doc, depth + 1);
  end(node, depth);
}

/** A clause text's blocks: paragraphs as <p>, lists as <blockList> with numbered <item>s. */
function blocks(parent: XMLBuilder, doc: CanonicalNode | null): void {
  for (const node of doc?.content ?? []) block(parent, node);
}

function block(parent: XMLBuilder, node: CanonicalNode): void {
  switch (node.type) {
    case 'paragraph':
      inline(parent.ele('p'), node.content ?? []);
      return;
    case 'ordered_list': {
      const start = typeof node.attrs?.order === 'number' ? node.attrs.order : 1;
      const list = parent.ele('blockList');
      (node.content ?? []).forEach((item, i) => {
        const entry = list.ele('item');
        entry.ele('num').txt(`${start + i}.`);
        blocks(entry, item);
      });
      return;
    }
    case 'bullet_list': {
      const list = parent.ele('blockList', { class: 'bullets' });
      for (const item of node.content ?? []) blocks(list.ele('item'), item);
      return;
    }
    default:
      throw new RangeError(`Cannot export a ${node.type} node to Akoma Ntoso`);
  }
}

/** Inline content: text with its marks as <b>, <i>, <u> (strong outermost), hard breaks as <eol/>. */
function inline(parent: XMLBuilder, nodes: readonly CanonicalNode[]): void {
  for (const node of nodes) {
    if (node.type === 'hard_break') {
      parent.ele('eol');
      continue;
    }
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    let target = parent;
    if (marks.has('strong')) target = target.ele('b');
    if (marks.has('em')) target = target.ele('i');
    if (marks.has('underline')) target = target.ele('u');
    target.txt(node.text ?? '');
  }
}

/** A heading's text: the inline content of its paragraphs, separated by a line end. */
function headingText(parent: XMLBuilder, doc: CanonicalNode | null): void {
  (doc?.content ?? [])
    .filter((n) => n.type === 'paragraph')
    .forEach((paragraph, i) => {
      if (i > 0) parent.ele('eol');
      inline(parent, paragraph.content ?? []);
    });
}

const INDENT = '  ';

/** A child of element-only content, on a line of its own at `depth`. */
function line(parent: XMLBuilder, depth: number, name: string, attributes: Attributes = {}): XMLBuilder {
  parent.txt(`\n${INDENT.repeat(depth)}`);
  return name.startsWith('concordia:') ? parent.ele(CONCORDIA_NAMESPACE, name, attributes) : parent.ele(name, attributes);
}

/** Puts the end tag of element-only content on a line of its own at `depth`. */
function end(node: XMLBuilder, depth: number): void {
  node.txt(`\n${INDENT.repeat(depth)}`);
}
