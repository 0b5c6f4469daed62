import { plainTextOf, segmentBlocks, segmentSource, type ImportedClause } from '../../../shared/src/import';
import { heading, para, t } from './builders';

const rows = (clauses: ImportedClause[]) => clauses.map((c) => [c.kind, c.number, plainTextOf(c.content)]);

describe('splitting one language into clause rows', () => {
  it('reads preamble items, a heading and labelled articles, taking the labels out of the text', () => {
    const result = segmentBlocks([
      { type: 'title', inlines: [t('Memorandum')] },
      para('The Participants,'),
      para('Recognizing their partnership;'),
      para('Have reached the following understanding:'),
      para(t('Article 1.', 'strong'), ' The purpose is cooperation.'),
      heading('Section I. Trafficking'),
      para('Artículo 2 – Los Participantes'),
      para('continúan aquí.'),
    ]);
    expect(result.title).toBe('Memorandum');
    expect(result.structure).toBe('articles');
    expect(rows(result.clauses)).toEqual([
      ['preamble', null, 'The Participants,'],
      ['preamble', null, 'Recognizing their partnership;'],
      ['preamble', null, 'Have reached the following understanding:'],
      ['clause', '1', 'The purpose is cooperation.'],
      ['heading', '1', 'Trafficking'],
      ['clause', '2', 'Los Participantes\ncontinúan aquí.'],
    ]);
  });

  it('keeps the marks of an article’s text once its bold label is gone', () => {
    const [article] = segmentBlocks([para(t('Article 3.', 'strong'), ' The ', t('Participants', 'em'), ' act.')]).clauses;
    expect(article.content).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'The ' },
            { type: 'text', text: 'Participants', marks: [{ type: 'em' }] },
            { type: 'text', text: ' act.' },
          ],
        },
      ],
    });
  });

  it('does not take a recital that begins "Article 33 of …" for an article', () => {
    const result = segmentBlocks([para('Article 33 of the Vienna Convention applies;'), para('Article 1. Text.')]);
    expect(rows(result.clauses)).toEqual([
      ['preamble', null, 'Article 33 of the Vienna Convention applies;'],
      ['clause', '1', 'Text.'],
    ]);
  });

  it('makes the clauses under a final-provisions heading final, in English or Spanish', () => {
    expect(
      segmentBlocks([heading('Disposiciones Finales'), para('Artículo 9. Firma.'), para('Artículo 10 bis. Enmienda.')]).clauses.map((c) => [c.kind, c.number]),
    ).toEqual([
      ['heading', null],
      ['final', '9'],
      ['final', '10bis'],
    ]);
  });

  it('reads "1." paragraphs as clauses when the file has no article labels', () => {
    const result = segmentSource('text', 'MEMORANDUM OF COOPERATION\n\nThe Participants,\n\n1. They cooperate.\n\n2. They meet.\n(a) yearly;');
    expect(result.title).toBe('MEMORANDUM OF COOPERATION');
    expect(rows(result.clauses)).toEqual([
      ['preamble', null, 'The Participants,'],
      ['clause', '1', 'They cooperate.'],
      ['clause', '2', 'They meet. (a) yearly;'],
    ]);
  });

  it('turns a run of "1." "2." paragraphs inside a labelled article into an ordered list', () => {
    const [article] = segmentSource('text', 'Article 5. The plan sets out:\n1. objectives;\n2. mechanisms.').clauses;
    expect(article.content.content?.map((block) => block.type)).toEqual(['paragraph', 'ordered_list']);
    expect(article.content.content?.[1].attrs).toEqual({ order: 1 });
  });

  it('reads a top-level numbered list as clauses, but not one that a paragraph ending in ":" introduces', () => {
    const result = segmentSource('markdown', 'Preamble.\n\n1. First.\n2. Second, which sets out:\n\n   1. a;\n   2. b.\n');
    expect(rows(result.clauses)).toEqual([
      ['preamble', null, 'Preamble.'],
      ['clause', '1', 'First.'],
      ['clause', '2', 'Second, which sets out:\na;\nb.'],
    ]);
  });

  it('reads headings and the paragraphs under them when nothing is numbered', () => {
    const result = segmentSource('markdown', 'Intro.\n\n## Scope\n\nFirst.\n\nSecond.');
    expect(result.structure).toBe('headings');
    expect(rows(result.clauses)).toEqual([
      ['preamble', null, 'Intro.'],
      ['heading', null, 'Scope'],
      ['clause', null, 'First.'],
      ['clause', null, 'Second.'],
    ]);
  });

  it('reads a short line before an article as a heading in a plain-text draft', () => {
    const result = segmentSource('text', 'Recitals;\n\nScope of cooperation\n\nArticle 1. Text.\n\nFinal provisions\n\nArticle 2. Signature.');
    expect(rows(result.clauses)).toEqual([
      ['preamble', null, 'Recitals;'],
      ['heading', null, 'Scope of cooperation'],
      ['clause', '1', 'Text.'],
      ['heading', null, 'Final provisions'],
      ['final', '2', 'Signature.'],
    ]);
  });

  it('reads paragraphs separated by blank lines as clauses when that is the only structure', () => {
    expect(segmentSource('text', 'One.\n\nTwo.').structure).toBe('paragraphs');
  });

  it('finds no structure in one unbroken paragraph, and nothing at all in an empty file', () => {
    expect(segmentSource('text', 'Just some words without any structure at all').structure).toBe('none');
    expect(segmentSource('text', '   \n\n ').clauses).toEqual([]);
  });
});
