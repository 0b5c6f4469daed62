/**
 * The activity tab follows the negotiation while it is open: a delegate's approval and a reviewer's
 * comment, made elsewhere, appear at the top of a Guatemalan delegate's feed without a reload, in its
 * language; the events it already showed stay, once each.
 */
import type { Page } from 'playwright-core';
import { browserStage, describeBrowser } from '../utils/browser';
import { currentState, demo, signIn, type Demo } from '../integration/approvals/approvals-helpers';
import { signIn as signInBrowser } from './support/workspace-page';

const WAIT_MS = 60_000;

describeBrowser('the activity feed follows the negotiation', () => {
  const stage = browserStage();
  let d: Demo;

  beforeAll(async () => {
    d = await demo(stage.server);
  }, 240_000);

  async function openActivity(): Promise<Page> {
    const { context, page } = await signInBrowser(stage.browser, stage.server.url, 'gt.delegate@demo.test', 'es-ES');
    context.setDefaultTimeout(WAIT_MS);
    await page.goto(`${stage.server.url}/documents/${d.documentId}`);
    await page.locator('.connection-connected').waitFor();
    await page.locator('.workspace-panel').getByRole('tab', { name: 'Actividad', exact: true }).click();
    await page.locator('.activity-feed li').first().waitFor();
    return page;
  }

  const lines = (page: Page) => page.locator('.activity-feed li').allTextContents();

  it('shows an approval and a comment made elsewhere at the top, without a reload', async () => {
    const page = await openActivity();
    const before = await lines(page);
    expect(before.join('\n')).not.toMatch(/aprobó/);

    const hn = await signIn(stage.server, 'hn.delegate@demo.test');
    const clauseId = d.clauseIds[5];
    const state = await currentState(stage.server, d.documentId, clauseId);
    const approved = await hn.request('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`, {
      participantId: d.participants.HN,
      fingerprint: state.fingerprint,
      acknowledgeConcordance: true,
    });
    expect(approved.status).toBe(201);
    await page
      .locator('.activity-feed li')
      .first()
      .filter({ hasText: /aprobó .* en nombre del Participante Secretaría de Seguridad/ })
      .waitFor();

    const legal = await signIn(stage.server, 'hn.legal@demo.test');
    expect(
      (await legal.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId, body: 'Revisar la concordancia', visibility: 'all' })).status,
    ).toBe(201);
    await page
      .locator('.activity-feed li')
      .first()
      .filter({ hasText: /comentó/ })
      .waitFor();

    const after = await lines(page);
    expect(after.slice(2)).toEqual(before);
    expect(new Set(after).size).toBe(after.length);
    await page.context().close();
  }, 180_000);
});
