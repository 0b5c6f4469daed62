/**
 * The DOCX of a draft (draft-text.ts): the text with each open proposal as Word tracked changes, so
 * that a capital opens it in Word (or LibreOffice) and sees, accepts or rejects them there.
 *
 * Each part of a proposal — a contiguous run of what it inserts or deletes within one paragraph — is
 * one revision: `w:ins` holding its runs, or `w:del` holding runs of `w:delText`; `w:author` is the
 * sponsor delegation (its name in the document's first language, else its code), `w:date` when the
 * proposal was tabled, `w:id` unique in the file. Text another proposal deletes inside an insertion is
 * a `w:del` inside the `w:ins`, as Word writes it.
 *
 * A draft says so on its title page and in every footer, carries no fingerprint and no record part, and
 * so is no verifiable export: verification answers `no_record`. Track changes stays on in the file.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  RunProperties,
  Table,
  TableRow,
  TextRun,
  WidthType,
  XmlAttributeComponent,
  XmlComponent,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { exportLabels, type ExportLabels } from './labels';
import { FONT, NO_BORDERS, cell, paragraph, run, xmlText } from './docx';
import { textBlocks, type Run, type TextBlock } from './text-blocks';
import { draftSponsors, type DraftClause, type DraftProposal, type DraftText } from './draft-text';
import type { ExportLayout } from '../../../shared/src/api/versions';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const DRAFT_COLOR = 'C00000';

export async function renderDraftDocx(draft: DraftText, layout: ExportLayout): Promise<Buffer> {
  const languages = draft.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const revisions = new Revisions(draft, labels[languages[0]]);
  const footer = footerOf(languages, labels);
  const sections: ISectionOptions[] = [{ properties: {}, footers: { default: footer }, children: titlePage(draft, labels) }];
  if (layout === 'parallel') {
    sections.push({ properties: {}, footers: { default: footer }, children: [parallelTable(draft, labels, revisions)] });
  } else {
    for (const lang of languages) {
      sections.push({
        properties: {},
        footers: { default: footer },
        children: [
          paragraph([run(draft.document.title[lang] ?? '', { bold: true, size: 28 })], AlignmentType.CENTER),
          ...draft.clauses.flatMap((clause) => clauseParagraphs(clause, lang, labels[lang], revisions)),
        ],
      });
    }
  }
  const document = new Document({
    title: xmlText(languages.map((lang) => `${draft.document.title[lang] ?? ''} (${labels[lang].t('export.draft.banner')})`).join(' / ')),
    creator: 'Concordia',
    lastModifiedBy: 'Concordia',
    description: languages.map((lang) => labels[lang].t('export.draft.notVerifiable')).join(' / '),
    customProperties: [{ name: 'ConcordiaDraft', value: draft.source.kind === 'current' ? 'current' : draft.source.id }],
    features: { trackRevisions: true },
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections,
  });
  return Packer.toBuffer(document);
}

function titlePage(draft: DraftText, labels: Record<string, ExportLabels>): Paragraph[] {
  const languages = draft.document.languages;
  const out: Paragraph[] = [];
  for (const lang of languages) out.push(paragraph([run(draft.document.title[lang] ?? '', { bold: true, size: 36 })], AlignmentType.CENTER));
  for (const lang of languages) {
    out.push(
      paragraph([new TextRun({ text: xmlText(labels[lang].t('export.draft.banner')), bold: true, size: 32, color: DRAFT_COLOR })], AlignmentType.CENTER, 120),
    );
  }
  for (const lang of languages) {
    const l = labels[lang];
    const date = l.date(draft.at);
    out.push(
      paragraph([run(draft.source.kind === 'current' ? l.t('export.draft.current', { date }) : l.t('export.draft.version', { date }))], AlignmentType.CENTER),
    );
    if (draft.source.kind !== 'current' && draft.source.name)
      out.push(paragraph([run(l.t('export.versionName', { name: draft.source.name }))], AlignmentType.CENTER));
    out.push(paragraph([run(l.t('export.draft.notVerifiable'), { size: 18 })], AlignmentType.CENTER));
  }
  out.push(paragraph([run(languages.map((lang) => labels[lang].t('export.participants')).join(' / '), { bold: true })], AlignmentType.LEFT, 240));
  for (const participant of draft.participants) out.push(paragraph([run(languages.map((lang) => participant.name[lang] ?? participant.code).join(' / '))]));
  for (const lang of languages) out.push(paragraph([run(labels[lang].t('export.draft.proposals'), { bold: true })], AlignmentType.LEFT, 240));
  const sponsors = draftSponsors(draft);
  if (sponsors.length === 0) out.push(paragraph([run(languages.map((lang) => labels[lang].t('export.draft.noProposals')).join(' / '))]));
  for (const sponsor of sponsors) {
    const names = languages.map((lang) =>
      sponsor
        ? labels[lang].t('export.draft.sponsor', { name: sponsor.name[lang] ?? sponsor.code, code: sponsor.code })
        : labels[lang].t('export.draft.unattributed'),
    );
    const color = sponsor ? sponsor.color.replace(/^#/, '').toUpperCase() : '666666';
    out.push(paragraph([new TextRun({ text: '■ ', color }), run(names.join(' / '))]));
  }
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

function parallelTable(draft: DraftText, labels: Record<string, ExportLabels>, revisions: Revisions): Table {
  const languages = draft.document.languages;
  const width = Math.floor(100 / languages.length);
  const rows = [
    new TableRow({
      tableHeader: true,
      children: languages.map((lang) => cell([paragraph([run(labels[lang].languageName(lang), { bold: true })], AlignmentType.CENTER)], width)),
    }),
  ];
  for (const clause of draft.clauses) {
    rows.push(new TableRow({ cantSplit: false, children: languages.map((lang) => cell(clauseParagraphs(clause, lang, labels[lang], revisions), width)) }));
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows });
}

function clauseParagraphs(clause: DraftClause, lang: string, labels: ExportLabels, revisions: Revisions): Paragraph[] {
  const heading = clause.kind === 'heading';
  const align = heading ? AlignmentType.CENTER : AlignmentType.LEFT;
  const out: Paragraph[] = [];
  const number = labels.clause(clause.kind, clause.number);
  if (number) out.push(paragraph([run(number, { bold: true })], align, 120));
  for (const block of textBlocks(clause.texts[lang] ?? null)) out.push(blockParagraph(block, heading, align, revisions));
  if (out.length === 0) out.push(paragraph([]));
  return out;
}

/** A paragraph whose runs of one proposal part become one revision. */
function blockParagraph(block: TextBlock, bold: boolean, align: Align, revisions: Revisions): Paragraph {
  const children: ParagraphChild[] = [];
  if (block.prefix) children.push(run(block.prefix));
  for (const part of partsOf(block.runs)) {
    if (!part.insertion && !part.deletion) {
      for (const r of part.runs) children.push(...textRuns(r, bold));
      continue;
    }
    let content: XmlComponent[] = part.deletion ? part.runs.map((r) => new DeletedRun(r, bold)) : part.runs.flatMap((r) => textRuns(r, bold));
    if (part.deletion) content = [revisions.revision('w:del', part.deletion, content)];
    if (part.insertion) content = [revisions.revision('w:ins', part.insertion, content)];
    children.push(...(content as unknown as ParagraphChild[]));
  }
  return new Paragraph({ children, alignment: align, indent: block.level > 0 ? { left: block.level * 360 } : undefined, spacing: { after: 80 } });
}

