/**
 * Finding words in a clause text. The text is folded the way a person reading a bilingual agreement
 * expects: case-insensitive unless "Match case", and accent-insensitive unless "Match accents", so
 * "articulo" finds "artículo" and "Articulo". The ñ stays a letter of its own (as in Spanish
 * dictionaries and as Spanish readers expect: "ano" is not "año"); every other diacritic folds away.
 * "Whole words" asks for no letter or digit right before or after the match.
 *
 * Positions are ProseMirror positions of the clause's doc (the one fragmentToDoc makes, which is the
 * one its editor shows), so a match can be highlighted with a decoration as it is.
 */
import type { Node as PMNode } from 'prosemirror-model';

export interface SearchOptions {
  matchCase: boolean;
  wholeWord: boolean;
  matchAccents: boolean;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { matchCase: false, wholeWord: false, matchAccents: false };

export interface TextRange {
  from: number;
  to: number;
}

const COMBINING = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACES = /[\s\u00a0\u2007\u202f]/u;

/** One character as searched: folded case and accents per the options, every kind of space a space. */
export function foldChar(ch: string, options: SearchOptions): string {
  if (SPACES.test(ch)) return ' ';
  let out = ch;
  if (!options.matchAccents) {
    const decomposed = out.normalize('NFD');
    // Keep the tilde of ñ/Ñ (U+0303 after n), drop every other combining mark.
    out = /^[nN]\u0303/.test(decomposed) ? decomposed.slice(0, 2).normalize('NFC') : decomposed.replace(COMBINING, '');
    if (out === '') out = ch;
  }
  return options.matchCase ? out : out.toLowerCase();
}

export function foldText(text: string, options: SearchOptions): string {
  let out = '';
  for (const ch of text) out += foldChar(ch, options);
  return out;
}

interface FoldedBlock {
  text: string;
  /** For each code unit of `text`: the doc position where its character starts, and where it ends. */
  starts: number[];
  ends: number[];
}

/** The text of each textblock, folded, with where each folded unit came from. A hard break is a line end. */
function foldedBlocks(doc: PMNode, options: SearchOptions): FoldedBlock[] {
  const blocks: FoldedBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const block: FoldedBlock = { text: '', starts: [], ends: [] };
    node.forEach((child, offset) => {
      const start = pos + 1 + offset;
      if (!child.isText) {
        block.text += '\n';
        block.starts.push(start);
        block.ends.push(start + child.nodeSize);
        return;
      }
      let at = start;
      for (const ch of child.text ?? '') {
        const folded = foldChar(ch, options);
        for (let i = 0; i < folded.length; i++) {
          block.starts.push(at);
          block.ends.push(at + ch.length);
        }
        block.text += folded;
        at += ch.length;
      }
    });
    blocks.push(block);
    return false;
  });
  return blocks;
}

function isWordEdge(text: string, index: number): boolean {
  return index < 0 || index >= text.length || !WORD_CHAR.test(text[index]);
}

/** Every occurrence of `query` in the doc, in order, not overlapping. An empty query finds nothing. */
export function findInDoc(doc: PMNode, query: string, options: SearchOptions): TextRange[] {
  const needle = foldText(query, options);
  if (needle.trim() === '') return [];
  const found: TextRange[] = [];
  for (const block of foldedBlocks(doc, options)) {
    let index = block.text.indexOf(needle);
    while (index >= 0) {
      const end = index + needle.length;
      if (!options.wholeWord || (isWordEdge(block.text, index - 1) && isWordEdge(block.text, end))) {
        found.push({ from: block.starts[index], to: block.ends[end - 1] });
        index = block.text.indexOf(needle, end);
      } else {
        index = block.text.indexOf(needle, index + 1);
      }
    }
  }
  return found;
}
