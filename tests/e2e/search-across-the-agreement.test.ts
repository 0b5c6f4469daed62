/**
 * Search (Ctrl+F) in a 300-clause agreement, both languages: it finds words in rows far down the
 * document whose editors are not mounted (it reads the Y.Doc, not the page), counts them ("3 of 12"),
 * moves with Enter / Shift+Enter bringing each match into view highlighted, and finds "articulo" in
 * "artículo" unless accents are asked to match. In English and in Spanish.
 */
import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { LAST_CLAUSE_ID, seedLargeAgreement } from '../utils/large-agreement';
import { AXE_CONTEXT, seriousViolations } from './support/axe';
import { signIn, type Person } from './support/workspace-page';

async function openAgreement(page: Page, baseUrl: string, documentId: string): Promise<void> {
  await page.goto(`${baseUrl}/documents/${documentId}`);
  await page.locator('.connection-connected').waitFor();
  await page.locator('.clause-row').first().waitFor();
}

/** Whether the highlighted current match is on screen, in the text of that clause and language. */
async function currentMatchOnScreen(page: Page, clauseId: string, language: string): Promise<boolean> {
  return page.evaluate(
    ([id, lang]) => {
      const words = document.querySelector(`.clause-row[data-clause-id="${id}"] .clause-text[lang="${lang}"] .search-match-current`);
      if (!words) return false;
      const box = words.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    },
    [clauseId, language] as const,
  );
}

describeBrowser('search across the agreement', () => {
  const stage = browserStage();
  let us: Person;
  let gt: Person;
  const errors: string[][] = [];
  let usDocument: string;
  let gtDocument: string;

  beforeAll(async () => {
    const pool = stage.server.concordia.db.pool;
    usDocument = await seedLargeAgreement(pool, 'us.delegate@demo.test');
    gtDocument = await seedLargeAgreement(pool, 'gt.delegate@demo.test');
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US', AXE_CONTEXT);
    gt = await signIn(stage.browser, stage.server.url, 'gt.delegate@demo.test', 'es-ES', AXE_CONTEXT);
    errors.push(collectPageErrors(us.page), collectPageErrors(gt.page));
  }, 180_000);

  it('finds words in clauses far down the document, counts them and steps through them into view (en)', async () => {
    const page = us.page;
    await openAgreement(page, stage.server.url, usDocument);
    const lastRow = page.locator(`.clause-row[data-clause-id="${LAST_CLAUSE_ID}"]`);
    await lastRow.waitFor({ state: 'attached' });
    // The last clause is far away: its texts are not editors yet.
    expect(await lastRow.locator('.clause-static').count()).toBe(2);

    await page.locator('.clause-row').first().click();
    await page.keyboard.press('Control+f');
    const search = page.getByRole('search', { name: 'Search the agreement' });
    const box = search.getByRole('textbox', { name: 'Search in every language' });
    await box.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search in every language');
    // Sentences 2990 to 2993 are the last clause's: four matches, all in the English text.
    await box.fill('matter 299');
    const count = search.getByRole('status');
    await count.filter({ hasText: '1 of 4' }).waitFor();
    await page.waitForFunction(
      (id) => !!document.querySelector(`.clause-row[data-clause-id="${id}"] .clause-text[lang="en"] .search-match-current`),
      LAST_CLAUSE_ID,
    );
    expect(await currentMatchOnScreen(page, LAST_CLAUSE_ID, 'en')).toBe(true);
    expect(await lastRow.locator('.clause-text[lang="en"] .search-match').count()).toBe(4);
    await screenshot(page, 'search', 'en');

    await box.press('Enter');
    await count.filter({ hasText: '2 of 4' }).waitFor();
    await box.press('Shift+Enter');
    await count.filter({ hasText: '1 of 4' }).waitFor();
    await box.press('Shift+Enter');
    await count.filter({ hasText: '4 of 4' }).waitFor();
    expect(await search.getByRole('button', { name: 'Next match' }).getAttribute('title')).toBe('Next match (Enter)');

    // Back at the top, a match of the first clauses brings the page back up.
    await box.fill('matter 10 within');
    await count.filter({ hasText: '1 of 1' }).waitFor();
    await page.waitForFunction(() => !!document.querySelector('.clause-row[data-clause-id="big_1"] .search-match-current'));
    expect(await currentMatchOnScreen(page, 'big_1', 'en')).toBe(true);

    await box.fill('matter 299');
    await count.filter({ hasText: '1 of 4' }).waitFor();
    await search.getByText('Whole words').click();
    await count.filter({ hasText: 'No results' }).waitFor();
    await search.getByText('Whole words').click();
    await search.getByText('Match case').click();
    await box.fill('Matter 299');
    await count.filter({ hasText: 'No results' }).waitFor();
    await box.fill('Participants intend to cooperate on matter 2993');
    await count.filter({ hasText: '1 of 1' }).waitFor();

    await box.press('Escape');
    await search.waitFor({ state: 'detached' });
    expect(await page.locator('.search-match').count()).toBe(0);
  });

  it('finds "juridicos" in "jurídicos" in the Spanish texts, and not when accents must match (es)', async () => {
    const page = gt.page;
    await openAgreement(page, stage.server.url, gtDocument);
    await page.locator('.clause-row').nth(1).locator('.clause-text[lang="es"]').click();
    await page.keyboard.press('Control+f');
    const search = page.getByRole('search', { name: 'Buscar en el acuerdo' });
    const box = search.getByRole('textbox', { name: 'Buscar en todos los idiomas' });
    await box.fill('asunto 2993 dentro de sus respectivos marcos juridicos');
    const count = search.getByRole('status');
    await count.filter({ hasText: '1 de 1' }).waitFor();
    await page.waitForFunction(
      (id) => !!document.querySelector(`.clause-row[data-clause-id="${id}"] .clause-text[lang="es"] .search-match-current`),
      LAST_CLAUSE_ID,
    );
    expect(await currentMatchOnScreen(page, LAST_CLAUSE_ID, 'es')).toBe(true);
    expect(await page.locator('.search-match-current').textContent()).toBe('asunto 2993 dentro de sus respectivos marcos jurídicos');
    await screenshot(page, 'search', 'es');
    expect(await seriousViolations(page, 'search bar')).toEqual([]);

    await search.getByText('Distinguir acentos').click();
    await count.filter({ hasText: 'Sin resultados' }).waitFor();
    await search.getByText('Distinguir acentos').click();
    await count.filter({ hasText: '1 de 1' }).waitFor();
    expect(await search.getByRole('button', { name: 'Resultado anterior' }).getAttribute('title')).toBe('Resultado anterior (Mayús+Intro)');

    await search.getByRole('button', { name: 'Cerrar la búsqueda' }).click();
    await search.waitFor({ state: 'detached' });
    // The caret is on the match, its words selected, as in Word.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Artículo 280, texto en español');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('asunto 2993 dentro de sus respectivos marcos jurídicos');
  });

  it('meets no error in any page along the way', () => {
    expect(errors.flat()).toEqual([]);
  });
});
