import {
  applyOperations,
  blockCount,
  mergeRow,
  nextRowId,
  pairRows,
  removeRow,
  setRowKind,
  splitRow,
  unpairRow,
  plainTextOf,
  type PreviewRow,
  type RowText,
} from '../../../shared/src/import';

const text = (number: string | null, ...paragraphs: string[]): RowText => ({
  number,
  content: { type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
});
const row = (id: string, en: RowText | null, es: RowText | null, kind: PreviewRow['kind'] = 'clause'): PreviewRow => ({ id, kind, texts: { en, es } });
const show = (rows: PreviewRow[]) =>
  rows.map((r) => [r.id, r.texts.en ? plainTextOf(r.texts.en.content) : null, r.texts.es ? plainTextOf(r.texts.es.content) : null]);

const rows: PreviewRow[] = [
  row('r1', text('1', 'One.'), text('1', 'Uno.')),
  row('r2', text('2', 'Two.', 'Three.'), null),
  row('r3', null, text('2', 'Dos.')),
  row('r4', null, text('3', 'Tres.')),
];

describe('correcting a preview', () => {
  it('pairs two rows with no language in common into the place of the first', () => {
    expect(show(pairRows(rows, 'r3', 'r2'))).toEqual([
      ['r1', 'One.', 'Uno.'],
      ['r2', 'Two.\nThree.', 'Dos.'],
      ['r4', null, 'Tres.'],
    ]);
  });

  it('refuses to pair rows that both have text in one language, naming it', () => {
    expect(() => pairRows(rows, 'r1', 'r3')).toThrow('Cannot pair rows r1 and r3: both have text in "es"; unpair one of them first');
  });

  it('splits one language’s text before a block into a new row right after, with the next free id', () => {
    expect(nextRowId(rows)).toBe('r5');
    expect(show(splitRow(rows, 'r2', 'en', 1))).toEqual([
      ['r1', 'One.', 'Uno.'],
      ['r2', 'Two.', null],
      ['r5', 'Three.', null],
      ['r3', null, 'Dos.'],
      ['r4', null, 'Tres.'],
    ]);
    expect(() => splitRow(rows, 'r2', 'en', 2)).toThrow('its text has 2 block(s), so the cut must be between 1 and 1');
    expect(blockCount(rows[1], 'en')).toBe(2);
  });

  it('merges the next row into this one, in one language or in all', () => {
    expect(show(mergeRow(rows, 'r3', 'es'))).toEqual([
      ['r1', 'One.', 'Uno.'],
      ['r2', 'Two.\nThree.', null],
      ['r3', null, 'Dos.\nTres.'],
    ]);
    expect(show(mergeRow(rows, 'r1'))).toEqual([
      ['r1', 'One.\nTwo.\nThree.', 'Uno.'],
      ['r3', null, 'Dos.'],
      ['r4', null, 'Tres.'],
    ]);
    expect(() => mergeRow(rows, 'r4')).toThrow('it is the last row');
  });

  it('unpairs a language into its own row, sets a row’s kind and removes a row', () => {
    expect(show(unpairRow(rows, 'r1', 'es')).slice(0, 2)).toEqual([
      ['r1', 'One.', null],
      ['r5', null, 'Uno.'],
    ]);
    expect(() => unpairRow(rows, 'r2', 'en')).toThrow('nothing to unpair it from');
    expect(setRowKind(rows, 'r1', 'final')[0].kind).toBe('final');
    expect(() => setRowKind(rows, 'r1', 'article')).toThrow('"article" is not a kind of row');
    expect(removeRow(rows, 'r4').map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('applies a list of corrections in order without changing the rows it was given', () => {
    const before = JSON.stringify(rows);
    const after = applyOperations(rows, [
      { op: 'split', row: 'r2', language: 'en', at: 1 },
      { op: 'pair', rows: ['r2', 'r3'] },
      { op: 'pair', rows: ['r5', 'r4'] },
    ]);
    expect(show(after)).toEqual([
      ['r1', 'One.', 'Uno.'],
      ['r2', 'Two.', 'Dos.'],
      ['r5', 'Three.', 'Tres.'],
    ]);
    expect(JSON.stringify(rows)).toBe(before);
  });

  it('names the correction that cannot apply', () => {
    expect(() =>
      applyOperations(rows, [
        { op: 'remove', row: 'r4' },
        { op: 'remove', row: 'r4' },
      ]),
    ).toThrow('Correction 2 (remove): There is no row "r4" in this preview');
  });
});