interface Part {
  insertion?: string;
  deletion?: string;
  runs: Run[];
}

/** Consecutive runs of one paragraph grouped by the proposals that insert and delete them. */
export function partsOf(runs: readonly Run[]): Part[] {
  const parts: Part[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = parts[parts.length - 1];
    if (last && last.insertion === r.insertion && last.deletion === r.deletion) last.runs.push(r);
    else parts.push({ insertion: r.insertion, deletion: r.deletion, runs: [r] });
  }
  return parts;
}

function textRuns(r: Run, bold: boolean): TextRun[] {
  return r.text
    .split('\n')
    .map(
      (text, i) =>
        new TextRun({ text: xmlText(text), bold: r.bold || bold, italics: r.italic, underline: r.underline ? {} : undefined, break: i > 0 ? 1 : undefined }),
    );
}

/** Numbers the revisions of one file and names their authors. */
class Revisions {
  private next = 1;
  private readonly byId: Map<string, DraftProposal>;

  constructor(
    private readonly draft: DraftText,
    private readonly labels: ExportLabels,
  ) {
    this.byId = new Map(draft.proposals.map((p) => [p.id, p]));
  }

  revision(tag: 'w:ins' | 'w:del', proposalId: string, children: XmlComponent[]): Revision {
    const proposal = this.byId.get(proposalId);
    const lang = this.draft.document.languages[0];
    const author = proposal?.sponsor ? (proposal.sponsor.name[lang] ?? proposal.sponsor.code) : this.labels.t('export.draft.unattributed');
    const date = `${(proposal?.createdAt ?? this.draft.at).slice(0, 19)}Z`;
    return new Revision(tag, { id: this.next++, author: xmlText(author), date }, children);
  }
}

