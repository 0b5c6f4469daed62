/**
 * Packages in a real browser (issue 16, "nothing is agreed until everything is agreed"): Honduras'
 * delegate, in Spanish, creates a package of Articles 8 and 12 in the Packages tab and approves
 * Article 8 conditional on it; Article 8 shows held for Honduras with Article 12 missing — in the
 * gutter for her and, live and in English, for an observer, whose matrix and legend say the same —
 * until she approves Article 12, when Article 8 turns approved (conditional, settled) on both pages.
 * axe on the packages tab, the approve dialog and the legend.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { AXE_CONTEXT, seriousViolations } from './support/axe';
import { clauseRow, openNegotiation, signIn as signInBrowser } from './support/workspace-page';
import { demo, liveDoc, type Demo } from '../integration/approvals/approvals-helpers';
import { numberClauses } from '../../shared/src/numbering';
import { clauseItems } from '../../shared/src/yjs-layout';

/** The machine is shared with other browser tests: waits are generous, and no assertion is about time. */
const WAIT_MS = 30_000;

describeBrowser('a package holds an approval until every clause of it is approved', () => {
  const stage = browserStage();
  let d: Demo;
  let article8: string;
  let article12: string;

  async function openAs(email: string, locale: string, clauseId: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const { context, page } = await signInBrowser(stage.browser, stage.server.url, email, locale, { ...AXE_CONTEXT, viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(WAIT_MS);
    const errors = collectPageErrors(page);
    await openNegotiation(page, stage.server.url, d.documentId);
    await clauseRow(page, clauseId).locator('.approval-badge').first().waitFor();
    return { context, page, errors };
  }

  const badge = (page: Page, clauseId: string, code: string) => clauseRow(page, clauseId).locator('.approval-badge', { hasText: code });

  /** Approves a clause for Honduras from its gutter, in Spanish; `packageName`: conditional on it. */
  async function approveInSpanish(page: Page, clauseId: string, label: string, packageName?: string) {
    await clauseRow(page, clauseId).getByRole('button', { name: 'Aprobar', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Aprobar ${label} en nombre del Participante`) });
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Condicionada a un paquete' }).waitFor();
    if (packageName) {
      await dialog.getByLabel('Paquete', { exact: true }).selectOption({ label: packageName });
      expect(await seriousViolations(page, 'approve dialog, conditional on a package')).toEqual([]);
      await screenshot(page, 'approve-conditional-on-a-package', 'es');
    }
    const acknowledge = dialog.getByLabel('He comparado yo mismo las versiones lingüísticas');
    if (await acknowledge.count()) await acknowledge.check();
    await dialog.getByRole('button', { name: 'Aprobar todas las versiones' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    d = await demo(stage.server);
    const numbers = numberClauses(clauseItems(await liveDoc(stage.server, d.documentId)));
    const article = (n: number) => [...numbers].find(([, number]) => number.article === n)![0];
    article8 = article(8);
    article12 = article(12);
  }, 180_000);

  it('shows Article 8 held for Honduras, Article 12 missing, until Honduras approves Article 12 — in Spanish and, live, in English', async () => {
    const hn = await openAs(DEMO_EMAILS.hn, 'es-ES', article8);
    const observer = await openAs(DEMO_EMAILS.observer, 'en-US', article8);

    // Honduras creates the package in the Packages tab of the side panel.
    await hn.page.getByRole('tab', { name: 'Paquetes', exact: true }).click();
    await hn.page.getByRole('button', { name: 'Nuevo paquete', exact: true }).click();
    const form = hn.page.getByRole('dialog', { name: 'Nuevo paquete' });
    await form.getByLabel('Nombre', { exact: true }).fill('Paquete de intercambio de información');
    await form.getByRole('checkbox', { name: 'Artículo 8', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Artículo 12', exact: true }).check();
    await form.getByRole('button', { name: 'Guardar el paquete' }).click();
    await form.waitFor({ state: 'detached' });
    const card = hn.page.locator('.package-card', { hasText: 'Paquete de intercambio de información' });
    await card.getByRole('link', { name: 'Ir a Artículo 8' }).waitFor();
    await card.getByRole('link', { name: 'Ir a Artículo 12' }).waitFor();
    await card.getByText('No cerrado.').waitFor();
    expect(await seriousViolations(hn.page, 'packages tab')).toEqual([]);
    await screenshot(hn.page, 'packages-tab', 'es');

    // Honduras approves Article 8, conditional on the package: held, naming Article 12.
    await approveInSpanish(hn.page, article8, 'Artículo 8', 'Paquete de intercambio de información');
    await clauseRow(hn.page, article8).locator('.approval-badge.status-held', { hasText: 'HN' }).waitFor();
    expect(await badge(hn.page, article8, 'HN').textContent()).toBe('HN◐ᵖ');
    expect(await badge(hn.page, article8, 'HN').getAttribute('aria-label')).toMatch(
      /^HN, .*Honduras: En suspenso: paquete no cerrado \(.*condicionada al paquete «Paquete de intercambio de información»; sin aprobar: Artículo 12\)$/,
    );
    await card.getByText(/^HN, .*: sin aprobar Artículo 12$/).waitFor();

    // The observer sees it live, in English, in the gutter and the matrix.
    await clauseRow(observer.page, article8).locator('.approval-badge.status-held', { hasText: 'HN' }).waitFor();
    expect(await badge(observer.page, article8, 'HN').getAttribute('aria-label')).toMatch(
      /: Held: package not settled \(.*conditional on the package “Paquete de intercambio de información”; missing Article 12\)$/,
    );
    await observer.page.getByRole('tab', { name: 'Approvals', exact: true }).click();
    const cell = observer.page.locator('.approval-matrix').getByRole('button', { name: /^Article 8, .*Honduras: Held: package not settled/ });
    await cell.waitFor();
    expect(await cell.textContent()).toBe('◐ᵖ');
    await observer.page.locator('.approval-progress li', { hasText: 'Honduras' }).getByText('1 held by a package', { exact: false }).waitFor();

    // Honduras approves Article 12: the package is settled for Honduras, and Article 8 counts as approved.
    await approveInSpanish(hn.page, article12, 'Artículo 12');
    for (const page of [hn.page, observer.page]) {
      await clauseRow(page, article8).locator('.approval-badge.status-approved.is-conditional', { hasText: 'HN' }).waitFor();
      expect(await badge(page, article8, 'HN').textContent()).toBe('HN✓ᵖ');
    }
    expect(await badge(hn.page, article8, 'HN').getAttribute('aria-label')).toMatch(/: Aprobada, condicionada a un paquete \(/);
    await observer.page
      .locator('.approval-matrix')
      .getByRole('button', { name: /^Article 8, .*Honduras: Approved, conditional on a package/ })
      .waitFor();
    await card.getByText(/^HN, .*: todas las cláusulas aprobadas$/).waitFor();

    // The legend explains both marks.
    await observer.page.getByRole('button', { name: 'Legend', exact: true }).click();
    const legend = observer.page.getByRole('dialog', { name: 'What the marks beside a clause mean' });
    await legend.getByText(/approved it conditionally on a package that .* has not fully approved: held/).waitFor();
    expect(await legend.locator('dt').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/✓ᵖ$/), expect.stringMatching(/◐ᵖ$/)]));
    expect(await seriousViolations(observer.page, 'legend with packages')).toEqual([]);
    await legend.getByRole('button', { name: 'Close' }).first().click();

    // The activity feed tells the package and the conditional approval.
    await observer.page.getByRole('tab', { name: 'Activity', exact: true }).click();
    await observer.page.getByText(/created the package “Paquete de intercambio de información”/).waitFor();
    await observer.page.getByText(/approved Article 8 for .*Honduras, conditional on a package/).waitFor();

    expect(hn.errors).toEqual([]);
    expect(observer.errors).toEqual([]);
    await Promise.all([hn.context.close(), observer.context.close()]);
  });
});
