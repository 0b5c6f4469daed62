/**
 * Reads plain text into source blocks. A blank line ends a paragraph. Inside a paragraph, a line that
 * starts an article ("Article 3", "Artículo 3", "3."), a bullet ("-", "*", "•") or a section
 * ("SECTION II", "Sección 2") starts a new block; other lines are wrapped text and join the one
 * before. A file with no blank line at all (what Word saves as text) has one paragraph per line.
 */
import { ARTICLE_LABEL, NUMBERED_PARAGRAPH, SECTION_LABEL } from './markers';
import type { Inline, SourceBlock } from './types';

const BULLET = /^\s*([-*+•–])\s+/;

const text = (value: string): Inline[] => (value.trim() === '' ? [] : [{ type: 'text', text: value.trim(), marks: [] }]);

function startsBlock(line: string): boolean {
  return ARTICLE_LABEL.test(line.trim()) || NUMBERED_PARAGRAPH.test(line.trim()) || SECTION_LABEL.test(line.trim()) || BULLET.test(line);
}

export function textToBlocks(input: string): SourceBlock[] {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .split('\n');
  const filled = lines.map((line) => line.trim() !== '');
  const first = filled.indexOf(true);
  const last = filled.lastIndexOf(true);
  const hasBlankLines = first >= 0 && filled.slice(first, last + 1).includes(false);
  const blocks: SourceBlock[] = [];
  let paragraph: string[] = [];
  let bullets: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', inlines: text(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushBullets = () => {
    if (bullets.length > 0) blocks.push({ type: 'list', ordered: false, start: 1, items: bullets.map((item) => [{ type: 'paragraph', inlines: text(item) }]) });
    bullets = [];
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flushParagraph();
      flushBullets();
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      flushParagraph();
      bullets.push(line.slice(bullet[0].length));
      continue;
    }
    const continuesBullet = bullets.length > 0 && hasBlankLines && /^\s/.test(line) && !startsBlock(line);
    if (continuesBullet) {
      bullets[bullets.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushBullets();
    if (!hasBlankLines || startsBlock(line)) flushParagraph();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushBullets();
  return blocks.filter((block) => block.type === 'list' || block.inlines.length > 0);
}
