/**
 * The secretariat's corrections to a preview, as pure functions: each takes the rows and returns new
 * rows, never changing its input, and throws a RangeError naming the row when it cannot apply. The
 * client applies them to show the result at once; the server applies the same list to the preview it
 * stored, so what is imported is exactly what was shown.
 */
import { isClauseKind } from '../yjs-layout';
import type { LanguageCode } from '../languages';
import type { NodeJSON } from '../schema';
import { titleParagraph } from './title';
import type { PreviewOperation, PreviewRow, RowText } from './types';

function find(rows: readonly PreviewRow[], id: string): number {
  const index = rows.findIndex((row) => row.id === id);
  if (index < 0) throw new RangeError(`There is no row ${JSON.stringify(id)} in this preview`);
  return index;
}

function languagesOf(row: PreviewRow): LanguageCode[] {
  return Object.keys(row.texts).filter((lang) => row.texts[lang] !== null);
}

/** The next free id: "r" and one more than the highest number in use. */
export function nextRowId(rows: readonly PreviewRow[]): string {
  const max = rows.reduce((highest, row) => Math.max(highest, Number(/^r(\d+)$/.exec(row.id)?.[1] ?? 0)), 0);
  return `r${max + 1}`;
}

function emptyTexts(row: PreviewRow): Record<LanguageCode, RowText | null> {
  return Object.fromEntries(Object.keys(row.texts).map((lang) => [lang, null]));
}

function requireLanguage(row: PreviewRow, language: LanguageCode): RowText {
  if (!(language in row.texts)) throw new RangeError(`The preview has no language ${JSON.stringify(language)}`);
  const text = row.texts[language];
  if (!text) throw new RangeError(`Row ${row.id} has no text in "${language}"`);
  return text;
}

function blocks(text: RowText): NodeJSON[] {
  return (text.content.content ?? []).filter((block) => !(block.type === 'paragraph' && (block.content ?? []).length === 0));
}

const doc = (content: NodeJSON[]): NodeJSON => ({ type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] });

export function pairRows(rows: readonly PreviewRow[], firstId: string, secondId: string): PreviewRow[] {
  if (firstId === secondId) throw new RangeError(`Cannot pair row ${firstId} with itself`);
  const [i, j] = [find(rows, firstId), find(rows, secondId)].sort((x, y) => x - y);
  const [a, b] = [rows[i], rows[j]];
  const shared = languagesOf(a).filter((lang) => b.texts[lang] !== null);
  if (shared.length > 0) {
    throw new RangeError(`Cannot pair rows ${a.id} and ${b.id}: both have text in ${shared.map((lang) => `"${lang}"`).join(', ')}; unpair one of them first`);
  }
  const texts = { ...a.texts };
  for (const lang of languagesOf(b)) texts[lang] = b.texts[lang];
  return rows.flatMap((row, index) => (index === i ? [{ ...a, texts }] : index === j ? [] : [row]));
}

export function unpairRow(rows: readonly PreviewRow[], id: string, language: LanguageCode): PreviewRow[] {
  const index = find(rows, id);
  const row = rows[index];
  const text = requireLanguage(row, language);
  if (languagesOf(row).length < 2) throw new RangeError(`Row ${id} has text in "${language}" only: there is nothing to unpair it from`);
  const kept: PreviewRow = { ...row, texts: { ...row.texts, [language]: null } };
  const moved: PreviewRow = { id: nextRowId(rows), kind: row.kind, texts: { ...emptyTexts(row), [language]: text } };
  return [...rows.slice(0, index), kept, moved, ...rows.slice(index + 1)];
}

