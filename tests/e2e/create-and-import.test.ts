/**
 * Issue 9 in Chromium, once with the interface in English and once in Spanish: the secretariat starts
 * a negotiation at /documents/new (titles in both languages, English and Spanish, Participants from
 * the directory of earlier negotiations and a new one, members with their roles) and it opens in the
 * workspace as an empty draft that can be written in; then imports a Word file in English and a
 * Markdown file in Spanish that do not line up, reads the pairing report, corrects the rows (split,
 * pair, merge; a pair that cannot be made is refused in the interface language), confirms, and the
 * workspace shows the clauses in both columns. A text file named .docx and an empty file are refused
 * with a sentence in the interface language, and nothing is written. An observer and a delegate who
 * open the import or the new-negotiation address are told they may not, with no form that would fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeadingLevel, Paragraph } from 'docx';
import type { TestServer } from '../utils/test-server';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { docxOf } from '../utils/memorandum-docx';
import { storedClauses, writtenCounts } from '../integration/import/support';
import { signIn, switchLanguageTo, type Person } from './support/workspace-page';
import { poll } from '../utils/wait';

/** Two cores shared with other browser suites: every step may wait long for what it needs. */
const STEP_TIMEOUT = 180_000;

const SECRETARIAT = 'secretariat@demo.test';
const DELEGATE = 'hn.delegate@demo.test';
const OBSERVER = 'observer@demo.test';

const TITLE = { en: 'Regional Plan of Action on Migration', es: 'Plan de Acción Regional sobre Migración' };
const COSTA_RICA = { en: 'Ministry of Public Security of Costa Rica', es: 'Ministerio de Seguridad Pública de Costa Rica' };

/**
 * The drafts as two ministries might send them. The Spanish file runs article 2 into article 1 without
 * its number and writes article 3 as two articles (3 and 4), so the preview reads five rows of which
 * two have no counterpart: split the Spanish article 1 before its second paragraph, pair that with
 * the English article 2, merge the Spanish article 4 into article 3, and every row lines up.
 */
const draftEn = () =>
  docxOf([
    new Paragraph({ text: TITLE.en, heading: HeadingLevel.TITLE }),
    new Paragraph('The Participants,'),
    new Paragraph('Article 1. They cooperate in good faith.'),
    new Paragraph('Article 2. They share information.'),
    new Paragraph('Article 3. They meet every year and report to their capitals.'),
  ]);
const DRAFT_ES = [
  'Los Participantes,',
  '',
  'Artículo 1. Cooperan de buena fe.',
  '',
  'Comparten información.',
  '',
  'Artículo 3. Se reúnen cada año.',
  '',
  'Artículo 4. Informan a sus capitales.',
  '',
].join('\n');

