/**
 * Pasted HTML made fit for a clause text before ProseMirror parses it (the editor's transformPastedHTML).
 *
 * Microsoft Word does not write lists as <ul>/<ol>: each item is a paragraph (class MsoListParagraph…,
 * or any paragraph whose style has `mso-list:l<list> level<n> lfo<k>`) that starts with its bullet or
 * number as text ("·", "o", "§", "1.", "a)") in a span marked `mso-list:Ignore`, inside conditional
 * comments. Those paragraphs become real list items, nested by level, numbered lists keeping their
 * first number. A table becomes one paragraph per cell (cells read row by row, empty ones dropped),
 * not text run together. A link keeps its text: the schema has no link mark, so no address at all is
 * kept (a javascript: one least of all). Word's styles, comments, images and scripts are dropped.
 */

/** Elements whose content never belongs in a clause text. */
const DROPPED = 'script, style, meta, link, title, xml, template, iframe, object, embed, img, svg, video, audio, canvas, head';
/** Blocks a table cell may already hold: kept as they are, not wrapped in a paragraph. */
const BLOCKS = new Set(['P', 'UL', 'OL', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);
const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\(?(\d+|[a-z]|[ivxlcdm]+)[.)]$/i;
const IGNORE = /mso-list:\s*ignore/i;

interface ListItemInfo {
  paragraph: HTMLElement;
  list: string;
  level: number;
  ordered: boolean;
  start: number;
}

export function cleanPastedHTML(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  for (const element of Array.from(body.querySelectorAll(DROPPED))) element.remove();
  removeComments(body);
  for (const link of Array.from(body.querySelectorAll('a'))) unwrap(link);
  // Word's empty paragraph filler.
  for (const filler of Array.from(body.getElementsByTagName('o:p'))) unwrap(filler);
  flattenTables(body);
  rebuildWordLists(body);
  return body.innerHTML;
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function isEmpty(node: Node): boolean {
  return (node.textContent ?? '').replace(/[\s\u00a0]/g, '') === '' && !(node instanceof Element && node.querySelector('br'));
}

/** Each cell of each table becomes its own paragraph(s); the innermost tables first. */
function flattenTables(body: HTMLElement): void {
  const doc = body.ownerDocument;
  for (const table of Array.from(body.querySelectorAll('table')).reverse()) {
    const out = doc.createDocumentFragment();
    for (const cell of Array.from(table.querySelectorAll('td, th'))) {
      if (cell.closest('table') !== table || isEmpty(cell)) continue;
      const nodes = Array.from(cell.childNodes);
      if (nodes.some((node) => node instanceof Element && BLOCKS.has(node.tagName))) {
        // Loose text between the cell's blocks becomes a paragraph of its own.
        let loose: HTMLElement | null = null;
        for (const node of nodes) {
          if (node instanceof Element && BLOCKS.has(node.tagName)) {
            loose = null;
            if (!isEmpty(node)) out.append(node);
          } else if (!isEmpty(node)) {
            if (!loose) out.append((loose = doc.createElement('p')));
            loose.append(node);
          }
        }
      } else {
        const paragraph = doc.createElement('p');
        paragraph.append(...nodes);
        out.append(paragraph);
      }
    }
    table.replaceWith(out);
  }
}

function listItemInfo(element: Element): ListItemInfo | null {
  if (element.tagName !== 'P' && !/^H[1-6]$/.test(element.tagName)) return null;
  const style = element.getAttribute('style') ?? '';
  const match = MSO_LIST.exec(style);
  const markerSpan = Array.from(element.querySelectorAll('span')).find((span) => IGNORE.test(span.getAttribute('style') ?? ''));
  if (!match && !(markerSpan && /MsoListParagraph/i.test(element.className))) return null;
  const marker = (markerSpan?.textContent ?? '').replace(/[\s\u00a0]/g, '');
  const ordered = ORDERED_MARKER.test(marker);
  const digits = /^\(?(\d+)/.exec(marker);
  // The marker and the spaces after it are Word's drawing of the bullet, not text.
  if (markerSpan) {
    let emptied: Element | null = markerSpan.parentElement;
    markerSpan.remove();
    while (emptied && emptied !== element && isEmpty(emptied)) {
      const parent: Element | null = emptied.parentElement;
      emptied.remove();
      emptied = parent;
    }
  }
  return {
    paragraph: element as HTMLElement,
    list: match?.[1] ?? 'l',
    level: match ? Math.max(1, Number(match[2])) : 1,
    ordered,
    start: digits ? Number(digits[1]) : 1,
  };
}

/** The next element sibling, stepping over whitespace between Word's paragraphs. */
function nextElement(node: Element): Element | null {
  let next = node.nextSibling;
  while (next && next.nodeType === Node.TEXT_NODE && (next.textContent ?? '').trim() === '') next = next.nextSibling;
  return next instanceof Element ? next : null;
}

function rebuildWordLists(body: HTMLElement): void {
  const seen = new Set<Element>();
  for (const candidate of Array.from(body.querySelectorAll('p, h1, h2, h3, h4, h5, h6'))) {
    if (seen.has(candidate)) continue;
    const first = listItemInfo(candidate);
    if (!first) continue;
    // A run of list paragraphs, one after the other, is one list (with its nested levels).
    const run: ListItemInfo[] = [first];
    seen.add(candidate);
    for (let next = nextElement(candidate); next; next = nextElement(next)) {
      const info = listItemInfo(next);
      if (!info) break;
      seen.add(next);
      run.push(info);
    }
    replaceWithLists(run);
  }
}

interface OpenList {
  level: number;
  list: string;
  ordered: boolean;
  element: HTMLElement;
  lastItem: HTMLElement | null;
}

function replaceWithLists(run: ListItemInfo[]): void {
  const doc = run[0].paragraph.ownerDocument;
  const out = doc.createDocumentFragment();
  const stack: OpenList[] = [];
  for (const item of run) {
    while (stack.length > 0 && stack[stack.length - 1].level > item.level) stack.pop();
    let top = stack[stack.length - 1];
    if (top && top.level === item.level && (top.ordered !== item.ordered || top.list !== item.list)) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!top || top.level < item.level) {
      const element = doc.createElement(item.ordered ? 'ol' : 'ul');
      if (item.ordered && item.start !== 1) element.setAttribute('start', String(item.start));
      const parentItem = top?.lastItem;
      if (parentItem) parentItem.append(element);
      else out.append(element);
      top = { level: item.level, list: item.list, ordered: item.ordered, element, lastItem: null };
      stack.push(top);
    }
    const li = doc.createElement('li');
    const paragraph = doc.createElement('p');
    paragraph.append(...Array.from(item.paragraph.childNodes));
    trimLeadingSpace(paragraph);
    li.append(paragraph);
    top.element.append(li);
    top.lastItem = li;
  }
  run[0].paragraph.replaceWith(out);
  for (const item of run.slice(1)) item.paragraph.remove();
}

/** Word pads the text after the marker with non-breaking spaces (and a tab) that would stay as text. */
function trimLeadingSpace(element: HTMLElement): void {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    const trimmed = (text.data ?? '').replace(/^[\s\u00a0]+/, '');
    text.data = trimmed;
    if (trimmed !== '') return;
  }
}
