import { diffSide, hasChanges, MAX_DIFF_CELLS, wordDiff, wordTokens, type DiffPart } from '../../../shared/src/word-diff';
import { createRandom } from '../../utils/prng';

const show = (parts: DiffPart[]) => parts.map(({ op, text }) => (op === 'equal' ? text : op === 'insert' ? `{+${text}+}` : `[-${text}-]`)).join('');

describe('wordTokens', () => {
  it('cuts a text into words, whitespace runs and single punctuation marks that join back to it', () => {
    const text = 'The Participants [shall/should]  cooperate, ¿sí?';
    expect(wordTokens(text)).toEqual(['The', ' ', 'Participants', ' ', '[', 'shall', '/', 'should', ']', '  ', 'cooperate', ',', ' ', '¿', 'sí', '?']);
    expect(wordTokens(text).join('')).toBe(text);
  });

  it('keeps a letter and its combining accent in one word', () => {
    expect(wordTokens('intencio\u0301n de')).toEqual(['intencio\u0301n', ' ', 'de']);
  });
});

describe('wordDiff', () => {
  it('reports no change for equal texts', () => {
    const parts = wordDiff('Border security.', 'Border security.');
    expect(parts).toEqual([{ op: 'equal', text: 'Border security.' }]);
    expect(hasChanges(parts)).toBe(false);
  });

  it('shows a replaced word as a deletion followed by an insertion', () => {
    expect(show(wordDiff('The Participants shall cooperate.', 'The Participants should cooperate.'))).toBe('The Participants [-shall-]{+should+} cooperate.');
  });

  it('shows an inserted phrase and a deleted phrase in a Spanish text', () => {
    expect(show(wordDiff('Los Participantes cooperarán en la lucha.', 'Los Participantes cooperarán estrechamente en la lucha contra la trata.'))).toBe(
      'Los Participantes cooperarán {+estrechamente +}en la lucha{+ contra la trata+}.',
    );
    expect(show(wordDiff('intercambio de información oportuna y precisa', 'intercambio de información precisa'))).toBe(
      'intercambio de información [-oportuna y -]precisa',
    );
  });

  it('treats a text that became empty as one deletion, and a new text as one insertion', () => {
    expect(wordDiff('Only words.', '')).toEqual([{ op: 'delete', text: 'Only words.' }]);
    expect(wordDiff('', 'New words.')).toEqual([{ op: 'insert', text: 'New words.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('rebuilds both texts from its parts, for any pair of texts', () => {
    const random = createRandom(20190220);
    const words = ['the', 'Participants', 'shall', 'cooperate', 'información', ',', '.', ' ', '  ', '[', ']', 'ñ', '\n'];
    const sentence = () => Array.from({ length: random.int(30) }, () => random.pick(words)).join(random.chance(0.5) ? ' ' : '');
    for (let round = 0; round < 300; round += 1) {
      const before = sentence();
      const after = random.chance(0.3) ? before.replace(/ /, ' x ') : sentence();
      const parts = wordDiff(before, after);
      expect(diffSide(parts, 'before')).toBe(before);
      expect(diffSide(parts, 'after')).toBe(after);
      for (let k = 1; k < parts.length; k += 1) expect(parts[k].op).not.toBe(parts[k - 1].op);
      for (let k = 1; k < parts.length; k += 1) expect(`${parts[k - 1].op}>${parts[k].op}`).not.toBe('insert>delete');
    }
  });

  it('shows a long clause rewritten every other word as alternating kept, deleted and inserted words', () => {
    // Long enough that a table of every pair of tokens would exceed the limit: only the edits count.
    const words = 1200;
    expect((2 * words) ** 2).toBeGreaterThan(MAX_DIFF_CELLS);
    const before = Array.from({ length: words }, (_, i) => `palabra${i}`);
    const after = before.map((word, i) => (i % 2 === 1 ? `cambio${i}` : word));
    const expected: DiffPart[] = [];
    for (let i = 0; i < words; i += 2) {
      expected.push({ op: 'equal', text: i === 0 ? 'palabra0 ' : ` palabra${i} ` });
      expected.push({ op: 'delete', text: `palabra${i + 1}` }, { op: 'insert', text: `cambio${i + 1}` });
    }
    const parts = wordDiff(before.join(' '), after.join(' '));
    expect(parts).toEqual(expected);
    expect(parts.filter((part) => part.op === 'delete')).toHaveLength(words / 2);
  });

  it('keeps the words a long clause shares with its rewrite, however often each word recurs', () => {
    const vocabulary = ['los', 'Participantes', 'cooperarán', 'en', 'la', 'lucha', 'contra', 'trata', 'de', 'personas'];
    const before = Array.from({ length: 400 }, (_, i) => vocabulary[(i * 7) % vocabulary.length]);
    const after = before.map((word, i) => (i % 2 === 1 ? `nuevo${i}` : word));
    const parts = wordDiff(before.join(' '), after.join(' '));
    const kept = parts
      .filter((part) => part.op === 'equal')
      .map((part) => part.text)
      .join('')
      .split(/\s+/)
      .filter(Boolean);
    expect(kept).toEqual(before.filter((_, i) => i % 2 === 0));
    for (const part of parts.filter((p) => p.op !== 'equal')) expect(part.text).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('falls back to one deletion and one insertion when the texts are too long to compare word by word', () => {
    const side = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 10;
    const before = Array.from({ length: side }, (_, i) => `a${i}`).join('');
    const after = Array.from({ length: side }, (_, i) => `b${i}`).join('');
    const parts = wordDiff(`start ${before.split('').join(' ')} end`, `start ${after.split('').join(' ')} end`);
    expect(parts.map((p) => p.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
  });
});
