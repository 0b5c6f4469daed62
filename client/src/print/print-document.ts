/**
 * The agreement laid out for paper, built from the Y.Doc rather than from the workspace: the workspace
 * mounts editors only near the viewport (workspace/viewport.ts), so what is on screen is never the
 * whole text. The layout follows the draft PDF export (server/src/exports/pdf-builder.ts): the titles,
 * one column per language, each clause's number in the language of its column, paragraph by paragraph
 * side by side, the open proposals marked in their sponsor's colour with a legend. print.css decides
 * where pages break.
 */
import type { TFunction } from 'i18next';
import * as Y from 'yjs';
import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/src/schema';
import type { ClauseNumber } from '../../../shared/src/numbering';
import { deriveNumbering, numberText, withDeletedRows, type FixedNumbers } from '../../../shared/src/stable-numbering';
import { getClause, MAX_TEXT_DEPTH, textDepth, type ClauseKind } from '../../../shared/src/yjs-layout';
import { languageTitle } from '../app/format';
import { fragmentToDoc } from '../editor/static-text';
import { readClauseItems } from '../workspace/clause-items';

/** A clause whose longest text is shorter than this (in characters) is kept on one page. */
export const KEEP_TOGETHER_CHARS = 1200;

export interface PrintSponsor {
  code: string;
  name: string;
  color: string;
}

export interface PrintSource {
  ydoc: Y.Doc;
  languages: readonly string[];
  /** The title in each language (a language without one shows the first that exists). */
  title: Record<string, string>;
  status: 'draft' | 'frozen' | 'archived';
  /** Who sponsors a proposal found in the text; null when the server never recorded it. */
  sponsorOf(proposalId: string): PrintSponsor | null;
  t: TFunction;
  /** When it is printed, as the reader's interface writes a date and time. */
  printedAt: string;
  /** The interface language, for the sentences that are not part of a text. */
  uiLanguage: string;
  /** Stable numbering (issue 15): the fixed numbers, "3 bis" and "[deleted]" in place. Absent or null: by the order. */
  fixedNumbers?: FixedNumbers | null;
}

const serializer = DOMSerializer.fromSchema(schema);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "Article 3" / "Artículo 3" in the language of the column; a preamble has no number (as in the export). */
export function printNumber(t: TFunction, lang: string, kind: ClauseKind, number: ClauseNumber | undefined): string {
  if (number?.deleted)
    return t(`numbering:deleted.${kind === 'heading' ? 'section' : 'article'}`, { lng: lang, number: numberText(number.section ?? number.article ?? 0) });
  if (kind === 'heading' && number?.section !== undefined) return t('print:view.section', { lng: lang, number: numberText(number.section, number.suffix) });
  if ((kind === 'clause' || kind === 'final') && number?.article !== undefined)
    return t('print:view.article', { lng: lang, number: numberText(number.article, number.suffix) });
  return '';
}

/** A clause text as its blocks, or null when it is missing or too deeply nested to read (yjs-layout rule 5). */
function readText(ydoc: Y.Doc, clauseId: string, lang: string): PMNode | null {
  const fragment = getClause(ydoc, clauseId)?.get(lang);
  if (!(fragment instanceof Y.XmlFragment)) return null;
  if (textDepth(fragment, MAX_TEXT_DEPTH + 1) > MAX_TEXT_DEPTH) return null;
  return fragmentToDoc(fragment);
}

function proposalIds(doc: PMNode, into: Set<string>): void {
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if ((mark.type.name === 'insertion' || mark.type.name === 'deletion') && typeof mark.attrs.id === 'string') into.add(mark.attrs.id);
    }
  });
}

function row(columns: readonly (HTMLElement | null)[], className: string): HTMLElement {
  const line = element('div', `print-row ${className}`);
  for (const cell of columns) line.append(cell ?? element('div', 'print-cell'));
  return line;
}

function cell(lang: string, content: Node | string, className = ''): HTMLElement {
  const box = element('div', `print-cell ${className}`.trim());
  box.lang = lang;
  box.append(content);
  return box;
}

