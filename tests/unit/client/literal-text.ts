/**
 * Finds text a person would read that does not go through t(): JSX text with letters, and string
 * literals with letters in user-facing attributes (aria-label, title, placeholder, alt, …).
 */
import ts from 'typescript';

export interface LiteralText {
  file: string;
  line: number;
  text: string;
}

const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const LETTER = /\p{L}/u;

export function findLiteralText(file: string, source: string): LiteralText[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralText[] = [];
  const report = (node: ts.Node, text: string) => {
    found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sourceFile)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression
          : null;
      if (literal && LETTER.test(literal.text)) report(node, literal.text);
    }
    // A string literal with letters as a JSX child: <p>{'Hello'}</p>
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      ts.isJsxElement(node.parent) &&
      (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      LETTER.test(node.expression.text)
    ) {
      report(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Every t('namespace:key') call with a literal key (template keys are checked by their prefix). */
export function findTranslationKeys(source: string): { key: string; dynamic: boolean }[] {
  const keys: { key: string; dynamic: boolean }[] = [];
  const pattern = /\bt\(\s*(['`])([a-z]+:[A-Za-z0-9_.]+)(\$\{)?/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source))) keys.push({ key: match[2], dynamic: match[1] === '`' && match[3] === '${' });
  return keys;
}
