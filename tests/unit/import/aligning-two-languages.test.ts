import { alignLanguages, buildPreview, pairingReport, countKinds, type PreviewRow } from '../../../shared/src/import';
import { clause } from './builders';

const numbersOf = (rows: PreviewRow[]) => rows.map((row) => [row.texts.en?.number ?? '–', row.texts.es?.number ?? '–']);

describe('aligning the clause rows of two languages', () => {
  it('pairs rows one to one when both files have the same structure', () => {
    const en = [clause('preamble', null, 'The Participants,'), clause('heading', null, 'Scope'), clause('clause', '1', 'One.'), clause('clause', '2', 'Two.')];
    const es = [
      clause('preamble', null, 'Los Participantes,'),
      clause('heading', null, 'Alcance'),
      clause('clause', '1', 'Uno.'),
      clause('clause', '2', 'Dos.'),
    ];
    const rows = alignLanguages(['en', 'es'], { en, es });
    expect(rows.map((row) => row.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(rows.every((row) => row.texts.en && row.texts.es)).toBe(true);
  });

  it('leaves exactly the clause a file lacks unpaired, matching the rest by their numbers', () => {
    const en = ['1', '2', '3', '4', '5'].map((n) => clause('clause', n, `Article ${n}`));
    const es = ['1', '2', '4', '5'].map((n) => clause('clause', n, `Artículo ${n}`));
    expect(numbersOf(alignLanguages(['en', 'es'], { en, es }))).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '–'],
      ['4', '4'],
      ['5', '5'],
    ]);
  });

  it('keeps a heading that only one file has on a row of its own', () => {
    const en = [clause('clause', '1', 'One.'), clause('heading', null, 'Final Provisions'), clause('final', '2', 'Two.')];
    const es = [clause('clause', '1', 'Uno.'), clause('final', '2', 'Dos.')];
    const rows = alignLanguages(['en', 'es'], { en, es });
    expect(rows.map((row) => [row.kind, Boolean(row.texts.en), Boolean(row.texts.es)])).toEqual([
      ['clause', true, true],
      ['heading', true, false],
      ['final', true, true],
    ]);
  });

  it('puts extra clauses of either file on their own rows, the first language’s first', () => {
    const en = [clause('clause', '1', 'One.'), clause('clause', '2', 'Two.'), clause('clause', '4', 'Four.')];
    const es = [clause('clause', '1', 'Uno.'), clause('clause', '3', 'Tres.'), clause('clause', '4', 'Cuatro.')];
    expect(numbersOf(alignLanguages(['en', 'es'], { en, es }))).toEqual([
      ['1', '1'],
      ['2', '–'],
      ['–', '3'],
      ['4', '4'],
    ]);
  });

  it('aligns a third language against the rows of the first two', () => {
    const rows = alignLanguages(['en', 'es', 'fr'], {
      en: [clause('clause', '1', 'One.'), clause('clause', '2', 'Two.')],
      es: [clause('clause', '1', 'Uno.'), clause('clause', '2', 'Dos.')],
      fr: [clause('clause', '2', 'Deux.')],
    });
    expect(rows.map((row) => [row.texts.en?.number, row.texts.fr?.number ?? null])).toEqual([
      ['1', null],
      ['2', '2'],
    ]);
  });

  it('gives every row a null text in a language that had no file', () => {
    const rows = alignLanguages(['en', 'es'], { en: [clause('clause', '1', 'One.')] });
    expect(rows[0].texts).toEqual({ en: expect.objectContaining({ number: '1' }), es: null });
  });
});

describe('the pairing report', () => {
  it('says which rows lack which language and where the written numbers disagree, with the counts per file', () => {
    const en = [clause('clause', '1', 'One.'), clause('clause', '2', 'Two.'), clause('clause', '3', 'Three.')];
    const es = [clause('clause', '1', 'Uno.'), clause('clause', '3', 'Tres.')];
    const preview = buildPreview(['en', 'es'], { en: { title: null, clauses: en }, es: { title: null, clauses: es } });
    expect(preview.report.aligned).toBe(false);
    expect(preview.report.entries).toEqual([{ rowId: 'r2', index: 1, kind: 'clause', issue: { code: 'missing', languages: ['es'] } }]);
    expect(preview.report.counts).toEqual({ en: { preamble: 0, heading: 0, clause: 3, final: 0 }, es: { preamble: 0, heading: 0, clause: 2, final: 0 } });
  });

  it('reports a pair whose files wrote different numbers', () => {
    const rows: PreviewRow[] = [
      { id: 'r1', kind: 'clause', texts: { en: { number: '4', content: { type: 'doc' } }, es: { number: '5', content: { type: 'doc' } } } },
    ];
    expect(pairingReport(rows, ['en', 'es'], { en: countKinds([]) }).entries).toEqual([
      { rowId: 'r1', index: 0, kind: 'clause', issue: { code: 'number_mismatch', numbers: { en: '4', es: '5' } } },
    ]);
  });
});
