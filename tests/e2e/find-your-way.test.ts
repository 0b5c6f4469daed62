/**
 * Finding one's way in a long agreement (issue 19), in a real browser on the demo Memorandum:
 *  - the clause column is compact: at 1280 × 800 at least five typical clauses start on screen, the
 *    Participants' badges sit on one line, and a legend says what "US –", "EN ? ES" and "!" mean;
 *  - "Go to" (Ctrl+G, Ctrl+Alt+G) takes "5", "Article 5", "Artículo 5", "preamble", and says so
 *    when there is no such article;
 *  - every clause has a link, copied from its menu, that opens the workspace on it (signing in first);
 *    a link to a clause that is gone says so;
 *  - the outline tab lists sections and articles with where each stands, and goes to one.
 * English, and a Spanish-speaking delegate for the same steps in Spanish.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { clauseItems } from '../../shared/src/yjs-layout';
import { numberClauses } from '../../shared/src/numbering';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { approveAs, demo, liveDoc, signIn as signInApi, type Demo } from '../integration/approvals/approvals-helpers';
import { clauseRow, openNegotiation, signIn, switchLanguageTo, type Person } from './support/workspace-page';
import { AXE_CONTEXT, seriousViolations } from './support/axe';

const VIEWPORT = { width: 1280, height: 800 };

/** The row whose number reads `label`. */
const row = (page: Page, label: string) => page.locator('.clause-row', { has: page.getByRole('heading', { name: label, exact: true }) });
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Whether the row's top lies in the part of the window the sticky top of the workspace leaves free. */
async function rowStartsOnScreen(page: Page, label: string): Promise<boolean> {
  return row(page, label).evaluate((element) => {
    const header = document.querySelector('.workspace-top')!.getBoundingClientRect().bottom;
    const top = element.getBoundingClientRect().top;
    return top >= header - 1 && top < window.innerHeight;
  });
}

async function openDemo(page: Page, baseUrl: string, documentId: string): Promise<void> {
  await openNegotiation(page, baseUrl, documentId);
  await page.locator('.clause-row .approval-badge').first().waitFor({ timeout: 20_000 });
}