/** What the person reads, in each interface language. */
const TEXT = {
  en: {
    locale: 'en-US',
    newNegotiation: 'New negotiation',
    languageChips: ['English (en)', 'Spanish (es)'],
    titleIn: { en: 'Title in English', es: 'Title in Spanish' },
    directory: { HN: 'HN Secretariat of Security of the Republic of Honduras', US: 'US Department of Homeland Security of the United States of America' },
    newParticipant: 'New Participant',
    code: 'Code',
    nameIn: { en: 'Name in English', es: 'Name in Spanish' },
    addMember: 'Add a member',
    email: 'Email',
    role: 'Role',
    participant: 'Participant',
    create: 'Create and open',
    draft: 'Draft',
    emptyDocument: 'This document has no clauses yet.',
    addFirst: 'Write the first article',
    editor: (n: number, lang: 'en' | 'es') => `Article ${n}, ${lang === 'en' ? 'English' : 'Spanish'} text`,
    preambleEditor: (lang: 'en' | 'es') => `Preamble, ${lang === 'en' ? 'English' : 'Spanish'} text`,
    importDrafts: 'Import drafts',
    fileIn: { en: 'File in English', es: 'File in Spanish' },
    replace: 'Replace it',
    showPreview: 'Show the preview',
    titleFound: `Title found in the file: ${TITLE.en}`,
    issues: (n: number) => (n === 1 ? '1 row needs your attention.' : `${n} rows need your attention.`),
    counts: {
      en: 'English: 1 preamble item, no headings, 3 articles, no final provisions',
      es: 'Spanish: 1 preamble item, no headings, 3 articles, no final provisions',
    },
    noSpanish: 'No text in Spanish. It may be the rest of row 2 in English: if so, merge the two rows.',
    noEnglish: 'No text in English. It may be the rest of row 4 in Spanish: if so, merge the two rows.',
    select: (row: number) => `Select row ${row} to pair it`,
    pair: 'Pair the two selected rows',
    cannotPair: 'Those two rows cannot be paired: both have a text in the same language. Separate one of the texts first, or choose other rows.',
    split: 'Split the Spanish text before paragraph…',
    splitAt: 'Before paragraph 2',
    merge: 'Merge with the next row',
    aligned: 'Every row has a text in every language.',
    undo: 'Undo the last correction (3 corrections)',
    confirm: 'Import 4 rows',
    done: 'Imported 4 clauses.',
    open: 'Open the negotiation',
    notDocx:
      '“borrador.docx” is named as a Word document but is not one: it may be damaged, or another kind of file renamed. Open it in Word, save it as .docx and upload it again.',
    empty: '“vacio.md” contains no text to import.',
    forbiddenTitle: 'Not available to you',
    notAllowedHere: 'Your role in this negotiation does not allow this. Ask its secretariat if you need it.',
    mayNotCreate: 'Only the secretariat of a negotiation can start a new one. Ask a secretariat you work with to start it and add you.',
  },
  es: {
    locale: 'es-ES',
    newNegotiation: 'Nueva negociación',
    languageChips: ['inglés (en)', 'español (es)'],
    titleIn: { en: 'Título en inglés', es: 'Título en español' },
    directory: { HN: 'HN Secretaría de Seguridad de la República de Honduras', US: 'US Departamento de Seguridad Nacional de los Estados Unidos de América' },
    newParticipant: 'Nuevo Participante',
    code: 'Código',
    nameIn: { en: 'Nombre en inglés', es: 'Nombre en español' },
    addMember: 'Añadir un miembro',
    email: 'Correo electrónico',
    role: 'Función',
    participant: 'Participante',
    create: 'Crear y abrir',
    draft: 'Borrador',
    emptyDocument: 'Este documento aún no tiene cláusulas.',
    addFirst: 'Redactar el primer artículo',
    editor: (n: number, lang: 'en' | 'es') => `Artículo ${n}, texto en ${lang === 'en' ? 'inglés' : 'español'}`,
    preambleEditor: (lang: 'en' | 'es') => `Preámbulo, texto en ${lang === 'en' ? 'inglés' : 'español'}`,
    importDrafts: 'Importar borradores',
    fileIn: { en: 'Archivo en inglés', es: 'Archivo en español' },
    replace: 'Reemplazarlo',
    showPreview: 'Ver la vista previa',
    titleFound: `Título encontrado en el archivo: ${TITLE.en}`,
    issues: (n: number) => (n === 1 ? '1 fila requiere su atención.' : `${n} filas requieren su atención.`),
    counts: {
      en: 'Inglés: 1 elemento del preámbulo, ningún título, 3 artículos, ninguna disposición final',
      es: 'Español: 1 elemento del preámbulo, ningún título, 3 artículos, ninguna disposición final',
    },
    noSpanish: 'Sin texto en español. Puede ser la continuación de la fila 2 en inglés: si es así, una las dos filas.',
    noEnglish: 'Sin texto en inglés. Puede ser la continuación de la fila 4 en español: si es así, una las dos filas.',
    select: (row: number) => `Seleccionar la fila ${row} para emparejarla`,
    pair: 'Emparejar las dos filas seleccionadas',
    cannotPair: 'No se pueden emparejar esas dos filas: ambas tienen texto en el mismo idioma. Separe antes uno de los textos o elija otras filas.',
    split: 'Dividir el texto en español antes del párrafo…',
    splitAt: 'Antes del párrafo 2',
    merge: 'Unir con la fila siguiente',
    aligned: 'Cada fila tiene texto en cada idioma.',
    undo: 'Deshacer la última corrección (3 correcciones)',
    confirm: 'Importar 4 filas',
    done: 'Se importaron 4 cláusulas.',
    open: 'Abrir la negociación',
    notDocx:
      '«borrador.docx» tiene nombre de documento de Word pero no lo es: puede estar dañado o ser otro tipo de archivo con otro nombre. Ábralo en Word, guárdelo como .docx y vuelva a cargarlo.',
    empty: '«vacio.md» no contiene texto que importar.',
    forbiddenTitle: 'No disponible para usted',
    notAllowedHere: 'Su función en esta negociación no lo permite. Si lo necesita, pídalo a su secretaría.',
    mayNotCreate: 'Solo la secretaría de una negociación puede iniciar una nueva. Pida a una secretaría con la que trabaje que la inicie y lo añada.',
  },
} as const;

