import { textToBlocks } from '../../../shared/src/import';
import { para } from './builders';

describe('reading plain-text drafts', () => {
  it('ends a paragraph at a blank line and joins the wrapped lines inside it', () => {
    expect(textToBlocks('The Participants intend\nto cooperate.\n\nThey will meet.\r\n')).toEqual([
      para('The Participants intend to cooperate.'),
      para('They will meet.'),
    ]);
  });

  it('starts a new paragraph at an article label or a number even without a blank line', () => {
    expect(textToBlocks('Preamble text\ncontinues.\n\nArticle 1. First.\nArticle 2. Second\nwraps.\n3. Third.')).toEqual([
      para('Preamble text continues.'),
      para('Article 1. First.'),
      para('Article 2. Second wraps.'),
      para('3. Third.'),
    ]);
  });

  it('reads one paragraph per line when the file has no blank line at all, as Word saves text', () => {
    expect(textToBlocks('Title\nFirst paragraph.\nSecond paragraph.')).toEqual([para('Title'), para('First paragraph.'), para('Second paragraph.')]);
  });

  it('reads lines that start with a bullet as a bullet list', () => {
    expect(textToBlocks('Focus areas:\n- trafficking;\n• gangs.\n\nNext.')).toEqual([
      para('Focus areas:'),
      { type: 'list', ordered: false, start: 1, items: [[para('trafficking;')], [para('gangs.')]] },
      para('Next.'),
    ]);
  });
});
