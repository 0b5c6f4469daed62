/**
 * layoutViolations names every break of the layout contract (docs/document-model.md §2–§4) in the
 * clauses asked about, and nothing in a document every honest writer could have made.
 */
import * as Y from 'yjs';
import { layoutViolations, MAX_VIOLATIONS } from '../../../server/src/collab/layout-check';
import { DEFAULT_LANGUAGES, clausesMap, insertClause, MAX_TEXT_DEPTH, orderArray, schema, type NodeJSON } from '../../../shared/src/index';
import { FINGERPRINT_VECTORS } from '../../utils/fingerprint-vectors';
import { br, doc, em, li, marked, ol, p, strong, ul } from '../shared/builders';

const origin = { kind: 'test' };
const langs = DEFAULT_LANGUAGES;

function docWith(...ids: string[]): Y.Doc {
  const ydoc = new Y.Doc();
  let after: string | null = null;
  for (const id of ids) {
    insertClause(ydoc, { id, kind: 'clause' }, langs, after, origin);
    after = id;
  }
  return ydoc;
}

const entry = (ydoc: Y.Doc, id: string) => clausesMap(ydoc).get(id)!;
const fragment = (ydoc: Y.Doc, id: string, lang = 'en') => entry(ydoc, id).get(lang) as Y.XmlFragment;
const change = (ydoc: Y.Doc, fn: () => void) => ydoc.transact(fn, origin);
const all = (ydoc: Y.Doc) => layoutViolations(ydoc, langs, 'all');

/** Replaces the English text of clause `id` with `build`'s element(s), written as a peer would. */
function writeEnglish(ydoc: Y.Doc, id: string, build: () => Array<Y.XmlElement | Y.XmlText>) {
  change(ydoc, () => {
    const text = fragment(ydoc, id);
    text.delete(0, text.length);
    text.insert(0, build());
  });
}

/** Replaces the English text of clause `id` with one paragraph whose text `write` formats as a peer would. */
function writeParagraph(ydoc: Y.Doc, id: string, write: (text: Y.XmlText) => void) {
  change(ydoc, () => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    writeEnglish(ydoc, id, () => [paragraph]);
    paragraph.insert(0, [text]);
    write(text);
  });
}

describe('what every honest writer makes', () => {
  it('finds nothing in clauses of every kind with lists, marks and hard breaks', () => {
    const ydoc = new Y.Doc();
    const rich: NodeJSON = doc(
      p('The ', strong('Participants'), ' ', em('intend'), br(), marked('both', 'strong', 'em', 'underline')),
      ol(3, li(p('first'), ul(li(p('nested')))), li(p('second'))),
      p(marked('to be agreed', 'bracket')),
      p(),
    );
    let after: string | null = null;
    for (const [index, kind] of (['preamble', 'heading', 'clause', 'final'] as const).entries()) {
      const id = `c_${index}`;
      insertClause(ydoc, { id, kind, content: { en: rich, es: rich } }, langs, after, origin);
      after = id;
    }
    expect(all(ydoc)).toEqual([]);
    expect(layoutViolations(ydoc, langs, new Set(['c_1', 'c_3']))).toEqual([]);
  });

  it('finds nothing in the texts of the fingerprint vectors', () => {
    const ydoc = new Y.Doc();
    let after: string | null = null;
    for (const [index, vector] of FINGERPRINT_VECTORS.entries()) {
      const id = `v_${index}`;
      insertClause(ydoc, { id, kind: vector.input.kind, content: vector.input.texts }, Object.keys(vector.input.texts), after, origin);
      after = id;
    }
    expect(layoutViolations(ydoc, ['en', 'es'], 'all')).toEqual([]);
  });

  it('accepts every mark of the schema, read from the schema itself (with valid attributes)', () => {
    const ydoc = docWith('a');
    const validAttrs: Record<string, Record<string, unknown>> = { insertion: { id: 'p_0123456789abcdef' }, deletion: { id: 'p_0123456789abcdef' } };
    writeParagraph(ydoc, 'a', (text) => {
      for (const name of Object.keys(schema.marks)) text.insert(text.length, name, { [name]: validAttrs[name] ?? {} });
    });
    expect(all(ydoc)).toEqual([]);
  });

  it('reads overlapping marks by the names y-prosemirror gives them (name--hash)', () => {
    const ydoc = docWith('a');
    writeParagraph(ydoc, 'a', (text) => text.insert(0, 'bold', { 'strong--AbCd12+/': {} }));
    expect(all(ydoc)).toEqual([]);
  });

  it('accepts an id left twice in order by concurrent moves, and an id without an entry', () => {
    const ydoc = docWith('a', 'b');
    change(ydoc, () => orderArray(ydoc).push(['a', 'ghost']));
    expect(all(ydoc)).toEqual([]);
  });

  it('accepts a list item that lost its paragraph in a merge: sequence rules are the canonical form’s business', () => {
    const ydoc = docWith('a');
    writeEnglish(ydoc, 'a', () => {
      const list = new Y.XmlElement('bullet_list');
      const item = new Y.XmlElement('list_item');
      item.insert(0, [new Y.XmlElement('bullet_list')]);
      list.insert(0, [item]);
      return [list];
    });
    expect(all(ydoc)).toEqual([]);
  });
});

