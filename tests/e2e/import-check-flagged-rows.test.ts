/**
 * Issue 19 in Chromium, with the interface in English and in Spanish: the demo Memorandum's Word
 * drafts, the Spanish one without Article 3 and renumbered after it. The preview pairs every later
 * article with its counterpart, notes the renumbering, and flags the one row without Spanish; "Import"
 * stays disabled, saying why, until the secretariat confirms that row (its own check, or the one for
 * all flagged rows) or corrects it away. Unchecking disables it again. The import then writes every
 * row, the flagged one empty in Spanish.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { memorandumDocx, withoutArticle } from '../utils/memorandum-docx';
import { demoClauses } from '../../server/src/demo/memorandum';
import { newNegotiation, signIn as apiSignIn, storedClauses } from '../integration/import/support';
import { signIn, switchLanguageTo, type Person } from './support/workspace-page';

const STEP_TIMEOUT = 180_000;
const SECRETARIAT = 'secretariat@demo.test';
const ROWS = demoClauses.length;
/** The row of the article the Spanish draft dropped (from 1, as the table numbers rows). */
const GAP_ROW = demoClauses.findIndex((clause) => clause.key === 'trafficking-operations') + 1;

const TEXT = {
  en: {
    locale: 'en-US',
    fileIn: { en: 'File in English', es: 'File in Spanish' },
    showPreview: 'Show the preview',
    issues: '1 row needs your attention.',
    allChecked: 'You have checked the flagged row.',
    pairedWithNotes: 'Every row has a text in every language. Some are numbered differently in the files: see the notes.',
    noSpanish: 'No text in Spanish',
    renumbered: 'Numbered differently (EN 4, ES 3): the numbers shift where one file has an article the other lacks.',
    pairingRight: `The pairing of row ${GAP_ROW} is right`,
    goToRow: `Go to row ${GAP_ROW}`,
    checkAll: 'I have checked the flagged rows: their pairing is right',
    blocked: 'Before importing, check the flagged row: correct it, or confirm that its pairing is right.',
    remove: 'Leave this row out',
    undo: 'Undo the last correction (1 correction)',
    confirm: (n: number) => `Import ${n} rows`,
    done: `Imported ${ROWS} clauses.`,
    doneFlagged: '1 clause has no text in one language yet: it is flagged in the workspace.',
  },
  es: {
    locale: 'es-ES',
    fileIn: { en: 'Archivo en inglés', es: 'Archivo en español' },
    showPreview: 'Ver la vista previa',
    issues: '1 fila requiere su atención.',
    allChecked: 'Ha revisado la fila señalada.',
    pairedWithNotes: 'Cada fila tiene texto en cada idioma. Algunas están numeradas de forma distinta en los archivos: vea las notas.',
    noSpanish: 'Sin texto en español',
    renumbered: 'Numerada de forma distinta (EN 4, ES 3): la numeración se desplaza donde un archivo tiene un artículo que el otro no tiene.',
    pairingRight: `El emparejamiento de la fila ${GAP_ROW} es correcto`,
    goToRow: `Ir a la fila ${GAP_ROW}`,
    checkAll: 'He revisado las filas señaladas: su emparejamiento es correcto',
    blocked: 'Antes de importar, revise la fila señalada: corríjala o confirme que su emparejamiento es correcto.',
    remove: 'Dejar fuera esta fila',
    undo: 'Deshacer la última corrección (1 corrección)',
    confirm: (n: number) => `Importar ${n} filas`,
    done: `Se importaron ${ROWS} cláusulas.`,
    doneFlagged: '1 cláusula aún no tiene texto en un idioma: está señalada en el espacio de trabajo.',
  },
} as const;

type Lang = keyof typeof TEXT;

const disabled = (locator: Locator) => locator.isDisabled();

async function waitUntil(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await page.waitForTimeout(100);
  }
}

