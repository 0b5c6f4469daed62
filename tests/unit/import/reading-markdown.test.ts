import { markdownToBlocks, parseInline } from '../../../shared/src/import';
import { heading, para, t } from './builders';

describe('reading Markdown drafts', () => {
  it('reads ATX and underlined headings, and paragraphs whose wrapped lines join', () => {
    expect(markdownToBlocks('# Memorandum\n\n## Final Provisions ##\n\nThe Participants\nintend to meet.\n\nSection\n-------\n')).toEqual([
      heading('Memorandum', 1),
      heading('Final Provisions', 2),
      para('The Participants intend to meet.'),
      heading('Section', 2),
    ]);
  });

  it('reads bold, italic and underline, and keeps the text of links and code', () => {
    expect(parseInline('**Article 1.** The _Participants_ <u>intend</u> *to* see [the plan](http://x) `now`, snake_case stays')).toEqual([
      t('Article 1.', 'strong'),
      t(' The '),
      t('Participants', 'em'),
      t(' '),
      t('intend', 'underline'),
      t(' '),
      t('to', 'em'),
      t(' see the plan now, snake_case stays'),
    ]);
    expect(parseInline('2 \\* 3 = 6')).toEqual([t('2 * 3 = 6')]);
  });

  it('reads bullet and numbered lists, loose or tight, with nested lists and the first number', () => {
    expect(markdownToBlocks('3. three\n\n4. four\n   - inner\n\nafter')).toEqual([
      { type: 'list', ordered: true, start: 3, items: [[para('three')], [para('four'), { type: 'list', ordered: false, start: 1, items: [[para('inner')]] }]] },
      para('after'),
    ]);
  });

  it('turns two trailing spaces into a line break', () => {
    expect(markdownToBlocks('Signed at San Salvador  \nin duplicate')).toEqual([
      { type: 'paragraph', inlines: [t('Signed at San Salvador'), { type: 'break' }, t('in duplicate')] },
    ]);
  });
});