describe('the clause entry', () => {
  it('names a kind outside the list', () => {
    const ydoc = docWith('a');
    change(ydoc, () => entry(ydoc, 'a').set('kind', 'bogus'));
    expect(all(ydoc)).toEqual(['clause "a": the kind is the string "bogus", not one of preamble, heading, clause, final']);
  });

  it('names a missing kind, and one that is not a string', () => {
    const ydoc = docWith('a', 'b');
    change(ydoc, () => {
      entry(ydoc, 'a').delete('kind');
      entry(ydoc, 'b').set('kind', new Y.Map());
    });
    expect(all(ydoc)).toEqual([
      'clause "a": the kind is nothing, not one of preamble, heading, clause, final',
      'clause "b": the kind is a Y.Map, not one of preamble, heading, clause, final',
    ]);
  });

  it('names an entry that is not a Y.Map', () => {
    const ydoc = docWith('a');
    change(ydoc, () => {
      (clausesMap(ydoc) as Y.Map<unknown>).set('b', 'just a string');
      (clausesMap(ydoc) as Y.Map<unknown>).set('c', new Y.Array());
    });
    expect(all(ydoc)).toEqual(['clause "b": the entry is the string "just a string", not a Y.Map', 'clause "c": the entry is a Y.Array, not a Y.Map']);
  });

  it('names an entry deleted from clauses, when that clause is asked about', () => {
    const ydoc = docWith('a');
    change(ydoc, () => clausesMap(ydoc).delete('a'));
    expect(layoutViolations(ydoc, langs, new Set(['a']))).toEqual([
      'clause "a": its entry was deleted (entries are never deleted; a deleted clause only leaves "order")',
    ]);
  });

  it('names an id that does not match the pattern', () => {
    const ydoc = new Y.Doc();
    change(ydoc, () => {
      const bad = new Y.Map<unknown>();
      clausesMap(ydoc).set('no spaces allowed', bad);
      bad.set('kind', 'clause');
      for (const lang of langs) {
        const text = new Y.XmlFragment();
        bad.set(lang, text);
        text.insert(0, [new Y.XmlElement('paragraph')]);
      }
    });
    expect(all(ydoc)).toEqual(['clause "no spaces allowed": the id is not a clause id (1 to 64 letters, digits, "_" or "-")']);
  });

  it('names a language fragment replaced by a string, deleted, or made an element', () => {
    const ydoc = docWith('a', 'b', 'c');
    change(ydoc, () => {
      entry(ydoc, 'a').set('es', 'texto');
      entry(ydoc, 'b').delete('en');
      entry(ydoc, 'c').set('en', new Y.XmlElement('paragraph'));
    });
    expect(all(ydoc)).toEqual([
      'clause "a" in "es": the text is the string "texto", not a Y.XmlFragment',
      'clause "b" in "en": the text is missing, not a Y.XmlFragment',
      'clause "c" in "en": the text is a Y.XmlElement "paragraph", not a Y.XmlFragment',
    ]);
  });

  it('names a key that is neither the kind nor a language of the document', () => {
    const ydoc = docWith('a');
    change(ydoc, () => {
      entry(ydoc, 'a').set('fr', new Y.XmlFragment());
      entry(ydoc, 'a').set('__proto__', 1);
    });
    expect(all(ydoc)).toEqual([
      'clause "a": the key "fr" is neither "kind" nor a language of the document (en, es)',
      'clause "a": the key "__proto__" is neither "kind" nor a language of the document (en, es)',
    ]);
  });
});

