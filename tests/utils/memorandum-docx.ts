/**
 * The demo Memorandum written out as Word files, one per language, the way a ministry would
 * circulate it: the title in the Title style, section headings in Heading 1, each article a
 * paragraph opening with a bold "Article N." / "Artículo N.", lists as Word lists. Built with the
 * `docx` package from server/src/demo/memorandum.ts, so the expected structure is the demo's own.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { demoClauses, demoTitle, type DemoBlock, type DemoClause } from '../../server/src/demo/memorandum';

export type MemorandumLanguage = 'en' | 'es';

const ARTICLE_WORD: Record<MemorandumLanguage, string> = { en: 'Article', es: 'Artículo' };

/**
 * Article titles to write, by clause key: on the label's line ("Article 1. Purpose", the body in the
 * next paragraph) or on a line of their own in Heading 2 under a bare "Article 1".
 */
export interface MemorandumOptions {
  titles?: Record<string, Record<MemorandumLanguage, string>>;
  titleStyle?: 'label-line' | 'own-line';
}

function titledArticle(blocks: DemoBlock[], label: string, title: string, style: MemorandumOptions['titleStyle'], listInstance: () => number): Paragraph[] {
  const head =
    style === 'own-line'
      ? [
          new Paragraph({ children: [new TextRun({ text: label.replace(/\.$/, ''), bold: true })] }),
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_2 }),
        ]
      : [new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun(` ${title}`)] })];
  return [...head, ...blockParagraphs(blocks, null, listInstance)];
}

function blockParagraphs(blocks: DemoBlock[], label: string | null, listInstance: () => number): Paragraph[] {
  const out: Paragraph[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'paragraph') {
      const runs = index === 0 && label ? [new TextRun({ text: label, bold: true }), new TextRun(` ${block.text}`)] : [new TextRun(block.text)];
      out.push(new Paragraph({ children: runs }));
    } else if (block.type === 'bullet_list') {
      for (const item of block.items) out.push(new Paragraph({ text: item, bullet: { level: 0 } }));
    } else {
      const instance = listInstance();
      for (const item of block.items) out.push(new Paragraph({ text: item, numbering: { reference: 'numbered', level: 0, instance } }));
    }
  });
  return out;
}

/** The clauses of the demo in one language as the paragraphs of a Word document. */
export function memorandumParagraphs(lang: MemorandumLanguage, clauses: readonly DemoClause[] = demoClauses, options: MemorandumOptions = {}): Paragraph[] {
  let article = 0;
  let instance = 0;
  const paragraphs: Paragraph[] = [new Paragraph({ text: demoTitle[lang], heading: HeadingLevel.TITLE })];
  for (const clause of clauses) {
    if (clause.kind === 'heading') {
      paragraphs.push(new Paragraph({ text: clause[lang].map((b) => (b.type === 'paragraph' ? b.text : '')).join(' '), heading: HeadingLevel.HEADING_1 }));
    } else if (clause.kind === 'preamble') {
      paragraphs.push(...blockParagraphs(clause[lang], null, () => ++instance));
    } else {
      article += 1;
      const label = `${ARTICLE_WORD[lang]} ${article}.`;
      const title = options.titles?.[clause.key]?.[lang];
      paragraphs.push(
        ...(title ? titledArticle(clause[lang], label, title, options.titleStyle, () => ++instance) : blockParagraphs(clause[lang], label, () => ++instance)),
      );
    }
  }
  return paragraphs;
}

export async function memorandumDocx(lang: MemorandumLanguage, clauses: readonly DemoClause[] = demoClauses, options: MemorandumOptions = {}): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children: memorandumParagraphs(lang, clauses, options) }],
  });
  return Packer.toBuffer(document);
}

/** A Word document with these paragraphs only (for the bad-input and small cases). */
export async function docxOf(paragraphs: Paragraph[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

const isArticle = (clause: DemoClause) => clause.kind === 'clause' || clause.kind === 'final';

/** Where the n-th article (from 1, as the drafts number them) is in the clause list. */
function articleIndex(clauses: readonly DemoClause[], n: number): number {
  let seen = 0;
  const index = clauses.findIndex((clause) => isArticle(clause) && ++seen === n);
  if (index < 0) throw new RangeError(`The Memorandum has no article ${n}`);
  return index;
}

/** The clauses with the n-th article left out: a draft that drops it, so every later article is numbered one less. */
export function withoutArticle(n: number, clauses: readonly DemoClause[] = demoClauses): DemoClause[] {
  const index = articleIndex(clauses, n);
  return clauses.filter((_, i) => i !== index);
}

/** Splits a text before the sentence (or clause after a semicolon or comma) nearest its middle. */
function splitText(text: string): [string, string] {
  const cuts = [...text.matchAll(/[.;,] (?=\S)/g)].map((match) => (match.index ?? 0) + 1);
  if (cuts.length === 0) throw new RangeError(`Cannot split ${JSON.stringify(text.slice(0, 40))}: it has one sentence`);
  const cut = cuts.reduce((best, at) => (Math.abs(at - text.length / 2) < Math.abs(best - text.length / 2) ? at : best));
  return [text.slice(0, cut).trim(), text.slice(cut).trim()];
}

/** The n-th article written as two consecutive articles in `lang` (its first paragraph cut near the middle). */
export function withArticleSplit(n: number, lang: MemorandumLanguage, clauses: readonly DemoClause[] = demoClauses): DemoClause[] {
  const index = articleIndex(clauses, n);
  const clause = clauses[index];
  const [first, ...others] = clause[lang];
  if (first.type !== 'paragraph') throw new RangeError(`Article ${n} does not open with a paragraph`);
  const [head, tail] = splitText(first.text);
  const one: DemoClause = { ...clause, key: `${clause.key}-1`, [lang]: [{ type: 'paragraph', text: head }] };
  const two: DemoClause = { ...clause, key: `${clause.key}-2`, [lang]: [{ type: 'paragraph', text: tail }, ...others] };
  return [...clauses.slice(0, index), one, two, ...clauses.slice(index + 1)];
}

/** The clauses with the x-th and y-th articles in each other's place (a draft that moved one). */
export function withArticlesSwapped(x: number, y: number, clauses: readonly DemoClause[] = demoClauses): DemoClause[] {
  const [i, j] = [articleIndex(clauses, x), articleIndex(clauses, y)];
  const out = [...clauses];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}
