/**
 * Search (client/src/search): what "articulo" finds in a Spanish text, what the options change, and
 * that the whole agreement is searched from the Y.Doc, every clause and language, in document order.
 */
import * as Y from 'yjs';
import { schema } from '../../../shared/src/schema';
import { DEFAULT_LANGUAGES, insertClause, type NodeJSON } from '../../../shared/src/index';
import { DEFAULT_SEARCH_OPTIONS, findInDoc, foldText, type SearchOptions } from '../../../client/src/search/search-text';
import { SearchStore } from '../../../client/src/search/search-store';

const options = (change: Partial<SearchOptions> = {}): SearchOptions => ({ ...DEFAULT_SEARCH_OPTIONS, ...change });
const p = (text: string) => schema.node('paragraph', null, text ? [schema.text(text)] : []);
const doc = (...texts: string[]) => schema.node('doc', null, texts.map(p));
const found = (d: ReturnType<typeof doc>, query: string, o = options()) => findInDoc(d, query, o).map(({ from, to }) => d.textBetween(from, to));

describe('finding words in a clause text', () => {
  it('finds "articulo" in "Artículo" and "ARTÍCULO": accents and case are ignored by default', () => {
    expect(found(doc('El Artículo 5 y el ARTÍCULO 6 remiten al articulo 7.'), 'articulo')).toEqual(['Artículo', 'ARTÍCULO', 'articulo']);
  });

  it('keeps ñ a letter of its own: "ano" does not find "año"', () => {
    expect(found(doc('En el año fiscal'), 'ano')).toEqual([]);
    expect(found(doc('En el AÑO fiscal'), 'año')).toEqual(['AÑO']);
  });

  it('tells accents apart with "Match accents" and capitals with "Match case"', () => {
    const d = doc('Artículo, articulo, ARTICULO');
    expect(found(d, 'articulo', options({ matchAccents: true }))).toEqual(['articulo', 'ARTICULO']);
    expect(found(d, 'Articulo', options({ matchCase: true }))).toEqual(['Artículo']);
    expect(found(d, 'Artículo', options({ matchCase: true, matchAccents: true }))).toEqual(['Artículo']);
  });

  it('finds whole words only when asked', () => {
    const d = doc('The Participants participate; participant.');
    expect(found(d, 'participant')).toEqual(['Participant', 'participant']);
    expect(found(d, 'participant', options({ wholeWord: true }))).toEqual(['participant']);
  });

  it('maps matches back to the positions of the text, across marks and in every paragraph', () => {
    const bold = schema.text('cooperación', [schema.marks.strong.create()]);
    const d = schema.node('doc', null, [p('Primero'), schema.node('paragraph', null, [schema.text('la '), bold, schema.text(' regional')])]);
    const [match] = findInDoc(d, 'cooperacion regional', options());
    expect(d.textBetween(match.from, match.to)).toBe('cooperación regional');
  });

  it('finds nothing for an empty or blank query, and folds non-breaking spaces to spaces', () => {
    expect(found(doc('texto'), '  ')).toEqual([]);
    expect(found(doc('Artículo\u00a05'), 'articulo 5')).toEqual(['Artículo\u00a05']);
    expect(foldText('Ésta', options())).toBe('esta');
  });
});

describe('searching the whole agreement', () => {
  const paragraph = (text: string): NodeJSON => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  function agreement(): Y.Doc {
    const ydoc = new Y.Doc();
    let after: string | null = null;
    for (let i = 1; i <= 40; i++) {
      const id = `c${i}`;
      insertClause(
        ydoc,
        { id, kind: 'clause', content: { en: paragraph(`Clause ${i} of the agreement`), es: paragraph(`Cláusula ${i} del acuerdo`) } },
        DEFAULT_LANGUAGES,
        after,
        'test',
      );
      after = id;
    }
    return ydoc;
  }

  it('finds matches in every clause and language, in document order, and steps round them', () => {
    const store = new SearchStore();
    store.attach(agreement(), ['en', 'es']);
    store.open('claus');
    const state = store.getSnapshot();
    expect(state.matches).toHaveLength(80);
    expect(state.matches.slice(0, 2).map((m) => `${m.clauseId}/${m.language}`)).toEqual(['c1/en', 'c1/es']);
    expect(state.matches[79].clauseId).toBe('c40');
    expect(state.current).toBe(0);
    store.step(-1);
    expect(store.getSnapshot().current).toBe(79);
    store.step(1);
    expect(store.getSnapshot().current).toBe(0);
  });

  it('follows edits of the texts, keeping the current match', async () => {
    const ydoc = agreement();
    const store = new SearchStore();
    store.attach(ydoc, ['en', 'es']);
    store.open('cláusula 40');
    expect(store.getSnapshot().matches).toHaveLength(1);
    const fragment = (ydoc.getMap('clauses').get('c3') as Y.Map<unknown>).get('es') as Y.XmlFragment;
    ydoc.transact(() => (fragment.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Cláusula 40 bis. ')]));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = store.getSnapshot();
    expect(after.matches.map((m) => m.clauseId)).toEqual(['c3', 'c40']);
    expect(after.matches[after.current].clauseId).toBe('c40');
  });

  it('clears its matches when closed', () => {
    const store = new SearchStore();
    store.attach(agreement(), ['en', 'es']);
    store.open('clause');
    store.close();
    expect(store.getSnapshot()).toMatchObject({ open: false, matches: [], current: -1 });
  });

  it('attaches again (the languages of the document read again) without removing a Yjs handler twice', () => {
    const ydoc = agreement();
    const store = new SearchStore();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const first = store.attach(ydoc, ['en', 'es']);
      first();
      const second = store.attach(ydoc, ['en', 'es']);
      store.open('claus');
      expect(store.getSnapshot().matches).toHaveLength(80);
      second();
      second();
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