describe('the clause text', () => {
  it('names an element outside the schema', () => {
    const ydoc = docWith('a');
    writeEnglish(ydoc, 'a', () => [new Y.XmlElement('script'), new Y.XmlElement('text'), new Y.XmlElement('doc')]);
    expect(all(ydoc)).toEqual([
      'clause "a" in "en": the element "script" (in doc) is not in the schema',
      'clause "a" in "en": the element "text" (in doc) is not in the schema',
      'clause "a" in "en": "doc" cannot stand in "doc" (doc)',
    ]);
  });

  it('names an element where its parent cannot hold it, and text directly in the fragment', () => {
    const ydoc = docWith('a');
    writeEnglish(ydoc, 'a', () => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlElement('bullet_list')]);
      return [paragraph, new Y.XmlText('loose'), new Y.XmlElement('list_item')];
    });
    expect(all(ydoc)).toEqual([
      'clause "a" in "en": text cannot stand in "doc" (doc)',
      'clause "a" in "en": "list_item" cannot stand in "doc" (doc)',
      'clause "a" in "en": "bullet_list" cannot stand in "paragraph" (doc > paragraph)',
    ]);
  });

  it('names content inside a leaf', () => {
    const ydoc = docWith('a');
    writeEnglish(ydoc, 'a', () => {
      const paragraph = new Y.XmlElement('paragraph');
      const hardBreak = new Y.XmlElement('hard_break');
      paragraph.insert(0, [hardBreak]);
      hardBreak.insert(0, [new Y.XmlText('hidden')]);
      return [paragraph];
    });
    expect(all(ydoc)).toEqual(['clause "a" in "en": "hard_break" holds content, but it is a leaf (doc > paragraph > hard_break)']);
  });

  it('names attributes a node does not define or does not accept', () => {
    const ydoc = docWith('a');
    writeEnglish(ydoc, 'a', () => {
      const list = new Y.XmlElement('ordered_list');
      list.setAttribute('order', -2 as unknown as string);
      const item = new Y.XmlElement('list_item');
      item.insert(0, [new Y.XmlElement('paragraph')]);
      list.insert(0, [item]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('onclick', 'alert(1)');
      return [list, paragraph];
    });
    expect(all(ydoc)).toEqual([
      'clause "a" in "en": doc > ordered_list: The order of an ordered_list must be a non-negative integer, got -2',
      'clause "a" in "en": doc > paragraph: the attribute "onclick" is not defined by "paragraph"',
    ]);
  });

  it('does not refuse an empty fragment, which concurrent honest deletions can leave', () => {
    const ydoc = docWith('a');
    writeEnglish(ydoc, 'a', () => []);
    expect(all(ydoc)).toEqual([]);
  });

  it('names a javascript: link mark as a mark outside the schema', () => {
    const ydoc = docWith('a');
    writeParagraph(ydoc, 'a', (text) => text.insert(0, 'click', { link: { href: 'javascript:alert(1)' } }));
    expect(all(ydoc)).toEqual(['clause "a" in "en": text in doc > paragraph: the mark "link" is not in the schema']);
  });

  it('names an unknown mark under a hashed name too', () => {
    const ydoc = docWith('a');
    writeParagraph(ydoc, 'a', (text) => text.insert(0, 'x', { 'link--AbCd12+/': { href: 'javascript:alert(1)' } }));
    expect(all(ydoc)).toEqual(['clause "a" in "en": text in doc > paragraph: the mark "link" is not in the schema']);
  });

  it('names mark attributes the mark refuses or does not define', () => {
    const ydoc = docWith('a');
    writeParagraph(ydoc, 'a', (text) => {
      text.insert(0, 'a', { insertion: { id: 'javascript:alert(1)' } });
      text.insert(1, 'b', { strong: { href: 'x' } });
      text.insert(2, 'c', { em: 'yes' });
    });
    expect(all(ydoc)).toEqual([
      'clause "a" in "en": text in doc > paragraph: the mark "insertion": A proposal id must match /^p_[0-9a-f]{16}$/, got "javascript:alert(1)"',
      'clause "a" in "en": text in doc > paragraph: the attribute "href" is not defined by the mark "strong"',
      'clause "a" in "en": text in doc > paragraph: the mark "em" has attributes the string "yes", not an object',
    ]);
  });

  it('names an embed in the text', () => {
    const ydoc = docWith('a');
    writeParagraph(ydoc, 'a', (text) => text.insertEmbed(0, { image: 'x' }));
    expect(all(ydoc)).toEqual(['clause "a" in "en": text in doc > paragraph: holds an embedded an object, not text']);
  });

  it('names nesting beyond the bound once, and walks thousands of levels without exhausting the stack', () => {
    const ydoc = docWith('a', 'b');
    const nest = (lang: string, depth: number) =>
      change(ydoc, () => {
        let list = new Y.XmlElement('bullet_list');
        fragment(ydoc, 'a', lang).insert(0, [list]);
        for (let level = 0; level < depth; level += 1) {
          const item = new Y.XmlElement('list_item');
          list.insert(0, [item]);
          const paragraph = new Y.XmlElement('paragraph');
          const inner = new Y.XmlElement('bullet_list');
          item.insert(0, [paragraph, inner]);
          list = inner;
        }
      });
    nest('en', 5_000);
    expect(all(ydoc)).toEqual([`clause "a" in "en": the text is nested deeper than ${MAX_TEXT_DEPTH} levels`]);
  });

  it('accepts nesting up to the bound', () => {
    const ydoc = docWith('a');
    change(ydoc, () => {
      // bullet_list > list_item > … > paragraph > hard_break: exactly MAX_TEXT_DEPTH elements on the deepest path.
      let parent: Y.XmlFragment = fragment(ydoc, 'a');
      let depth = 0;
      while (depth + 4 <= MAX_TEXT_DEPTH) {
        const list = new Y.XmlElement('bullet_list');
        parent.insert(parent.length, [list]);
        const item = new Y.XmlElement('list_item');
        list.insert(0, [item]);
        item.insert(0, [new Y.XmlElement('paragraph')]);
        parent = item;
        depth += 2;
      }
      const paragraph = new Y.XmlElement('paragraph');
      parent.insert(parent.length, [paragraph]);
      paragraph.insert(0, [new Y.XmlElement('hard_break')]);
      expect(depth + 2).toBe(MAX_TEXT_DEPTH);
    });
    expect(all(ydoc)).toEqual([]);
    const deeper = fragment(ydoc, 'a');
    expect(deeper).toBeDefined();
  });
});