describeBrowser('finding one’s way in a long agreement', () => {
  const stage = browserStage();
  let d: Demo;
  /** Clause ids by their English label ("Article 4"). */
  let ids: Map<string, string>;

  beforeAll(async () => {
    d = await demo(stage.server);
    const items = clauseItems(await liveDoc(stage.server, d.documentId));
    const numbers = numberClauses(items);
    ids = new Map<string, string>();
    for (const item of items) {
      const n = numbers.get(item.id);
      if (n?.article) ids.set(`Article ${n.article}`, item.id);
      else if (n?.section) ids.set(`Section ${n.section}`, item.id);
    }
    // An open comment thread on Article 5; Article 4 approved by all four Participants, Article 6 by the United States only.
    const secretariat = await signInApi(stage.server, DEMO_EMAILS.secretariat);
    const comment = await secretariat.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId: ids.get('Article 5'), body: 'Which criteria?' });
    expect(comment.status).toBe(201);
    for (const [code, email] of [
      ['US', DEMO_EMAILS.us],
      ['SV', DEMO_EMAILS.sv],
      ['GT', DEMO_EMAILS.gt],
      ['HN', DEMO_EMAILS.hn],
    ] as const) {
      const delegate = await signInApi(stage.server, email);
      await approveAs(stage.server, d, delegate, code, ids.get('Article 4')!);
      if (code === 'US') await approveAs(stage.server, d, delegate, code, ids.get('Article 6')!);
    }
  }, 180_000);

  describe('in English', () => {
    let us: Person;
    let errors: string[];

    beforeAll(async () => {
      us = await signIn(stage.browser, stage.server.url, DEMO_EMAILS.us, 'en-US', { viewport: VIEWPORT, ...AXE_CONTEXT });
      await us.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stage.server.url });
      errors = collectPageErrors(us.page);
      await switchLanguageTo(us.page, 'en');
      await openDemo(us.page, stage.server.url, d.documentId);
    }, 120_000);

    afterAll(async () => {
      await us.context.close();
    });

    afterEach(() => {
      expect(errors).toEqual([]);
    });

    it('shows at least five typical clauses at 1280 × 800, each with its badges on one line', async () => {
      const panel = us.page.getByRole('button', { name: 'Hide the side panel', exact: true });
      if (await panel.isVisible()) await panel.click();
      await us.page.locator('.workspace-panel').waitFor({ state: 'detached' });
      // Article 3 just under the sticky top of the workspace, as after scrolling to it.
      await row(us.page, 'Article 3').evaluate((element) => {
        const header = document.querySelector('.workspace-top')!.getBoundingClientRect().height;
        window.scrollBy(0, element.getBoundingClientRect().top - header);
      });
      const starting = [];
      for (const label of ['Article 3', 'Article 4', 'Article 5', 'Article 6', 'Article 7']) if (await rowStartsOnScreen(us.page, label)) starting.push(label);
      await screenshot(us.page, 'find-your-way-density', 'en');
      expect(starting).toEqual(['Article 3', 'Article 4', 'Article 5', 'Article 6', 'Article 7']);

      const tops = await row(us.page, 'Article 3')
        .locator('.approval-badge')
        .evaluateAll((badges) => badges.map((badge) => Math.round(badge.getBoundingClientRect().top)));
      expect(tops).toHaveLength(4);
      expect(new Set(tops).size).toBe(1);
      // Every control of the clause column stays inside it, none over the English text beside it.
      const text = await row(us.page, 'Article 3').locator('.clause-cell').first().boundingBox();
      const rights = await row(us.page, 'Article 3')
        .locator('.clause-head button')
        .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().right));
      expect(rights.every((right) => right <= text!.x)).toBe(true);
    });

    it('explains the badges in a legend reached from the clause column', async () => {
      await us.page.getByRole('button', { name: 'Legend', exact: true }).click();
      const legend = us.page.getByRole('dialog', { name: 'What the marks beside a clause mean' });
      await legend.waitFor();
      await legend.getByText('US has not approved this clause.', { exact: true }).waitFor();
      await legend.getByText('US approved it, but the text changed since: the approval no longer covers it.', { exact: true }).waitFor();
      await legend.getByText('Nobody has confirmed yet that the English and Spanish texts say the same thing.', { exact: true }).waitFor();
      await expect(legend.locator('dt').allTextContents()).resolves.toEqual(expect.arrayContaining(['US–', 'US✓', 'US!', 'EN ? ES', 'EN = ES', 'EN ≠ ES']));
      await screenshot(us.page, 'find-your-way-legend', 'en');
      await us.page.keyboard.press('Escape');
      await legend.waitFor({ state: 'detached' });
    });

    it('goes to an article with Ctrl+G, however it is written, and says when there is no such article', async () => {
      await us.page.locator('body').click({ position: { x: 5, y: 300 } });
      await us.page.keyboard.press('Control+g');
      const dialog = us.page.getByRole('dialog', { name: 'Go to' });
      await dialog.waitFor();
      const field = dialog.getByRole('textbox', { name: 'Article, section or preamble' });
      await us.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
      await field.fill('99');
      await us.page.keyboard.press('Enter');
      await dialog.getByRole('alert').filter({ hasText: 'There is no Article 99 in this agreement. Its articles go from 1 to 30.' }).waitFor();
      await screenshot(us.page, 'find-your-way-go-to', 'en');
      await field.fill('Article 25');
      await us.page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await us.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Article 25, English text');
      expect(await rowStartsOnScreen(us.page, 'Article 25')).toBe(true);
      expect(await row(us.page, 'Article 25').getAttribute('data-jump-target')).toBe('true');

      // Where the browser keeps Ctrl+G for itself: Ctrl+Alt+G, here from inside a text.
      for (const [typed, label] of [
        ['Artículo 5', 'Article 5'],
        ['5', 'Article 5'],
        ['section 2', 'Section 2'],
        ['preamble', 'Preamble, paragraph 1'],
      ] as const) {
        await us.page.keyboard.press('Control+Alt+g');
        await dialog.waitFor();
        await us.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
        await us.page.keyboard.type(typed);
        await us.page.keyboard.press('Enter');
        await us.page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `${label}, English text`);
        expect(await rowStartsOnScreen(us.page, label)).toBe(true);
      }
    });

    it('copies a clause’s link from its menu, and the link opens the workspace on that clause after signing in', async () => {
      await us.page.getByRole('button', { name: 'More for Article 12', exact: true }).click();
      await screenshot(us.page, 'find-your-way-clause-menu', 'en');
      await us.page.getByRole('menuitem', { name: 'Copy link to this clause', exact: true }).click();
      await us.page.getByText('Link to Article 12 copied.', { exact: true }).waitFor();
      const link = await us.page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(`${stage.server.url}/documents/${d.documentId}/clauses/${ids.get('Article 12')}`);

      const fresh: BrowserContext = await stage.browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
      try {
        const page = await fresh.newPage();
        const freshErrors = collectPageErrors(page);
        await page.goto(link);
        await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('next') === new URL(link).pathname);
        // An observer: a read-only text takes the focus itself.
        await page.locator('#signin-email').fill(DEMO_EMAILS.observer);
        await page.locator('#signin-password').fill('demo');
        await page.locator('form button[type="submit"]').click();
        await page.waitForURL(link);
        await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Article 12, English text', undefined, { timeout: 20_000 });
        expect(await rowStartsOnScreen(page, 'Article 12')).toBe(true);
        await screenshot(page, 'find-your-way-clause-link', 'en');
        expect(freshErrors.filter((error) => !error.includes('401'))).toEqual([]);
      } finally {
        await fresh.close();
      }
    });

    it('opens a link to a clause that no longer exists on the agreement as it is, saying so', async () => {
      await us.page.goto(`${stage.server.url}/documents/${d.documentId}/clauses/clause_that_was_deleted`);
      const alert = us.page.getByRole('alert').filter({ hasText: 'The clause this link points to is no longer in the agreement' });
      await alert.waitFor({ timeout: 20_000 });
      expect(await us.page.locator('.clause-row').count()).toBeGreaterThan(30);
      await alert.getByRole('button', { name: 'Dismiss', exact: true }).click();
      await alert.waitFor({ state: 'detached' });
      expect(new URL(us.page.url()).pathname).toBe(`/documents/${d.documentId}`);
    });

    it('lists sections and articles in the outline with where each stands, and goes to the one chosen', async () => {
      await us.page.locator('.connection-connected').waitFor();
      const show = us.page.getByRole('button', { name: 'Comments, approvals and versions' });
      if (await show.isVisible()) await show.click();
      await us.page.getByRole('tab', { name: 'Outline', exact: true }).click();
      const outline = us.page.getByRole('navigation', { name: 'Outline of the agreement' });
      await outline.waitFor();
      await outline.getByRole('button', { name: 'Article 4: Approved by all', exact: true }).waitFor({ timeout: 20_000 });
      await outline.getByRole('button', { name: 'Article 6: Not yet approved by all', exact: true }).waitFor();
      await outline
        .getByRole('button', { name: 'Article 5: Not yet approved by all, 1 open item (open comments: 1, open proposals: 0)', exact: true })
        .waitFor();
      await outline.getByRole('button', { name: 'Section 2', exact: true }).waitFor();
      await screenshot(us.page, 'find-your-way-outline', 'en');

      await outline.getByRole('checkbox', { name: 'Only clauses with something still to settle' }).check();
      expect(await outline.getByRole('button', { name: /^Article 4:/ }).count()).toBe(0);
      await outline.getByRole('checkbox', { name: 'Only clauses with something still to settle' }).uncheck();

      await outline.getByRole('button', { name: /^Article 29:/ }).click();
      await us.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Article 29, English text');
      expect(await rowStartsOnScreen(us.page, 'Article 29')).toBe(true);
      // One tab stop in the list; the arrow keys move through it.
      await outline.getByRole('button', { name: /^Article 29:/ }).focus();
      await us.page.keyboard.press('ArrowUp');
      expect(await focusedName(us.page)).toMatch(/^Article 28:/);
    });

    it('has no serious accessibility violations in the outline, the go-to dialog (with its error) and the legend', async () => {
      const found = [...(await seriousViolations(us.page, 'outline'))];
      await us.page.keyboard.press('Control+g');
      await us.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
      await us.page.keyboard.type('Article 77');
      await us.page.keyboard.press('Enter');
      await us.page.getByRole('dialog', { name: 'Go to' }).getByRole('alert').waitFor();
      found.push(...(await seriousViolations(us.page, 'go-to dialog')));
      await us.page.keyboard.press('Escape');
      await us.page.getByRole('button', { name: 'Legend', exact: true }).click();
      await us.page.getByRole('dialog', { name: 'What the marks beside a clause mean' }).waitFor();
      found.push(...(await seriousViolations(us.page, 'legend')));
      await us.page.keyboard.press('Escape');
      expect(found).toEqual([]);
    });
  });

  describe('in Spanish', () => {
    let gt: Person;
    let errors: string[];

    beforeAll(async () => {
      gt = await signIn(stage.browser, stage.server.url, DEMO_EMAILS.gt, 'es-ES', { viewport: VIEWPORT, ...AXE_CONTEXT });
      await gt.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stage.server.url });
      errors = collectPageErrors(gt.page);
      await switchLanguageTo(gt.page, 'es');
      await openDemo(gt.page, stage.server.url, d.documentId);
    }, 120_000);

    afterAll(async () => {
      await gt.context.close();
    });

    afterEach(() => {
      expect(errors).toEqual([]);
    });

    it('goes to an article, in the Spanish text, and says in Spanish when there is none', async () => {
      await gt.page.getByRole('button', { name: 'Ir a…', exact: true }).click();
      const dialog = gt.page.getByRole('dialog', { name: 'Ir a' });
      const field = dialog.getByRole('textbox', { name: 'Artículo, sección o preámbulo' });
      await field.fill('Artículo 31');
      await dialog.getByRole('button', { name: 'Ir', exact: true }).click();
      await dialog.getByRole('alert').filter({ hasText: 'No hay Artículo 31 en este acuerdo. Sus artículos van del 1 al 30.' }).waitFor();
      await field.fill('capítulo');
      await gt.page.keyboard.press('Enter');
      await dialog.getByRole('alert').filter({ hasText: '«capítulo» no es un artículo, una sección ni el preámbulo.' }).waitFor();
      await field.fill('artículo 9');
      await gt.page.keyboard.press('Enter');
      await gt.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Artículo 9, texto en español');
      expect(await rowStartsOnScreen(gt.page, 'Artículo 9')).toBe(true);
      await gt.page.keyboard.press('Control+g');
      await dialog.waitFor();
      await gt.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
      await gt.page.keyboard.type('preámbulo');
      await gt.page.keyboard.press('Enter');
      await gt.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Preámbulo, párrafo 1, texto en español');
    });

    it('shows the outline and the legend in Spanish', async () => {
      await gt.page.getByRole('tab', { name: 'Índice', exact: true }).click();
      const outline = gt.page.getByRole('navigation', { name: 'Índice del acuerdo' });
      await outline.getByRole('button', { name: 'Artículo 4: Aprobada por todos', exact: true }).waitFor({ timeout: 20_000 });
      await outline.getByRole('button', { name: /^Artículo 20:/ }).click();
      await gt.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Artículo 20, texto en español');
      await screenshot(gt.page, 'find-your-way-outline', 'es');

      await gt.page.getByRole('button', { name: 'Leyenda', exact: true }).click();
      const legend = gt.page.getByRole('dialog', { name: 'Qué significan las marcas junto a una cláusula' });
      await legend.getByText('GT no ha aprobado esta cláusula.', { exact: true }).waitFor();
      await legend.getByText('Nadie ha confirmado aún que los textos en inglés y español dicen lo mismo.', { exact: true }).waitFor();
      await screenshot(gt.page, 'find-your-way-legend', 'es');
      await gt.page.keyboard.press('Escape');
      await legend.waitFor({ state: 'detached' });
    });

    it('copies a clause’s link with a confirmation in Spanish, and says in Spanish when a link’s clause is gone', async () => {
      await gt.page.getByRole('button', { name: 'Más opciones de Artículo 3', exact: true }).click();
      await gt.page.getByRole('menuitem', { name: 'Copiar el enlace a esta cláusula', exact: true }).click();
      await gt.page.getByText('Enlace a Artículo 3 copiado.', { exact: true }).waitFor();
      expect(await gt.page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${stage.server.url}/documents/${d.documentId}/clauses/${ids.get('Article 3')}`,
      );

      await gt.page.goto(`${stage.server.url}/documents/${d.documentId}/clauses/ya_no_existe`);
      await gt.page.getByRole('alert').filter({ hasText: 'La cláusula a la que apunta este enlace ya no está en el acuerdo' }).waitFor({ timeout: 20_000 });
      expect(await seriousViolations(gt.page, 'clause link to a deleted clause')).toEqual([]);
    });
  });

  it('opens a clause link for someone already signed in, scrolled to the clause and highlighted', async () => {
    const page = (await signIn(stage.browser, stage.server.url, DEMO_EMAILS.hn, 'en-US', { viewport: VIEWPORT })).page;
    await switchLanguageTo(page, 'en');
    await page.goto(`${stage.server.url}/documents/${d.documentId}/clauses/${ids.get('Article 27')}`);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Article 27, '), undefined, { timeout: 20_000 });
    expect(await rowStartsOnScreen(page, 'Article 27')).toBe(true);
    expect(await clauseRow(page, ids.get('Article 27')!).getAttribute('data-jump-target')).toBe('true');
    await page.context().close();
  });
});