export function splitRow(rows: readonly PreviewRow[], id: string, language: LanguageCode, at: number): PreviewRow[] {
  const index = find(rows, id);
  const row = rows[index];
  const text = requireLanguage(row, language);
  const parts = blocks(text);
  if (!Number.isInteger(at) || at < 1 || at >= parts.length) {
    throw new RangeError(
      `Cannot split row ${id} in "${language}" before block ${at}: its text has ${parts.length} block(s), so the cut must be between 1 and ${parts.length - 1}`,
    );
  }
  const kept: PreviewRow = { ...row, texts: { ...row.texts, [language]: { ...text, content: doc(parts.slice(0, at)) } } };
  const moved: PreviewRow = { id: nextRowId(rows), kind: row.kind, texts: { ...emptyTexts(row), [language]: { number: null, content: doc(parts.slice(at)) } } };
  return [...rows.slice(0, index), kept, moved, ...rows.slice(index + 1)];
}

export function mergeRow(rows: readonly PreviewRow[], id: string, language?: LanguageCode): PreviewRow[] {
  const index = find(rows, id);
  if (index === rows.length - 1) throw new RangeError(`Cannot merge row ${id} with the next: it is the last row`);
  const [row, next] = [rows[index], rows[index + 1]];
  const languages = language === undefined ? languagesOf(next) : [language];
  if (language !== undefined) requireLanguage(next, language);
  if (languages.length === 0) throw new RangeError(`Cannot merge row ${next.id} into ${id}: it has no text`);
  const texts = { ...row.texts };
  const rest = { ...next.texts };
  for (const lang of languages) {
    const addition = next.texts[lang]!;
    const current = row.texts[lang];
    // The next row's title stays, as a heading line inside the joined text: nothing the file said is lost.
    const added = addition.title ? [titleParagraph(addition.title), ...blocks(addition)] : blocks(addition);
    texts[lang] = current ? { ...current, content: doc([...blocks(current), ...added]) } : addition;
    rest[lang] = null;
  }
  const remaining: PreviewRow[] = Object.values(rest).some((text) => text !== null) ? [{ ...next, texts: rest }] : [];
  return [...rows.slice(0, index), { ...row, texts }, ...remaining, ...rows.slice(index + 2)];
}

export function setRowKind(rows: readonly PreviewRow[], id: string, kind: unknown): PreviewRow[] {
  if (!isClauseKind(kind)) throw new RangeError(`${JSON.stringify(kind)} is not a kind of row`);
  const index = find(rows, id);
  return rows.map((row, i) => (i === index ? { ...row, kind } : row));
}

export function removeRow(rows: readonly PreviewRow[], id: string): PreviewRow[] {
  const index = find(rows, id);
  return rows.filter((_, i) => i !== index);
}

export function applyOperation(rows: readonly PreviewRow[], operation: PreviewOperation): PreviewRow[] {
  switch (operation.op) {
    case 'pair':
      return pairRows(rows, operation.rows[0], operation.rows[1]);
    case 'unpair':
      return unpairRow(rows, operation.row, operation.language);
    case 'split':
      return splitRow(rows, operation.row, operation.language, operation.at);
    case 'merge':
      return mergeRow(rows, operation.row, operation.language);
    case 'set_kind':
      return setRowKind(rows, operation.row, operation.kind);
    case 'remove':
      return removeRow(rows, operation.row);
    default:
      throw new RangeError(`Unknown preview operation ${JSON.stringify((operation as { op?: unknown }).op)}`);
  }
}

/** Applies the operations in order; the first that cannot apply throws, naming its position. */
export function applyOperations(rows: readonly PreviewRow[], operations: readonly PreviewOperation[]): PreviewRow[] {
  let current = [...rows];
  operations.forEach((operation, index) => {
    try {
      current = applyOperation(current, operation);
    } catch (error) {
      throw new RangeError(`Correction ${index + 1} (${operation.op}): ${(error as Error).message}`, { cause: error });
    }
  });
  return current;
}

/** How many blocks a row's text has in one language: where a split may cut (1 … count − 1). */
export function blockCount(row: PreviewRow, language: LanguageCode): number {
  const text = row.texts[language];
  return text ? blocks(text).length : 0;
}
