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
export function memorandumParagraphs(lang: MemorandumLanguage, clauses: readonly DemoClause[] = demoClauses): Paragraph[] {
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
      paragraphs.push(...blockParagraphs(clause[lang], `${ARTICLE_WORD[lang]} ${article}.`, () => ++instance));
    }
  }
  return paragraphs;
}

export async function memorandumDocx(lang: MemorandumLanguage, clauses: readonly DemoClause[] = demoClauses): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children: memorandumParagraphs(lang, clauses) }],
  });
  return Packer.toBuffer(document);
}

/** A Word document with these paragraphs only (for the bad-input and small cases). */
export async function docxOf(paragraphs: Paragraph[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}
