/**
 * The one ProseMirror schema for the text of a clause, in every language.
 *
 * Client editors, the server and third-party clients all read and write clause fragments with these
 * node and mark names (see docs/document-model.md); renaming any of them is a breaking change of the
 * public document model and of every approval hash already recorded.
 */
import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';

/** A proposal id: `p_` and 16 random lower-case hex digits (64 bits), unique across clients. */
export const PROPOSAL_ID_PATTERN = /^p_[0-9a-f]{16}$/;

/** A bracket id: `b_` and 16 random lower-case hex digits (64 bits); one id for every language of one disputed passage. */
export const BRACKET_ID_PATTERN = /^b_[0-9a-f]{16}$/;

/** Null: a bracket written before brackets had ids ("unregistered"); still read, still blocks the freeze. */
function validateBracketId(value: unknown): void {
  if (value !== null && (typeof value !== 'string' || !BRACKET_ID_PATTERN.test(value))) {
    throw new RangeError(`A bracket id must match ${BRACKET_ID_PATTERN} or be null, got ${JSON.stringify(value)}`);
  }
}

function validateProposalId(value: unknown): void {
  if (typeof value !== 'string' || !PROPOSAL_ID_PATTERN.test(value)) {
    throw new RangeError(`A proposal id must match ${PROPOSAL_ID_PATTERN}, got ${JSON.stringify(value)}`);
  }
}

/** A mark as ProseMirror serialises it with `Mark.toJSON`. */
export interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node as ProseMirror serialises it with `Node.toJSON`; a clause text is a `doc` node. */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  marks?: MarkJSON[];
  text?: string;
}

function validateListOrder(value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`The order of an ordered_list must be a non-negative integer, got ${JSON.stringify(value)}`);
  }
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },

  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: (): DOMOutputSpec => ['p', 0],
  },

  ordered_list: {
    content: 'list_item+',
    group: 'block',
    attrs: { order: { default: 1, validate: validateListOrder } },
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => {
          const start = (dom as HTMLElement).getAttribute('start');
          const order = start === null ? 1 : Number.parseInt(start, 10);
          return { order: Number.isInteger(order) && order >= 0 ? order : 1 };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order }, 0]),
  },

  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },

  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },

  text: { group: 'inline' },

  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  strong: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps normal text in <b style="font-weight: normal">.
      { tag: 'b', getAttrs: (dom) => (dom as HTMLElement).style.fontWeight !== 'normal' && null },
      { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null },
    ],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },

  em: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },

  underline: {
    parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }, { style: 'text-decoration-line=underline' }],
    toDOM: (): DOMOutputSpec => ['u', 0],
  },

  /**
   * Text that stands in [square brackets] because it is not yet agreed. `id` names the bracket (one id
   * for the English and Spanish spans of one disputed passage); its sponsors, note and status are not in
   * the mark (the server is to record them: docs/document-model.md §3.2). Null: a bracket
   * written before brackets had ids. The mark is part of the canonical text, its id is not. A clause
   * whose text contains it cannot be frozen.
   */
  bracket: {
    attrs: { id: { default: null, validate: validateBracketId } },
    inclusive: false,
    excludes: 'bracket',
    parseDOM: [{ tag: 'span[data-bracket]' }],
    toDOM: (mark): DOMOutputSpec => ['span', { 'data-bracket': (mark.attrs.id as string | null) ?? '', class: 'bracket' }, 0],
  },

  /**
   * Text a proposal inserts: not part of the agreed text until the proposal is accepted. Its sponsor
   * is not in the mark: the server records which Participant first wrote each id (docs/document-model.md).
   * No parseDOM: pasted HTML never brings someone's proposal along.
   */
  insertion: {
    attrs: { id: { validate: validateProposalId } },
    inclusive: false,
    excludes: 'insertion',
    toDOM: (mark): DOMOutputSpec => ['ins', { 'data-proposal': mark.attrs.id as string, class: 'proposal-insertion' }, 0],
  },

  /** Agreed text a proposal deletes: still part of the agreed text until the proposal is accepted. */
  deletion: {
    attrs: { id: { validate: validateProposalId } },
    inclusive: false,
    excludes: 'deletion',
    toDOM: (mark): DOMOutputSpec => ['del', { 'data-proposal': mark.attrs.id as string, class: 'proposal-deletion' }, 0],
  },
};

export const schema = new Schema({ nodes, marks });

/** The JSON of a clause text that holds nothing yet: one empty paragraph. */
export function emptyDocJSON(): NodeJSON {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
