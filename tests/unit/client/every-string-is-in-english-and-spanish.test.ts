/**
 * Every string a person reads exists, non-empty, in English and in Spanish; the interface never shows
 * a literal that skipped t(); and every key the client asks for exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resources, NAMESPACES } from '../../../shared/locales';
import { findLiteralText, findTranslationKeys } from './literal-text';

type Tree = { [key: string]: string | Tree };

const ROOT = path.resolve(__dirname, '../../..');
const CLIENT_SRC = path.join(ROOT, 'client/src');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value, full)) out.set(k, v);
    else out.set(full, value);
  }
  return out;
}

function sourceFiles(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full, ext) : ext.test(entry.name) ? [full] : [];
  });
}

const languages = Object.keys(resources) as Array<keyof typeof resources>;
const interpolations = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('covers English and Spanish', () => {
    expect(languages.sort()).toEqual(['en', 'es']);
  });

  for (const ns of NAMESPACES) {
    describe(`the namespace "${ns}"`, () => {
      const tables = Object.fromEntries(languages.map((lang) => [lang, flatten((resources[lang] as Record<string, Tree>)[ns] ?? {})]));

      it('has every key in both languages', () => {
        const base = (lang: string) => [...new Set([...tables[lang].keys()].map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();
        expect(base('es')).toEqual(base('en'));
      });

      it('has no empty text', () => {
        for (const lang of languages) {
          const empty = [...tables[lang]].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => `${lang}:${ns}:${key}`);
          expect(empty).toEqual([]);
        }
      });

      it('uses the same placeholders in both languages', () => {
        const mismatches: string[] = [];
        for (const [key, en] of tables.en) {
          const es = tables.es.get(key) ?? tables.es.get(key.replace(PLURAL_SUFFIX, '_other'));
          if (typeof en === 'string' && typeof es === 'string' && interpolations(en).join() !== interpolations(es).join()) {
            mismatches.push(`${ns}:${key}: ${interpolations(en).join()} ≠ ${interpolations(es).join()}`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    });
  }

  it('has every key the client asks for', () => {
    const en = new Map(NAMESPACES.map((ns) => [ns, flatten((resources.en as Record<string, Tree>)[ns])]));
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(CLIENT_SRC, /\.(ts|tsx)$/)) {
      for (const { key, dynamic } of findTranslationKeys(fs.readFileSync(file, 'utf8'))) {
        checked += 1;
        const [ns, rest] = key.split(':');
        const table = en.get(ns as (typeof NAMESPACES)[number]);
        const exists = table && (dynamic ? [...table.keys()].some((candidate) => candidate.startsWith(rest)) : table.has(rest) || table.has(`${rest}_other`));
        if (!exists) missing.push(`${path.relative(ROOT, file)}: ${key}${dynamic ? '…' : ''}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});

describe('the literal-text scan', () => {
  it('finds JSX text, literal children and user-facing attributes that skip t()', () => {
    const found = findLiteralText(
      'x.tsx',
      [
        'export const A = () => <p>Hello</p>;',
        "export const B = () => <button aria-label=\"Close\" title={'Later'}>{t('common:x')}</button>;",
        "export const C = () => <span>{'Señor'}</span>;",
      ].join('\n'),
    );
    expect(found.map((f) => f.text)).toEqual(['Hello', 'Close', 'Later', 'Señor']);
  });

  it('lets translated text, punctuation and non-visible attributes through', () => {
    const found = findLiteralText(
      'x.tsx',
      [
        'export const A = () => <p className="lead" data-x="abc">{t(\'common:loading\')}{\' · \'}<span aria-hidden="true">{\'×\'}</span></p>;',
        'export const B = () => <input type="email" autoComplete="username" aria-label={t(\'auth:fields.email\')} />;',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('finds no literal user-facing text in any client component', () => {
    const literals = sourceFiles(CLIENT_SRC, /\.tsx$/)
      .flatMap((file) => findLiteralText(path.relative(ROOT, file), fs.readFileSync(file, 'utf8')))
      .map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`);
    expect(literals).toEqual([]);
  });
});