describe('the roots', () => {
  it('names foreign values in order: non-strings and ids that do not match the pattern', () => {
    const ydoc = docWith('a');
    change(ydoc, () => (orderArray(ydoc) as Y.Array<unknown>).push([42, null, { id: 'a' }, 'has space', 'x'.repeat(65)]));
    expect(all(ydoc)).toEqual([
      'order[1] is the number 42, not a clause id',
      'order[2] is null, not a clause id',
      'order[3] is an object, not a clause id',
      'order[4] is "has space", which is not a clause id (1 to 64 letters, digits, "_" or "-")',
      `order[5] is "${'x'.repeat(65)}", which is not a clause id (1 to 64 letters, digits, "_" or "-")`,
    ]);
  });

  it('names a root outside the layout, map entries in order and items in clauses', () => {
    const ydoc = docWith('a');
    change(ydoc, () => ydoc.getMap('junk').set('x', 1));
    const peer = new Y.Doc();
    peer.transact(() => {
      peer.getMap('order').set('k', 1);
      peer.getArray('clauses').push([1]);
    }, origin);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(peer));
    expect(all(ydoc)).toEqual([
      'the root "junk" is not part of the layout (only "order" and "clauses")',
      'the root "order" has map entries ("k"); it is a Y.Array',
      'the root "clauses" has array items; it is a Y.Map',
    ]);
  });

  it('skips the roots and order with { structure: false }, for an update that did not touch them', () => {
    const ydoc = docWith('a');
    change(ydoc, () => (orderArray(ydoc) as Y.Array<unknown>).push([42]));
    expect(layoutViolations(ydoc, langs, new Set(['a']), { structure: false })).toEqual([]);
    expect(layoutViolations(ydoc, langs, new Set(['a']))).toEqual(['order[1] is the number 42, not a clause id']);
  });
});

describe('what it is asked about', () => {
  it('checks only the clauses named', () => {
    const ydoc = docWith('a', 'b');
    change(ydoc, () => entry(ydoc, 'b').set('kind', 'bogus'));
    expect(layoutViolations(ydoc, langs, new Set(['a']))).toEqual([]);
    expect(layoutViolations(ydoc, langs, new Set(['b']))).toHaveLength(1);
  });

  it('checks the languages of the document it is given', () => {
    const ydoc = new Y.Doc();
    insertClause(ydoc, { id: 'a', kind: 'clause' }, ['en', 'es', 'fr'], null, origin);
    expect(layoutViolations(ydoc, ['en', 'es', 'fr'], 'all')).toEqual([]);
    expect(layoutViolations(ydoc, ['en', 'fr', 'pt'], 'all')).toEqual([
      'clause "a": the key "es" is neither "kind" nor a language of the document (en, fr, pt)',
      'clause "a" in "pt": the text is missing, not a Y.XmlFragment',
    ]);
  });

  it(`says at most ${MAX_VIOLATIONS} things, then that there is more`, () => {
    const ydoc = docWith('a');
    change(ydoc, () => (orderArray(ydoc) as Y.Array<unknown>).push(Array.from({ length: 100 }, (_, i) => i)));
    const found = all(ydoc);
    expect(found).toHaveLength(MAX_VIOLATIONS + 1);
    expect(found[MAX_VIOLATIONS]).toBe(`… and more (the check stops after ${MAX_VIOLATIONS})`);
  });

  it('changes nothing in the document it reads', () => {
    const ydoc = docWith('a');
    change(ydoc, () => entry(ydoc, 'a').set('kind', 'bogus'));
    const before = Y.encodeStateAsUpdate(ydoc);
    all(ydoc);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });
});
