/**
 * Approvals in a real browser: a delegate approves a clause from its badges (the dialog asks for the
 * concordance acknowledgement), every open page shows it approved at once, an edit of the English text
 * by someone else turns the badge "changed since approval" live, and the "what changed" view shows the
 * change and who made it. The matrix filters and counts. English and Spanish.
 *
 * Each person signs in and opens the demo negotiation in the workspace of the built client; the
 * clause is the first whose English text says "intend to" (Article 2).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { clauseRow, openNegotiation, signIn as signInBrowser } from './support/workspace-page';
import { currentPlainText, demo, editAs, replaceWords, signIn, type Demo, type Person } from '../integration/approvals/approvals-helpers';

describeBrowser('approvals in the browser', () => {
  const stage = browserStage();
  let d: Demo;
  let gt: Person;
  let clauseId: string;

  /** Signs in through the form and opens the negotiation; once its approvals are shown, nothing on the page may go wrong. */
  async function openAs(email: string, locale: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const { context, page } = await signInBrowser(stage.browser, stage.server.url, email, locale, { viewport: { width: 1400, height: 1000 } });
    const errors = collectPageErrors(page);
    await openNegotiation(page, stage.server.url, d.documentId);
    try {
      await clauseRow(page, clauseId).locator('.approval-badge').first().waitFor({ timeout: 20_000 });
    } catch (error) {
      throw new Error(`The approvals of the clause were not shown: ${(error as Error).message}\nPage errors: ${errors.join('\n')}`, { cause: error });
    }
    return { context, page, errors };
  }

  const clause = (page: Page) => clauseRow(page, clauseId);
  const badge = (page: Page, code: string) => clause(page).locator('.approval-badge', { hasText: code });

  beforeAll(async () => {
    d = await demo(stage.server);
    gt = await signIn(stage.server, DEMO_EMAILS.gt);
    for (const id of d.clauseIds)
      if ((await currentPlainText(stage.server, d.documentId, id, 'en')).includes(' intend to ')) {
        clauseId = id;
        break;
      }
  }, 180_000);

  it('lets the Honduran delegate approve, in Spanish, after acknowledging the unconfirmed concordance; other pages see it at once', async () => {
    const honduras = await openAs(DEMO_EMAILS.hn, 'es-ES');
    const us = await openAs(DEMO_EMAILS.us, 'en-US');
    expect(await badge(honduras.page, 'HN').getAttribute('class')).toContain('status-not_approved');
    expect(await clause(us.page).locator('.concordance-badge').getAttribute('aria-label')).toContain('Concordance not confirmed');

    await clause(honduras.page).getByRole('button', { name: 'Aprobar', exact: true }).click();
    const dialog = honduras.page.getByRole('dialog', { name: /Aprobar Artículo 2 en nombre del Participante Secretaría de Seguridad/ });
    await dialog.waitFor();
    await expect(dialog.getByText('Nadie ha confirmado todavía').isVisible()).resolves.toBe(true);
    await expect(dialog.getByText('The Participants intend to', { exact: false }).first().isVisible()).resolves.toBe(true);
    const submit = dialog.getByRole('button', { name: 'Aprobar todas las versiones' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel('He comparado yo mismo las versiones lingüísticas').check();
    await screenshot(honduras.page, 'approve-dialog', 'es');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });

    await clause(honduras.page).locator('.approval-badge.status-approved').waitFor();
    await clause(us.page).locator('.approval-badge.status-approved').waitFor();
    expect(await badge(us.page, 'HN').getAttribute('aria-label')).toMatch(/Secretariat of Security .*: Approved \(approved by María Fernanda Zelaya/);
    expect(honduras.errors).toEqual([]);
    expect(us.errors).toEqual([]);
    await honduras.context.close();
    await us.context.close();
  });

  it('turns the badge "changed since approval" the moment the English text changes, and shows what changed and who changed it', async () => {
    const { context, page, errors } = await openAs(DEMO_EMAILS.us, 'en-US');
    expect(await badge(page, 'HN').getAttribute('class')).toContain('status-approved');
    await editAs(stage.server, d.documentId, gt.userId, clauseId, 'en', replaceWords(' intend to ', ' will '));
    await clause(page).locator('.approval-badge.status-outdated').waitFor();

    await badge(page, 'HN').click();
    const view = page.getByRole('dialog', { name: 'What changed in Article 2' });
    await view.waitFor();
    await view.locator('ins', { hasText: 'will' }).waitFor();
    await expect(view.locator('del', { hasText: 'intend to' }).isVisible()).resolves.toBe(true);
    await expect(view.getByText(`Edited the document since: ${gt.displayName}`).isVisible()).resolves.toBe(true);
    await expect(view.getByText(/Spanish · Unchanged/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'changed-since', 'en');
    await view.getByRole('button', { name: 'Close' }).first().click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counts progress and filters the matrix: changed since approval, missing Guatemala', async () => {
    const { context, page } = await openAs(DEMO_EMAILS.observer, 'en-US');
    await page.getByRole('tab', { name: 'Approvals', exact: true }).click();
    const matrix = page.locator('.approval-matrix');
    await expect(matrix.getByText(`0 of ${d.clauseIds.length * 4} approvals in place.`).isVisible()).resolves.toBe(true);
    await matrix.getByLabel('Show').selectOption('outdated');
    await expect(matrix.getByText('1 clause shown').isVisible()).resolves.toBe(true);
    await matrix.getByLabel('Show').selectOption('');
    await matrix.getByLabel('Missing the approval of').selectOption({ label: 'Ministry of Government of the Republic of Guatemala' });
    await expect(matrix.getByText(`${d.clauseIds.length} clauses shown`).isVisible()).resolves.toBe(true);
    await screenshot(page, 'approval-matrix', 'en');

    // The full-width view shows every Participant's column at once, inside the window; Escape goes back.
    await matrix.getByRole('button', { name: 'Full width' }).click();
    const width = page.viewportSize()!.width;
    for (const code of ['US', 'SV', 'GT', 'HN']) {
      const box = await matrix.locator('thead abbr', { hasText: code }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    await screenshot(page, 'approval-matrix-wide', 'en');
    await expect(
      page
        .getByRole('dialog', { name: 'Approvals' })
        .getByRole('button', { name: 'Back to the side panel' })
        .evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await matrix.getByRole('button', { name: 'Full width', pressed: false }).waitFor();
    await context.close();
  });
});