function header(source: PrintSource, proposals: ReadonlySet<string>): HTMLElement {
  const { t, languages, title, status, printedAt, uiLanguage } = source;
  const top = element('header', 'print-header');
  const heading = element('h1', 'print-titles');
  const first = languages.map((lang) => title[lang]).find(Boolean) ?? '';
  for (const lang of languages) {
    const line = element('span', 'print-title', title[lang] || first);
    line.lang = lang;
    heading.append(line);
  }
  top.append(heading);
  const meta = element('p', 'print-meta', t(`print:view.${status}`, { date: printedAt }));
  meta.lang = uiLanguage;
  top.append(meta);
  if (proposals.size > 0) {
    const legend = element('div', 'print-legend');
    legend.lang = uiLanguage;
    legend.append(element('p', 'print-legend-title', t('print:view.proposals')));
    const list = element('ul', '');
    const seen = new Set<string>();
    for (const id of proposals) {
      const sponsor = source.sponsorOf(id);
      const key = sponsor?.code ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      const item = element('li', '');
      const swatch = element('span', 'print-swatch');
      swatch.style.backgroundColor = sponsor?.color ?? '#666666';
      item.append(swatch, sponsor ? t('print:view.sponsor', { name: sponsor.name, code: sponsor.code }) : t('print:view.unattributed'));
      list.append(item);
    }
    legend.append(list);
    top.append(legend);
  }
  return top;
}

function clauseSection(
  source: PrintSource,
  id: string,
  kind: ClauseKind,
  number: ClauseNumber | undefined,
  texts: (PMNode | null)[],
  withText = true,
): HTMLElement {
  const { languages, t } = source;
  const section = element('section', `print-clause print-kind-${kind}`);
  section.dataset.clauseId = id;
  const longest = Math.max(0, ...texts.map((text) => text?.textContent.length ?? 0));
  if (longest < KEEP_TOGETHER_CHARS) section.classList.add('print-keep');
  const numbers = languages.map((lang) => printNumber(t, lang, kind, number));
  if (numbers.some(Boolean))
    section.append(
      row(
        numbers.map((text, i) => cell(languages[i], text)),
        'print-number',
      ),
    );
  if (!withText) return section; // a deleted number's placeholder: its number only
  const count = Math.max(1, ...texts.map((text) => text?.childCount ?? 0));
  for (let index = 0; index < count; index += 1) {
    const cells = texts.map((text, i) => {
      if (!text) return index === 0 ? cell(languages[i], t('print:view.unreadable'), 'print-unreadable') : null;
      if (index >= text.childCount) return null;
      return cell(languages[i], serializer.serializeNode(text.child(index)));
    });
    section.append(row(cells, 'print-text'));
  }
  return section;
}

/** The whole printable agreement, as one element to put in the page (print-view.ts). */
export function buildPrintDocument(source: PrintSource): HTMLElement {
  const { ydoc, languages } = source;
  const root = element('div', 'print-view');
  root.style.setProperty('--print-columns', String(languages.length));
  const items = readClauseItems(ydoc);
  const { numbers, deleted } = deriveNumbering(items, source.fixedNumbers);
  const proposals = new Set<string>();
  const body = element('div', 'print-body');
  if (languages.length > 1) {
    body.append(
      row(
        languages.map((lang) => cell(lang, languageTitle(lang, lang))),
        'print-languages',
      ),
    );
  }
  for (const entry of withDeletedRows(items, deleted)) {
    if (entry.type === 'deleted') {
      const kind = entry.deleted.kind === 'heading' ? 'heading' : 'clause';
      body.append(
        clauseSection(
          source,
          `deleted-${entry.deleted.clauseId}`,
          kind,
          { ...entry.deleted.number, deleted: true },
          languages.map(() => null),
          false,
        ),
      );
      continue;
    }
    const item = entry.item;
    const texts = languages.map((lang) => readText(ydoc, item.id, lang));
    for (const text of texts) if (text) proposalIds(text, proposals);
    body.append(clauseSection(source, item.id, item.kind, numbers.get(item.id), texts));
  }
  root.append(header(source, proposals), body);
  return root;
}
