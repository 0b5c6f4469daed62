/**
 * Finding one's way in a 300-clause agreement (issue 19): the outline lists every item, and going to
 * an article far down — from the outline, with "Go to", or by a clause link — brings it into view
 * with the caret in it, while only the editors near the viewport are mounted (viewport.ts).
 */
import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser } from '../utils/browser';
import { LARGE_AGREEMENT_CLAUSES as CLAUSES, LAST_ARTICLE, LAST_CLAUSE_ID, seedLargeAgreement } from '../utils/large-agreement';
import { signIn, switchLanguageTo, type Person } from './support/workspace-page';

/** Far fewer than the 600 texts of the document (as in large-document.test.ts). */
const EDITOR_BOUND = 80;
const LIVE_EDITORS = '.clause-text:not(.clause-static)';

const liveEditors = (page: Page) => page.locator(LIVE_EDITORS).count();
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function expectOnScreen(page: Page, clauseId: string): Promise<void> {
  const top = await page.locator(`.clause-row[data-clause-id="${clauseId}"]`).evaluate((row) => {
    const header = document.querySelector('.workspace-top')!.getBoundingClientRect().bottom;
    const rect = row.getBoundingClientRect();
    return rect.top >= header - 1 && rect.top < window.innerHeight;
  });
  expect(top).toBe(true);
}

describeBrowser('finding one’s way in a 300-clause agreement', () => {
  const stage = browserStage();
  let us: Person;
  let documentId: string;
  let errors: string[];

  beforeAll(async () => {
    documentId = await seedLargeAgreement(stage.server.concordia.db.pool, 'us.delegate@demo.test');
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US');
    errors = collectPageErrors(us.page);
    await switchLanguageTo(us.page, 'en');
    await us.page.goto(`${stage.server.url}/documents/${documentId}`);
    await us.page.locator('.connection-connected').waitFor();
    await us.page
      .locator('.clause-row')
      .nth(CLAUSES - 1)
      .waitFor({ state: 'attached' });
  }, 180_000);

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('lists every section and article in the outline and goes to the last one, mounting only the editors near it', async () => {
    const show = us.page.getByRole('button', { name: 'Comments, approvals and versions' });
    if (await show.isVisible()) await show.click();
    await us.page.getByRole('tab', { name: 'Outline', exact: true }).click();
    const outline = us.page.getByRole('navigation', { name: 'Outline of the agreement' });
    await outline
      .locator('.outline-item')
      .nth(CLAUSES - 1)
      .waitFor({ state: 'attached' });
    expect(await outline.locator('.outline-item').count()).toBe(CLAUSES);
    expect(await liveEditors(us.page)).toBeLessThan(EDITOR_BOUND);

    await outline.getByRole('button', { name: new RegExp(`^${LAST_ARTICLE}(:|$)`) }).click();
    await us.page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `${LAST_ARTICLE}, English text`);
    await expectOnScreen(us.page, LAST_CLAUSE_ID);
    expect(await liveEditors(us.page)).toBeLessThan(EDITOR_BOUND);
  });

  it('goes to an article in the middle with Ctrl+G', async () => {
    await us.page.keyboard.press('Control+g');
    const dialog = us.page.getByRole('dialog', { name: 'Go to' });
    await dialog.waitFor();
    await us.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    await us.page.keyboard.type('Article 140');
    await us.page.keyboard.press('Enter');
    await us.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Article 140, English text');
    expect(await liveEditors(us.page)).toBeLessThan(EDITOR_BOUND);
    await us.page.keyboard.press('Control+g');
    await us.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    await us.page.keyboard.type('281');
    await us.page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'There is no Article 281 in this agreement. Its articles go from 1 to 280.' }).waitFor();
    await us.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('opens a clause link far down the agreement on that clause', async () => {
    await us.page.goto(`${stage.server.url}/documents/${documentId}/clauses/big_200`);
    await us.page.waitForFunction(() => /^Article \d+, English text$/.test(document.activeElement?.getAttribute('aria-label') ?? ''), undefined, {
      timeout: 30_000,
    });
    const row = us.page.locator('.clause-row[data-clause-id="big_200"]');
    expect(await focusedName(us.page)).toBe(`${await row.locator('.clause-number').textContent()}, English text`);
    await expectOnScreen(us.page, 'big_200');
    expect(await liveEditors(us.page)).toBeLessThan(EDITOR_BOUND);
  });
});
