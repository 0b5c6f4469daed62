import { htmlToBlocks, decodeEntities } from '../../../shared/src/import';
import { para, t } from './builders';

describe('reading the HTML mammoth makes of a Word file', () => {
  it('reads paragraphs with bold, italic and underline, nested marks included', () => {
    expect(htmlToBlocks('<p><strong>Article 1.</strong> The <em>Participants</em> <u>intend</u> <strong><em>to</em></strong> act.</p>')).toEqual([
      para(t('Article 1.', 'strong'), t(' The '), t('Participants', 'em'), t(' '), t('intend', 'underline'), t(' '), t('to', 'em', 'strong'), t(' act.')),
    ]);
  });

  it('reads headings by level and marks the Title-styled paragraph as the title', () => {
    expect(htmlToBlocks('<p class="title">Memorandum</p><h1>Final Provisions</h1><h3>Sub</h3>')).toEqual([
      { type: 'title', inlines: [t('Memorandum')] },
      { type: 'heading', level: 1, inlines: [t('Final Provisions')] },
      { type: 'heading', level: 3, inlines: [t('Sub')] },
    ]);
  });

  it('reads ordered and bullet lists, a nested list staying inside its item', () => {
    expect(htmlToBlocks('<ol><li>one<ul><li>a</li></ul></li><li>two</li></ol>')).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [[para('one'), { type: 'list', ordered: false, start: 1, items: [[para('a')]] }], [para('two')]],
      },
    ]);
  });

  it('decodes entities and keeps line breaks inside a paragraph', () => {
    expect(htmlToBlocks('<p>A &amp; B &lt;C&gt; &#8220;D&#x201D;<br />E</p>')).toEqual([
      { type: 'paragraph', inlines: [t('A & B <C> “D”'), { type: 'break' }, t('E')] },
    ]);
    expect(decodeEntities('&unknown; &#0; &#xD800;')).toBe('&unknown; &#0; &#xD800;');
  });

  it('reads the text of tables in order, drops images and empty paragraphs', () => {
    expect(htmlToBlocks('<p></p><table><tr><td><p>For the United States</p></td><td><p>Por El Salvador</p></td></tr></table><p><img src="x" /></p>')).toEqual([
      para('For the United States'),
      para('Por El Salvador'),
    ]);
  });

  it('collapses runs of spaces but keeps non-breaking spaces, and trims each paragraph', () => {
    expect(htmlToBlocks('<p>  ninety   (90)\u00a0days  </p>')).toEqual([para('ninety (90)\u00a0days')]);
  });
});
