/**
 * Labels for clauses where they stand alone (approval matrix, activity feed, comment lists): articles
 * and sections by their derived numbers, and the paragraphs of a preamble told apart by their place
 * when there are several.
 */
import i18next from 'i18next';
import en from '../../../shared/locales/en/workspace.json';
import es from '../../../shared/locales/es/workspace.json';
import { clauseLabels } from '../../../client/src/workspace/clause-label';
import type { ClauseKind } from '../../../shared/src/yjs-layout';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ lng: 'en', resources: { en: { workspace: en }, es: { workspace: es } } }));

const items = (...kinds: ClauseKind[]) => kinds.map((kind, i) => ({ id: `c${i}`, kind }));

it('tells the paragraphs of a preamble apart, in both languages', async () => {
  const document = items('preamble', 'preamble', 'preamble', 'heading', 'clause', 'clause', 'heading', 'final');
  expect([...clauseLabels(i18n.t, document).values()]).toEqual([
    'Preamble, paragraph 1',
    'Preamble, paragraph 2',
    'Preamble, paragraph 3',
    'Section 1',
    'Article 1',
    'Article 2',
    'Section 2',
    'Article 3',
  ]);
  await i18n.changeLanguage('es');
  expect([...clauseLabels(i18n.t, document).values()].slice(1, 5)).toEqual(['Preámbulo, párrafo 2', 'Preámbulo, párrafo 3', 'Sección 1', 'Artículo 1']);
  await i18n.changeLanguage('en');
});

it('calls a preamble of one paragraph just the preamble', () => {
  expect([...clauseLabels(i18n.t, items('preamble', 'clause')).values()]).toEqual(['Preamble', 'Article 1']);
});

it('labels an id listed twice once, by its first place', () => {
  const labels = clauseLabels(i18n.t, [
    { id: 'a', kind: 'preamble' },
    { id: 'b', kind: 'preamble' },
    { id: 'a', kind: 'preamble' },
  ]);
  expect([...labels.entries()]).toEqual([
    ['a', 'Preamble, paragraph 1'],
    ['b', 'Preamble, paragraph 2'],
  ]);
});
