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
import { AlignmentType, PageBreak, Paragraph, RunProperties, XmlAttributeComponent, XmlComponent, type ParagraphChild } from 'docx';
import { exportLabels, type ExportLabels } from './labels';
import { docxBytes, paragraph, run, textRuns, xmlText, type RenderRuns } from './docx-builder';
import type { Run } from './text-blocks';
import { draftSponsors, type DraftProposal, type DraftText } from './draft-text';
import { approvalListing } from './draft-approvals';
import type { ExportLayout } from '../../../shared/src/api/versions';

const DRAFT_COLOR = 'C00000';

export async function renderDraftDocx(draft: DraftText, layout: ExportLayout): Promise<Buffer> {
  const languages = draft.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const banner = languages.map((lang) => labels[lang].t('export.draft.footer')).join(' · ');
  const text = {
    languages,
    labels,
    title: draft.document.title,
    clauses: draft.clauses,
    layout,
    titlePage: titlePage(draft, labels),
    footerLine: paragraph([run(banner, { bold: true, size: 15, color: DRAFT_COLOR })], AlignmentType.CENTER),
    runs: proposalRuns(new Revisions(draft, labels[languages[0]])),
    appendix: approvalsAppendix(draft, labels),
  };
  return docxBytes(text, {
    title: xmlText(languages.map((lang) => `${draft.document.title[lang] ?? ''} (${labels[lang].t('export.draft.banner')})`).join(' / ')),
    creator: 'Concordia',
    lastModifiedBy: 'Concordia',
    description: languages.map((lang) => labels[lang].t('export.draft.notVerifiable')).join(' / '),
    customProperties: [{ name: 'ConcordiaDraft', value: draft.source.kind === 'current' ? 'current' : draft.source.id }],
    features: { trackRevisions: true },
  });
}

function titlePage(draft: DraftText, labels: Record<string, ExportLabels>): Paragraph[] {
  const languages = draft.document.languages;
  const out: Paragraph[] = [];
  for (const lang of languages) out.push(paragraph([run(draft.document.title[lang] ?? '', { bold: true, size: 36 })], AlignmentType.CENTER));
  for (const lang of languages) {
    out.push(paragraph([run(labels[lang].t('export.draft.banner'), { bold: true, size: 32, color: DRAFT_COLOR })], AlignmentType.CENTER, 120));
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
    out.push(paragraph([run('■ ', { color }), run(names.join(' / '))]));
  }
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

/** The approvals as the text stood, one paragraph per clause (draft-approvals.ts). */
function approvalsAppendix(draft: DraftText, labels: Record<string, ExportLabels>): Paragraph[] {
  const listing = approvalListing(draft, labels);
  return [
    ...listing.headings.map((text) => paragraph([run(text, { bold: true, size: 28 })])),
    ...listing.legends.map((text) => paragraph([run(text, { size: 18 })])),
    ...listing.entries.map((entry) => paragraph([run(entry.name, { bold: true }), run(': '), run(entry.line)], AlignmentType.LEFT, 60)),
  ];
}

/** Runs of one proposal part become one revision. */
function proposalRuns(revisions: Revisions): RenderRuns {
  return (runs, bold) => {
    const children: ParagraphChild[] = [];
    for (const part of partsOf(runs)) {
      if (!part.insertion && !part.deletion) {
        for (const r of part.runs) children.push(...textRuns(r, bold));
        continue;
      }
      let content: XmlComponent[] = part.deletion ? part.runs.map((r) => new DeletedRun(r, bold)) : part.runs.flatMap((r) => textRuns(r, bold));
      if (part.deletion) content = [revisions.revision('w:del', part.deletion, content)];
      if (part.insertion) content = [revisions.revision('w:ins', part.insertion, content)];
      children.push(...(content as unknown as ParagraphChild[]));
    }
    return children;
  };
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
