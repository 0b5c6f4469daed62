/**
 * The Akoma Ntoso (OASIS LegalDocML 3.0) export: one `documentCollection` whose components are one
 * expression per language — each a `doc` with its preface (title), main body (preamble items as
 * hcontainers, section headings, numbered articles) and conclusions (place, date, a signature block
 * per Participant). The export envelope (record and fingerprint) is in the collection's
 * `proprietary` metadata, base64, so that the file can be verified.
 */
import type { ExportEnvelope } from './envelope';
import { envelopeBytes } from './envelope';
import { exportLabels } from './labels';
import type { CanonicalNode } from '../../../shared/src/canonical';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
export const CONCORDIA_NAMESPACE = 'urn:concordia:export:1';

/** ISO 639-1 → 639-2/T, as Akoma Ntoso's FRBRlanguage expects; other codes are used as they are. */
const ISO_639_2: Record<string, string> = {
  ar: 'ara', de: 'deu', en: 'eng', es: 'spa', fr: 'fra', it: 'ita', ja: 'jpn', ko: 'kor', nl: 'nld', pt: 'por', ru: 'rus', zh: 'zho',
};

export function renderAkomaNtoso(envelope: ExportEnvelope): Buffer {
  const { record, fingerprint } = envelope;
  const date = record.version.takenAt.slice(0, 10);
  const work = `/akn/int/doc/agreement/${record.document.id}`;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${AKN_NAMESPACE}" xmlns:concordia="${CONCORDIA_NAMESPACE}">`,
    `  <documentCollection name="agreement">`,
    '    <meta>',
    ...identification(work, date, 'mul', record.version.kind, '      '),
    '      <references source="#concordia">',
    '        <TLCOrganization eId="concordia" href="/ontology/organization/concordia" showAs="Concordia"/>',
    ...record.participants.map((p) => `        <TLCOrganization eId="participant_${attr(p.code)}" href="/ontology/organization/${attr(p.code.toLowerCase())}" showAs="${attr(p.name[record.document.languages[0]] ?? p.code)}"/>`),
    '      </references>',
    '      <proprietary source="#concordia">',
    `        <concordia:envelope exporter="${attr(envelope.exporter)}" fingerprint="${fingerprint}" encoding="base64">${envelopeBytes(envelope).toString('base64')}</concordia:envelope>`,
    '      </proprietary>',
    '    </meta>',
    '    <collectionBody>',
  ];
  for (const lang of record.document.languages) lines.push(...component(record, lang, work, date));
  lines.push('    </collectionBody>', '  </documentCollection>', '</akomaNtoso>', '');
  return Buffer.from(lines.join('\n'), 'utf8');
}

function identification(work: string, date: string, language: string, kind: string, indent: string): string[] {
  const expression = `${work}/${language}@${date}`;
  return [
    `${indent}<identification source="#concordia">`,
    `${indent}  <FRBRWork><FRBRthis value="${attr(work)}/!main"/><FRBRuri value="${attr(work)}"/><FRBRdate date="${date}" name="${attr(kind)}"/><FRBRauthor href="#concordia"/><FRBRcountry value="int"/></FRBRWork>`,
    `${indent}  <FRBRExpression><FRBRthis value="${attr(expression)}/!main"/><FRBRuri value="${attr(expression)}"/><FRBRdate date="${date}" name="${attr(kind)}"/><FRBRauthor href="#concordia"/><FRBRlanguage language="${attr(language)}"/></FRBRExpression>`,
    `${indent}  <FRBRManifestation><FRBRthis value="${attr(expression)}/!main.xml"/><FRBRuri value="${attr(expression)}.akn"/><FRBRdate date="${date}" name="export"/><FRBRauthor href="#concordia"/></FRBRManifestation>`,
    `${indent}</identification>`,
  ];
}

function component(record: VersionRecord, lang: string, work: string, date: string): string[] {
  const labels = exportLabels(lang);
  const code = ISO_639_2[lang] ?? lang;
  const out = [
    `      <component eId="cmp_${attr(lang)}">`,
    `        <doc name="agreement" xml:lang="${attr(lang)}">`,
    '          <meta>',
    ...identification(work, date, code, record.version.kind, '            '),
    '          </meta>',
    `          <preface><p><docTitle>${text(record.document.title[lang] ?? '')}</docTitle></p></preface>`,
    '          <mainBody>',
  ];
  for (const clause of record.clauses) {
    const eId = `cl_${clause.id}`;
    const body = blocks(clause.texts[lang] ?? null);
    const number = labels.clause(clause.kind, clause.number);
    if (clause.kind === 'heading') {
      out.push(`            <hcontainer name="section" eId="${attr(eId)}"><num>${text(number)}</num><heading>${inlineText(clause.texts[lang] ?? null)}</heading></hcontainer>`);
    } else if (clause.kind === 'preamble') {
      out.push(`            <hcontainer name="preamble" eId="${attr(eId)}"><content>${body}</content></hcontainer>`);
    } else {
      out.push(`            <article eId="${attr(eId)}" class="${clause.kind}"><num>${text(number)}</num><content>${body}</content></article>`);
    }
  }
  out.push('          </mainBody>', '          <conclusions>');
  const signature = record.signature;
  if (signature) {
    out.push(`            <p>${text(labels.t('export.doneAt', { place: signature.place[lang] ?? '', date: labels.date(signature.date) }))} <date date="${attr(signature.date)}" refersTo="#signature">${text(labels.date(signature.date))}</date></p>`);
  }
  for (const participant of record.participants) {
    const signatory = signature?.signatories.find((s) => s.participantId === participant.id);
    out.push(`            <blockContainer class="signature"><p><signature><role refersTo="#participant_${attr(participant.code)}">${text(`${labels.t('export.signatureFor')} ${participant.name[lang] ?? participant.code}`)}</role>`
      + `<person refersTo="#participant_${attr(participant.code)}">${text(signatory?.name ?? '')}</person><role>${text(signatory?.title[lang] ?? '')}</role></signature></p></blockContainer>`);
  }
  out.push('          </conclusions>', '        </doc>', '      </component>');
  return out;
}

/** A clause text's blocks: paragraphs as <p>, lists as <blockList> with numbered <item>s. */
function blocks(doc: CanonicalNode | null): string {
  return (doc?.content ?? []).map(block).join('');
}

function block(node: CanonicalNode): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline(node.content ?? [])}</p>`;
    case 'ordered_list': {
      const start = typeof node.attrs?.order === 'number' ? node.attrs.order : 1;
      return `<blockList>${(node.content ?? []).map((item, i) => `<item><num>${start + i}.</num>${blocks(item)}</item>`).join('')}</blockList>`;
    }
    case 'bullet_list':
      return `<blockList class="bullets">${(node.content ?? []).map((item) => `<item>${blocks(item)}</item>`).join('')}</blockList>`;
    default:
      throw new RangeError(`Cannot export a ${node.type} node to Akoma Ntoso`);
  }
}

function inline(nodes: CanonicalNode[]): string {
  return nodes.map((node) => {
    if (node.type === 'hard_break') return '<eol/>';
    let out = text(node.text ?? '');
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    if (marks.has('underline')) out = `<u>${out}</u>`;
    if (marks.has('em')) out = `<i>${out}</i>`;
    if (marks.has('strong')) out = `<b>${out}</b>`;
    return out;
  }).join('');
}

/** A heading's text: the inline content of its paragraphs, separated by a line end. */
function inlineText(doc: CanonicalNode | null): string {
  return (doc?.content ?? []).filter((n) => n.type === 'paragraph').map((p) => inline(p.content ?? [])).join('<eol/>');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
