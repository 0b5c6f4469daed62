/**
 * Stable numbering in a real browser (issue 15): the secretariat, in English, fixes the numbering at
 * the chair's text in the versions tab; the United States' delegate, in English, adds an article after
 * Article 3 and sees "Article 3 bis" (Article 4 keeps its number); Honduras' delegate, in Spanish, sees
 * "Artículo 3 bis" live and adds "Artículo 3 ter" after it. axe on the numbering control.
 */
import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS, signIn as signInApi } from '../utils/people';
import { AXE_CONTEXT, seriousViolations } from './support/axe';
import { openNegotiation, signIn, type Person } from './support/workspace-page';
import { demo, type Demo } from '../integration/approvals/approvals-helpers';

const WAIT_MS = 30_000;
const heading = (page: Page, label: string) => page.locator('.clause-number', { hasText: new RegExp(`^${label}$`) });

describeBrowser('stable numbering: inserted articles are numbered bis, ter once the numbering is fixed', () => {
  const stage = browserStage();
  let d: Demo;
  let secretariat: Person;
  let us: Person;
  let hn: Person;
  let errors: string[];

  beforeAll(async () => {
    d = await demo(stage.server);
    const api = await signInApi(stage.server, DEMO_EMAILS.secretariat);
    const taken = await api.request('POST', `/api/documents/${d.documentId}/versions`, { name: 'Chair’s text of 3 March' });
    expect(taken.status).toBe(201);
    secretariat = await signIn(stage.browser, stage.server.url, DEMO_EMAILS.secretariat, 'en-US', { ...AXE_CONTEXT, viewport: { width: 1400, height: 1000 } });
    us = await signIn(stage.browser, stage.server.url, DEMO_EMAILS.us, 'en-US');
    hn = await signIn(stage.browser, stage.server.url, DEMO_EMAILS.hn, 'es-ES');
    errors = [];
    for (const person of [secretariat, us, hn]) {
      person.page.setDefaultTimeout(WAIT_MS);
      errors.push(...collectPageErrors(person.page));
    }
    await Promise.all([secretariat, us, hn].map((person) => openNegotiation(person.page, stage.server.url, d.documentId)));
  }, 180_000);

  afterAll(() => {
    expect(errors.filter((error) => !error.includes('401'))).toEqual([]);
  });

  it('fixes the numbering; an article added after Article 3 is "Article 3 bis" in English and "Artículo 3 bis" in Spanish', async () => {
    await secretariat.page.getByRole('tab', { name: 'Versions', exact: true }).click();
    const control = secretariat.page.getByRole('region', { name: 'Numbering' });
    await control.getByText(/^The numbering follows the order/).waitFor();
    await control.getByLabel('Version to fix the numbering at').selectOption({ label: 'Chair’s text of 3 March' });
    await control.getByRole('button', { name: 'Fix the numbering', exact: true }).click();
    await control.getByText('Numbering fixed since the version “Chair’s text of 3 March”.', { exact: false }).waitFor();
    expect(await seriousViolations(secretariat.page, 'numbering control')).toEqual([]);
    await screenshot(secretariat.page, 'numbering-fixed', 'en');

    await us.page.getByRole('button', { name: 'Add after Article 3', exact: true }).click();
    await us.page.getByRole('menuitem', { name: 'Article', exact: true }).click();
    await heading(us.page, 'Article 3 bis').waitFor();
    await heading(us.page, 'Article 4').waitFor();
    expect(await us.page.locator('.clause-number', { hasText: /^Article 3 bis$/ }).count()).toBe(1);

    await heading(hn.page, 'Artículo 3 bis').waitFor();
    await hn.page.getByRole('button', { name: 'Añadir después de Artículo 3 bis', exact: true }).click();
    await hn.page.getByRole('menuitem', { name: 'Artículo', exact: true }).click();
    await heading(hn.page, 'Artículo 3 ter').waitFor();
    await heading(us.page, 'Article 3 ter').waitFor();
    await screenshot(hn.page, 'numbering-3-ter', 'es');
  });
});