type Lang = keyof typeof TEXT;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- canonical nodes, read freely
const plain = (node: any): string => (node?.content ?? []).map((p: any) => (p.content ?? []).map((t: any) => t.text ?? '').join('')).join(' / ');

async function storedTexts(server: TestServer, documentId: string): Promise<string[][]> {
  return (await storedClauses(server, documentId)).map((clause) => [clause.kind, plain(clause.text.en), plain(clause.text.es)]);
}

const IMPORTED = [
  ['preamble', 'The Participants,', 'Los Participantes,'],
  ['clause', 'They cooperate in good faith.', 'Cooperan de buena fe.'],
  ['clause', 'They share information.', 'Comparten información.'],
  ['clause', 'They meet every year and report to their capitals.', 'Se reúnen cada año. / Informan a sus capitales.'],
];

for (const lang of Object.keys(TEXT) as Lang[]) {
  const T = TEXT[lang];

  describeBrowser(`starting a negotiation and importing its drafts, in ${lang === 'en' ? 'English' : 'Spanish'}`, () => {
    const stage = browserStage({ DEMO: '1' });
    let secretariat: Person;
    let errors: string[];
    let files: string;
    let documentId: string;

    beforeAll(async () => {
      files = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-import-'));
      fs.writeFileSync(path.join(files, 'plan-en.docx'), await draftEn());
      fs.writeFileSync(path.join(files, 'plan-es.md'), DRAFT_ES);
      fs.writeFileSync(path.join(files, 'borrador.docx'), 'Artículo 1. Este archivo es texto, aunque se llame .docx.\n');
      fs.writeFileSync(path.join(files, 'vacio.md'), '');
      secretariat = await signIn(stage.browser, stage.server.url, SECRETARIAT, T.locale);
      errors = collectPageErrors(secretariat.page);
      await switchLanguageTo(secretariat.page, lang);
    }, 180_000);

    afterAll(async () => {
      if (files) fs.rmSync(files, { recursive: true, force: true });
    });

    it(
      'starts a negotiation with its titles, languages, Participants and members, and opens it as an empty draft to write in',
      async () => {
        const { page } = secretariat;
        await page.goto(`${stage.server.url}/documents/new`);
        await page.getByRole('heading', { name: T.newNegotiation, level: 1 }).waitFor();
        for (const chip of T.languageChips) await page.locator('.import-chips li', { hasText: chip }).waitFor();

        await page.getByLabel(T.titleIn.en, { exact: true }).fill(TITLE.en);
        await page.getByLabel(T.titleIn.es, { exact: true }).fill(TITLE.es);
        // From the directory of the secretariat's earlier negotiations, named in the interface language.
        await page.getByRole('checkbox', { name: T.directory.HN, exact: true }).check();
        await page.getByRole('checkbox', { name: T.directory.US, exact: true }).check();
        await page.getByRole('button', { name: T.newParticipant, exact: true }).click();
        await page.getByLabel(T.code, { exact: true }).fill('CR');
        await page.getByLabel(T.nameIn.en, { exact: true }).fill(COSTA_RICA.en);
        await page.getByLabel(T.nameIn.es, { exact: true }).fill(COSTA_RICA.es);

        await page.getByRole('button', { name: T.addMember, exact: true }).click();
        await page.getByLabel(T.email, { exact: true }).nth(0).fill(DELEGATE);
        await page.getByLabel(T.role, { exact: true }).nth(0).selectOption('delegate');
        await page.getByLabel(T.participant, { exact: true }).nth(0).selectOption('HN');
        await page.getByRole('button', { name: T.addMember, exact: true }).click();
        await page.getByLabel(T.email, { exact: true }).nth(1).fill(OBSERVER);
        await page.getByLabel(T.role, { exact: true }).nth(1).selectOption('observer');
        await page
          .locator('.import-form fieldset')
          .nth(1)
          .evaluate((participants) => participants.scrollIntoView());
        await screenshot(page, 'new-negotiation-form', lang);

        await page.getByRole('button', { name: T.create, exact: true }).click();
        await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/, { timeout: 60_000 });
        documentId = new URL(page.url()).pathname.split('/').pop()!;
        await page.getByRole('heading', { name: TITLE[lang], level: 1 }).waitFor();
        await page.locator('.status-chip', { hasText: T.draft }).waitFor();
        await page.getByText(T.emptyDocument, { exact: true }).waitFor({ timeout: 60_000 });

        const pool = stage.server.concordia.db.pool;
        const stored = await pool.query<{ title: Record<string, string>; languages: string[]; status: string }>(
          'SELECT title, languages, status FROM documents WHERE id = $1',
          [documentId],
        );
        expect(stored.rows[0]).toEqual({ title: TITLE, languages: ['en', 'es'], status: 'draft' });
        const participants = await pool.query<{ code: string; name: Record<string, string> }>(
          'SELECT code, name FROM participants WHERE document_id = $1 ORDER BY position',
          [documentId],
        );
        expect(participants.rows).toEqual([
          { code: 'HN', name: { en: 'Secretariat of Security of the Republic of Honduras', es: 'Secretaría de Seguridad de la República de Honduras' } },
          {
            code: 'US',
            name: {
              en: 'Department of Homeland Security of the United States of America',
              es: 'Departamento de Seguridad Nacional de los Estados Unidos de América',
            },
          },
          { code: 'CR', name: COSTA_RICA },
        ]);
        const members = await pool.query<{ email: string; role: string; code: string | null }>(
          `SELECT u.email, m.role, p.code FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN participants p ON p.id = m.participant_id
          WHERE m.document_id = $1 ORDER BY u.email`,
          [documentId],
        );
        expect(members.rows).toEqual([
          { email: DELEGATE, role: 'delegate', code: 'HN' },
          { email: OBSERVER, role: 'observer', code: null },
          { email: SECRETARIAT, role: 'secretariat', code: null },
        ]);

        // Ready to edit: the empty draft offers its first article, and what is typed is stored.
        await page.locator('.connection-connected').waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: T.addFirst, exact: true }).waitFor();
        await screenshot(page, 'new-negotiation-opened', lang);
        await page.getByRole('button', { name: T.addFirst, exact: true }).click();
        const editor = page.getByRole('textbox', { name: T.editor(1, 'en'), exact: true });
        await editor.click();
        await page.keyboard.type('A first sentence, to be replaced by the drafts.', { delay: 5 });
        const typed = await poll(
          () => storedTexts(stage.server, documentId),
          (rows) => rows[0]?.[1] === 'A first sentence, to be replaced by the drafts.',
          'the typed sentence to be stored',
          { timeoutMs: 60_000, intervalMs: 250 },
        );
        expect(typed).toEqual([['clause', 'A first sentence, to be replaced by the drafts.', '']]);
        expect(errors).toEqual([]);
      },
      STEP_TIMEOUT,
    );

    it(
      'imports a Word file and a Markdown file that do not line up, after correcting the rows of the preview',
      async () => {
        const { page } = secretariat;
        await page.getByRole('link', { name: T.importDrafts, exact: true }).click();
        await page.waitForURL(`${stage.server.url}/documents/${documentId}/import`);
        await page.getByLabel(T.fileIn.en, { exact: true }).setInputFiles(path.join(files, 'plan-en.docx'));
        await page.getByLabel(T.fileIn.es, { exact: true }).setInputFiles(path.join(files, 'plan-es.md'));
        await expect(page.getByLabel(T.replace, { exact: true }).isChecked()).resolves.toBe(true);
        await page.getByRole('button', { name: T.showPreview, exact: true }).click();

        const report = page.locator('.import-report');
        await report.getByText(T.issues(2), { exact: true }).waitFor({ timeout: 60_000 });
        await report.getByText(T.counts.en, { exact: true }).waitFor();
        await report.getByText(T.counts.es, { exact: true }).waitFor();
        await page.getByText(T.titleFound, { exact: true }).waitFor();
        const rows = page.locator('.import-preview-table tbody tr');
        await expect(rows.count()).resolves.toBe(5);
        await rows.nth(2).getByText(T.noSpanish, { exact: true }).waitFor();
        await rows.nth(4).getByText(T.noEnglish, { exact: true }).waitFor();
        await expect(rows.nth(1).locator('td[lang="es"]').textContent()).resolves.toBe('1Cooperan de buena fe.\nComparten información.');
        await screenshot(page, 'import-preview', lang);

        // Two rows that both have English and Spanish cannot be paired: said in the interface language.
        await page.getByRole('checkbox', { name: T.select(1), exact: true }).check();
        await page.getByRole('checkbox', { name: T.select(2), exact: true }).check();
        await page.getByRole('button', { name: T.pair, exact: true }).click();
        await page.getByRole('alert').getByText(T.cannotPair, { exact: true }).waitFor();
        await expect(rows.count()).resolves.toBe(5);

        // The Spanish article 1 holds article 2 as its second paragraph: split it off …
        await rows.nth(1).getByRole('combobox', { name: T.split, exact: true }).selectOption({ label: T.splitAt });
        await report.getByText(T.issues(3), { exact: true }).waitFor();
        await expect(rows.count()).resolves.toBe(6);
        await expect(rows.nth(2).locator('td[lang="es"]').textContent()).resolves.toBe('Comparten información.');
        await expect(page.getByRole('alert').count()).resolves.toBe(0);
        // … pair it with the English article 2 …
        await page.getByRole('checkbox', { name: T.select(3), exact: true }).check();
        await page.getByRole('checkbox', { name: T.select(4), exact: true }).check();
        await page.getByRole('button', { name: T.pair, exact: true }).click();
        await report.getByText(T.issues(1), { exact: true }).waitFor();
        await expect(rows.count()).resolves.toBe(5);
        await expect(rows.nth(2).locator('td[lang="en"]').textContent()).resolves.toBe('2They share information.');
        // … and merge the next row, the Spanish article 4 alone, into article 3.
        await rows.nth(3).getByRole('button', { name: T.merge, exact: true }).click();
        await report.getByText(T.aligned, { exact: true }).waitFor();
        await expect(rows.count()).resolves.toBe(4);
        await page.getByRole('button', { name: T.undo, exact: true }).waitFor();

        await page.getByRole('button', { name: T.confirm, exact: true }).click();
        await page.getByText(T.done, { exact: true }).waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: T.open, exact: true }).click();
        await page.waitForURL(`${stage.server.url}/documents/${documentId}`);

        // The workspace shows each clause in both columns; the sentence typed before is replaced.
        await page.locator('.clause-row').nth(3).waitFor({ timeout: 60_000 });
        await expect(page.locator('.clause-row').count()).resolves.toBe(4);
        const column = (name: string) => page.getByRole('textbox', { name, exact: true });
        await column(T.preambleEditor('en')).filter({ hasText: 'The Participants,' }).waitFor();
        await column(T.preambleEditor('es')).filter({ hasText: 'Los Participantes,' }).waitFor();
        await column(T.editor(1, 'en')).filter({ hasText: 'They cooperate in good faith.' }).waitFor();
        await column(T.editor(1, 'es')).filter({ hasText: 'Cooperan de buena fe.' }).waitFor();
        await column(T.editor(2, 'en')).filter({ hasText: 'They share information.' }).waitFor();
        await column(T.editor(2, 'es')).filter({ hasText: 'Comparten información.' }).waitFor();
        await column(T.editor(3, 'en')).filter({ hasText: 'They meet every year and report to their capitals.' }).waitFor();
        await column(T.editor(3, 'es')).filter({ hasText: 'Informan a sus capitales.' }).waitFor();
        await expect(page.getByText('A first sentence, to be replaced by the drafts.').count()).resolves.toBe(0);
        expect(await storedTexts(stage.server, documentId)).toEqual(IMPORTED);
        expect(errors).toEqual([]);
      },
      STEP_TIMEOUT,
    );

    it(
      'refuses a text file named .docx and an empty file with a sentence in the interface language, and writes nothing',
      async () => {
        const { page } = secretariat;
        const before = await writtenCounts(stage.server, documentId);
        await page.goto(`${stage.server.url}/documents/${documentId}/import`);
        await page.getByLabel(T.fileIn.en, { exact: true }).setInputFiles(path.join(files, 'plan-en.docx'));
        await page.getByLabel(T.fileIn.es, { exact: true }).setInputFiles(path.join(files, 'borrador.docx'));
        await page.getByRole('button', { name: T.showPreview, exact: true }).click();
        await page.getByRole('alert').getByText(T.notDocx, { exact: true }).waitFor({ timeout: 60_000 });
        await expect(page.locator('.import-preview-table').count()).resolves.toBe(0);
        await screenshot(page, 'import-error', lang);

        await page.getByLabel(T.fileIn.es, { exact: true }).setInputFiles(path.join(files, 'vacio.md'));
        await page.getByRole('button', { name: T.showPreview, exact: true }).click();
        await page.getByRole('alert').getByText(T.empty, { exact: true }).waitFor({ timeout: 60_000 });
        await expect(page.locator('.import-preview-table').count()).resolves.toBe(0);

        expect(await writtenCounts(stage.server, documentId)).toEqual(before);
        expect(await storedTexts(stage.server, documentId)).toEqual(IMPORTED);
        // The browser logs the refused uploads (400) itself; nothing else went wrong on the page.
        expect(errors.filter((error) => !/Failed to load resource: the server responded with a status of 400/.test(error))).toEqual([]);
      },
      STEP_TIMEOUT,
    );

    it.each([
      ['an observer', OBSERVER],
      ['a delegate', DELEGATE],
    ])(
      'tells %s who opens the import or the new-negotiation page that they may not',
      async (_who, email) => {
        const person = await signIn(stage.browser, stage.server.url, email, T.locale);
        const { page } = person;
        await switchLanguageTo(page, lang);

        await page.goto(`${stage.server.url}/documents/${documentId}`);
        await page.locator('.clause-row').first().waitFor({ timeout: 60_000 });
        await expect(page.getByRole('link', { name: T.importDrafts, exact: true }).count()).resolves.toBe(0);

        await page.goto(`${stage.server.url}/documents/${documentId}/import`);
        await page.getByRole('heading', { name: T.forbiddenTitle, level: 1 }).waitFor({ timeout: 60_000 });
        await page.getByText(T.notAllowedHere, { exact: true }).waitFor();
        await expect(page.locator('form, input[type="file"]').count()).resolves.toBe(0);

        await page.goto(`${stage.server.url}/documents/new`);
        await page.getByRole('heading', { name: T.forbiddenTitle, level: 1 }).waitFor({ timeout: 60_000 });
        await page.getByText(T.mayNotCreate, { exact: true }).waitFor();
        await expect(page.locator('form, input').count()).resolves.toBe(0);
        await person.context.close();
      },
      STEP_TIMEOUT,
    );
  });
}