for (const lang of Object.keys(TEXT) as Lang[]) {
  const T = TEXT[lang];

  describeBrowser(`checking the flagged rows of an import before it is written, in ${lang === 'en' ? 'English' : 'Spanish'}`, () => {
    const stage = browserStage({ DEMO: '1' });
    let secretariat: Person;
    let errors: string[];
    let files: string;
    let documentId: string;

    beforeAll(async () => {
      files = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-import-check-'));
      fs.writeFileSync(path.join(files, 'memorandum-en.docx'), await memorandumDocx('en'));
      fs.writeFileSync(path.join(files, 'memorando-es.docx'), await memorandumDocx('es', withoutArticle(3)));
      documentId = await newNegotiation(await apiSignIn(stage.server, SECRETARIAT), 'Memorandum');
      secretariat = await signIn(stage.browser, stage.server.url, SECRETARIAT, T.locale);
      errors = collectPageErrors(secretariat.page);
      await switchLanguageTo(secretariat.page, lang);
    }, STEP_TIMEOUT);

    afterAll(async () => {
      if (files) fs.rmSync(files, { recursive: true, force: true });
    });

    it(
      'keeps Import disabled while the row without Spanish is neither confirmed nor corrected, then imports every row',
      async () => {
        const { page } = secretariat;
        await page.goto(`${stage.server.url}/documents/${documentId}/import`);
        await page.getByLabel(T.fileIn.en, { exact: true }).setInputFiles(path.join(files, 'memorandum-en.docx'));
        await page.getByLabel(T.fileIn.es, { exact: true }).setInputFiles(path.join(files, 'memorando-es.docx'));
        await page.getByRole('button', { name: T.showPreview, exact: true }).click();

        const report = page.locator('.import-report');
        await report.getByText(T.issues, { exact: true }).waitFor({ timeout: 60_000 });
        const rows = page.locator('.import-preview-table tbody tr');
        await expect(rows.count()).resolves.toBe(ROWS);
        const gap = rows.nth(GAP_ROW - 1);
        await gap.getByText(T.noSpanish, { exact: true }).waitFor();
        // The next article pairs with the Spanish article 3, its true counterpart: noted, not flagged.
        await rows.nth(GAP_ROW).getByText(T.renumbered, { exact: true }).waitFor();
        await expect(rows.nth(GAP_ROW).getByRole('checkbox', { name: /./ }).count()).resolves.toBe(1); // only its "select to pair" box
        await expect(page.locator('.import-row.has-issue').count()).resolves.toBe(1);

        const confirm = page.getByRole('button', { name: T.confirm(ROWS), exact: true });
        await expect(disabled(confirm)).resolves.toBe(true);
        await page.getByText(T.blocked, { exact: true }).waitFor();
        await screenshot(page, 'import-check-flagged', lang);

        // The report leads to the row; its own check, ticked from the keyboard, enables Import; unchecking disables it again.
        const rowCheck = gap.getByRole('checkbox', { name: T.pairingRight, exact: true });
        await page.getByRole('button', { name: T.goToRow, exact: true }).click();
        await waitUntil(page, () => rowCheck.evaluate((element) => element === document.activeElement), 'the row’s check has the focus');
        await page.keyboard.press('Space');
        await report.getByText(T.allChecked, { exact: true }).waitFor();
        await waitUntil(page, async () => !(await disabled(confirm)), 'Import is enabled');
        await expect(page.getByText(T.blocked, { exact: true }).count()).resolves.toBe(0);
        await rowCheck.uncheck();
        await report.getByText(T.issues, { exact: true }).waitFor();
        await waitUntil(page, () => disabled(confirm), 'Import is disabled again');

        // Leaving the row out leaves nothing to check; undoing brings it back, flagged.
        await gap.getByRole('button', { name: T.remove, exact: true }).click();
        await report.getByText(T.pairedWithNotes, { exact: true }).waitFor();
        await expect(disabled(page.getByRole('button', { name: T.confirm(ROWS - 1), exact: true }))).resolves.toBe(false);
        await expect(page.getByRole('checkbox', { name: T.checkAll, exact: true }).count()).resolves.toBe(0);
        await page.getByRole('button', { name: T.undo, exact: true }).click();
        await report.getByText(T.issues, { exact: true }).waitFor();
        await waitUntil(page, () => disabled(confirm), 'Import is disabled after the undo');

        // One check for all the flagged rows.
        await page.getByRole('checkbox', { name: T.checkAll, exact: true }).check();
        await report.getByText(T.allChecked, { exact: true }).waitFor();
        await expect(
          rows
            .nth(GAP_ROW - 1)
            .getByRole('checkbox', { name: T.pairingRight, exact: true })
            .isChecked(),
        ).resolves.toBe(true);
        await waitUntil(page, async () => !(await disabled(confirm)), 'Import is enabled by the check for all rows');
        await confirm.click();
        await page.getByText(T.done, { exact: true }).waitFor({ timeout: 60_000 });
        await page.getByText(T.doneFlagged, { exact: true }).waitFor();

        const stored = await storedClauses(stage.server, documentId);
        expect(stored).toHaveLength(ROWS);
        const empty = stored.flatMap((clause, index) => (JSON.stringify(clause.text.es).includes('"text"') ? [] : [index + 1]));
        expect(empty).toEqual([GAP_ROW]);
        expect(errors).toEqual([]);
      },
      STEP_TIMEOUT,
    );
  });
}
