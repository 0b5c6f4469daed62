/**
 * A strict XML 1.0 well-formedness check for the documents we write (no DTD, no entities beyond the
 * five predefined). xmlbuilder2's parser accepts mismatched end tags, unknown entities, duplicate
 * attributes and control characters, so it cannot say whether a file is XML; verification asks this
 * (verify-file.ts), and so do the tests. Returns the problems, one sentence each; none when the text
 * is well-formed and namespace-well-formed. It may reject valid XML we never write (a DOCTYPE, say),
 * never the reverse. Linear in the text.
 */

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = `[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`;
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
/* eslint-disable no-misleading-character-class -- NameChar lists the combining marks U+0300–U+036F by code point, on purpose */
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^<"]*)"|'([^<']*)')`, 'uy');
const START_TAG = new RegExp(`<(${NAME})`, 'uy');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'uy');
/* eslint-enable no-misleading-character-class */
const XML_DECL = /<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/y;
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const illegal = ILLEGAL_CHAR.exec(text);
  if (illegal)
    problems.push(`The character U+${illegal[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${illegal.index} is not allowed in XML 1.0.`);
  const open: Array<{ name: string; namespaces: Map<string, string> }> = [];
  let roots = 0;
  let at = 0;
  XML_DECL.lastIndex = 0;
  if (XML_DECL.test(text)) at = XML_DECL.lastIndex;
  else if (text.startsWith('<?xml')) problems.push('The XML declaration is malformed.');

  while (at < text.length && problems.length === 0) {
    const lt = text.indexOf('<', at);
    const chars = text.slice(at, lt < 0 ? text.length : lt);
    checkCharData(chars, at, open.length > 0, problems);
    if (lt < 0) break;
    at = lt;
    if (text.startsWith('</', at)) {
      END_TAG.lastIndex = at;
      const end = END_TAG.exec(text);
      const top = open.pop();
      if (!end) problems.push(`The end tag at ${at} is malformed.`);
      else if (!top) problems.push(`The end tag </${end[1]}> at ${at} closes nothing.`);
      else if (top.name !== end[1]) problems.push(`The end tag </${end[1]}> at ${at} does not match <${top.name}>.`);
      at = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = at;
    const start = START_TAG.exec(text);
    if (!start) {
      problems.push(`Unexpected markup at ${at}: ${JSON.stringify(text.slice(at, at + 20))}.`);
      break;
    }
    if (open.length === 0 && ++roots > 1) problems.push(`A second root element <${start[1]}> at ${at}.`);
    let cursor = START_TAG.lastIndex;
    const attributes = new Map<string, string>();
    for (;;) {
      ATTRIBUTE.lastIndex = cursor;
      const attribute = ATTRIBUTE.exec(text);
      if (!attribute) break;
      if (attributes.has(attribute[1])) problems.push(`The attribute ${attribute[1]} appears twice on <${start[1]}> at ${at}.`);
      const value = attribute[2] ?? attribute[3];
      checkReferences(value, cursor, problems);
      attributes.set(attribute[1], value);
      cursor = ATTRIBUTE.lastIndex;
    }
    const close = /\s*(\/?)>/y;
    close.lastIndex = cursor;
    const closing = close.exec(text);
    if (!closing) {
      problems.push(`The start tag <${start[1]}> at ${at} is malformed.`);
      break;
    }
    const namespaces = new Map(open[open.length - 1]?.namespaces ?? [['xml', XML_NAMESPACE]]);
    for (const [name, value] of attributes) if (name.startsWith('xmlns:')) namespaces.set(name.slice(6), value);
    for (const name of [start[1], ...[...attributes.keys()].filter((n) => !n.startsWith('xmlns'))]) {
      const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : null;
      if (prefix !== null && !namespaces.has(prefix)) problems.push(`The prefix of ${name} at ${at} is not declared.`);
    }
    if (closing[1] !== '/') open.push({ name: start[1], namespaces });
    at = close.lastIndex;
  }
  if (problems.length === 0 && open.length > 0) problems.push(`<${open[open.length - 1].name}> is never closed.`);
  if (problems.length === 0 && roots === 0) problems.push('There is no root element.');
  return problems;
}

function checkCharData(chars: string, offset: number, inside: boolean, problems: string[]): void {
  if (!inside && chars.trim() !== '') problems.push(`Text outside the root element at ${offset}.`);
  if (chars.includes(']]>')) problems.push(`"]]>" in text at ${offset}.`);
  checkReferences(chars, offset, problems);
}

function checkReferences(chars: string, offset: number, problems: string[]): void {
  for (let i = chars.indexOf('&'); i >= 0; i = chars.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    const reference = REFERENCE.exec(chars);
    if (!reference) {
      problems.push(`An "&" that starts no known reference at ${offset + i}.`);
      continue;
    }
    const code = reference[0].startsWith('&#x')
      ? parseInt(reference[0].slice(3), 16)
      : reference[0].startsWith('&#')
        ? parseInt(reference[0].slice(2), 10)
        : null;
    if (code !== null && (code > 0x10ffff || ILLEGAL_CHAR.test(String.fromCodePoint(code)))) {
      problems.push(`The reference ${reference[0]} at ${offset + i} names a character XML 1.0 does not allow.`);
    }
  }
}