class RevisionAttributes extends XmlAttributeComponent<{ id: number; author: string; date: string }> {
  protected override readonly xmlKeys = { id: 'w:id', author: 'w:author', date: 'w:date' };
}

/** `w:ins` or `w:del` around runs (the `docx` library's InsertedTextRun and DeletedTextRun hold one run each). */
class Revision extends XmlComponent {
  constructor(tag: 'w:ins' | 'w:del', attributes: { id: number; author: string; date: string }, children: XmlComponent[]) {
    super(tag);
    this.root.push(new RevisionAttributes(attributes));
    for (const child of children) this.root.push(child);
  }
}

class SpaceAttribute extends XmlAttributeComponent<{ space: 'preserve' }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

class DeletedText extends XmlComponent {
  constructor(text: string) {
    super('w:delText');
    this.root.push(new SpaceAttribute({ space: 'preserve' }));
    this.root.push(xmlText(text));
  }
}

class LineBreak extends XmlComponent {
  constructor() {
    super('w:br');
  }
}

/** A run of deleted text: `w:r` with its formatting and `w:delText` (a hard break stays a `w:br`). */
class DeletedRun extends XmlComponent {
  constructor(r: Run, bold: boolean) {
    super('w:r');
    this.root.push(new RunProperties({ bold: r.bold || bold || undefined, italics: r.italic || undefined, underline: r.underline ? {} : undefined }));
    r.text.split('\n').forEach((line, i) => {
      if (i > 0) this.root.push(new LineBreak());
      if (line) this.root.push(new DeletedText(line));
    });
  }
}

function footerOf(languages: readonly string[], labels: Record<string, ExportLabels>): Footer {
  const pageRuns: TextRun[] = [];
  languages.forEach((lang, i) => {
    if (i > 0) pageRuns.push(run(' · ', { size: 15 }));
    const parts = labels[lang].t('export.page', { page: '{PAGE}', pages: '{PAGES}' }).split(/(\{PAGES?\})/);
    for (const part of parts) {
      if (part === '{PAGE}') pageRuns.push(new TextRun({ children: [PageNumber.CURRENT], size: 15 }));
      else if (part === '{PAGES}') pageRuns.push(new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 15 }));
      else if (part) pageRuns.push(run(part, { size: 15 }));
    }
  });
  const banner = languages.map((lang) => labels[lang].t('export.draft.footer')).join(' · ');
  return new Footer({
    children: [
      paragraph([new TextRun({ text: xmlText(banner), bold: true, size: 15, color: DRAFT_COLOR })], AlignmentType.CENTER),
      paragraph(pageRuns, AlignmentType.CENTER),
    ],
  });
}
