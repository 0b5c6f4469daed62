/**
 * How drafts mark their structure, in the languages negotiations commonly use. Matching is on the
 * start of a paragraph's text. A label must be followed by punctuation or end the line
 * ("Article 3.", "Artículo 3 –", "Article 3" alone), so a recital that begins "Article 33 of the
 * Vienna Convention …" is not taken for an article.
 */

const ORDINAL = String.raw`(\d{1,4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7})`;
const LATIN_SUFFIX = String.raw`(?:[ \u00a0]*(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?`;
const AFTER = String.raw`(?:[ \u00a0]*[.:\u2013\u2014)\-][ \u00a0]*|[ \u00a0]*$|[ \u00a0]*\n)`;

/** "Article 3.", "ARTÍCULO 3 bis –", "Art. 4:", "Artigo 5", "Clause 2", "Párrafo 7". */
export const ARTICLE_LABEL = new RegExp(
  String.raw`^(?:article|art[íi]culo|art\.|artigo|artikel|clause|cl[áa]usula|paragraph|p[áa]rrafo|paragraphe)[ \u00a0]+(?:n[º°o]\.?[ \u00a0]*)?${ORDINAL}${LATIN_SUFFIX}${AFTER}`,
  'iu',
);

/** "3. The Participants …", "3) …", "3 bis. …" (not "3.1", which is a sub-paragraph). */
export const NUMBERED_PARAGRAPH = new RegExp(String.raw`^(\d{1,3})${LATIN_SUFFIX}[.)](?!\d)[ \u00a0]+(?=\S)`, 'u');

/** "Section II", "SECCIÓN 2 –", "Part 3", "Chapter IV", "Capítulo I", "Título III", "Annex". */
export const SECTION_LABEL = new RegExp(
  String.raw`^(?:section|secci[óo]n|part|parte|chapter|cap[íi]tulo|title|t[íi]tulo|titre|chapitre|partie|se[çc][ãa]o)[ \u00a0]+${ORDINAL}${AFTER}`,
  'iu',
);

/** A heading that opens the final provisions: the clauses under it are of kind 'final'. */
export const FINAL_PROVISIONS =
  /\b(?:final (?:provisions|clauses|articles)|disposiciones finales|cl[áa]usulas finales|dispositions finales|clauses finales|disposi[çc][õo]es finais)\b/iu;

/** "I.", "IV -", "2." at the start of a heading: a section number the software will derive anyway. */
export const HEADING_NUMBER = new RegExp(String.raw`^(?:${ORDINAL}|[A-Z])[.)\u2013\u2014\-:][ \u00a0]+(?=\S)`, 'u');

export interface Marker {
  /** How many characters of the text the marker takes (label and punctuation). */
  length: number;
  /** The number as written, normalised: digits or lower-case roman numerals, and a Latin suffix ("3bis"). */
  number: string;
}

function found(match: RegExpExecArray | null, numberGroup = 1, suffixGroup = 2): Marker | null {
  if (!match) return null;
  const suffix = match[suffixGroup] ? match[suffixGroup].toLowerCase() : '';
  return { length: match[0].length, number: normalizeNumber(match[numberGroup]) + suffix };
}

/** Digits without leading zeros; roman numerals as their value, so "IV" and "4" agree. */
export function normalizeNumber(raw: string): string {
  if (/^\d+$/.test(raw)) return String(Number(raw));
  const value = romanValue(raw);
  return value === null ? raw.toLowerCase() : String(value);
}

function romanValue(raw: string): number | null {
  const upper = raw.toUpperCase();
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(upper) || upper === '') return null;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < upper.length; i += 1) {
    const value = values[upper[i]];
    const next = values[upper[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function articleMarker(text: string): Marker | null {
  return found(ARTICLE_LABEL.exec(text));
}

export function numberedMarker(text: string): Marker | null {
  return found(NUMBERED_PARAGRAPH.exec(text));
}

export function sectionMarker(text: string): Marker | null {
  return found(SECTION_LABEL.exec(text), 1, 3);
}

/** A leading "II." or "2." on a heading. A single capital letter counts only when a stop follows. */
export function headingNumber(text: string): Marker | null {
  const match = HEADING_NUMBER.exec(text);
  if (!match) return null;
  const raw = match[1] ?? match[0].trim().charAt(0);
  return { length: match[0].length, number: normalizeNumber(raw) };
}
