/**
 * Ad referendum approvals in a real browser (issue 16): the secretariat marks a second Guatemalan
 * delegate as head of delegation on the members screen; Guatemala's delegate approves Article 3 ad
 * referendum, in Spanish, and every open page shows it awaiting the capital ("GT ✓ᵃʳ", in the gutter and
 * the matrix); the head of delegation confirms it for the capital and it turns final live for the others,
 * with a line in the activity feed and its freeze blocker gone. In English: a confirmation the text changed under — refused by the
 * server with 409 approval_text_changed — shows what changed instead of an error. axe on both dialogs.
 *
 * Article 3 is the clause whose English text says "expand operations"; Article 4 says "increase the collection".
 */
import type { BrowserContext, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { AXE_CONTEXT, seriousViolations } from './support/axe';
import { clauseRow, openNegotiation, signIn as signInBrowser, switchLanguageTo } from './support/workspace-page';
import { currentPlainText, currentState, demo, editAs, replaceWords, signIn, type Demo, type Person } from '../integration/approvals/approvals-helpers';
import { createAccountWithOldPassword } from '../utils/factories';

const HEAD_EMAIL = 'gt.head@demo.test';
const HEAD_NAME = 'Carmen Morales';
/** The machine is shared with other browser tests: waits are generous, and no assertion is about time. */
const WAIT_MS = 30_000;

describeBrowser('approving ad referendum and confirming for the capital', () => {
  const stage = browserStage();
  let d: Demo;
  let secretariat: Person;
  let us: Person;
  let article3: string;
  let article4: string;

  async function openAs(email: string, locale: string, clauseId: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const { context, page } = await signInBrowser(stage.browser, stage.server.url, email, locale, { ...AXE_CONTEXT, viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(WAIT_MS);
    const errors = collectPageErrors(page);
    await openNegotiation(page, stage.server.url, d.documentId);
    await clauseRow(page, clauseId).locator('.approval-badge').first().waitFor();
    return { context, page, errors };
  }

  const badge = (page: Page, clauseId: string, code: string) => clauseRow(page, clauseId).locator('.approval-badge', { hasText: code });

  async function clauseWith(words: string): Promise<string> {
    for (const id of d.clauseIds) if ((await currentPlainText(stage.server, d.documentId, id, 'en')).includes(words)) return id;
    throw new Error(`No clause says "${words}"`);
  }

  beforeAll(async () => {
    d = await demo(stage.server);
    secretariat = await signIn(stage.server, DEMO_EMAILS.secretariat);
    us = await signIn(stage.server, DEMO_EMAILS.us);
    article3 = await clauseWith('expand operations');
    article4 = await clauseWith('increase the collection');
    // A second delegate of Guatemala, whom the secretariat will make head of delegation.
    await createAccountWithOldPassword(stage.server.concordia.db.pool, { email: HEAD_EMAIL, displayName: HEAD_NAME, password: 'demo', uiLanguage: 'es' });
    const added = await secretariat.request('POST', `/api/documents/${d.documentId}/memberships`, {
      email: HEAD_EMAIL,
      role: 'delegate',
      participantId: d.participants.GT,
    });
    if (added.status !== 201) throw new Error(`Adding ${HEAD_EMAIL} answered ${added.status}: ${JSON.stringify(added.body)}`);
  }, 180_000);

  it('lets the secretariat mark a delegate "May confirm for the capital (head of delegation)" on the members screen; only delegates can be', async () => {
    const { context, page } = await signInBrowser(stage.browser, stage.server.url, DEMO_EMAILS.secretariat, 'en-US', AXE_CONTEXT);
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${stage.server.url}/documents/${d.documentId}/members`);
    await page.getByRole('heading', { name: 'Members and Participants', level: 1 }).waitFor();
    const row = page.locator('tr', { hasText: HEAD_NAME });
    const flag = row.getByRole('checkbox', { name: `May confirm for the capital (head of delegation): ${HEAD_NAME}` });
    expect(await flag.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /: Olivia Observer$/ }).isDisabled()).toBe(true);
    await flag.check();
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Changes for ${HEAD_NAME} saved.`).waitFor();
    expect(await seriousViolations(page, 'members with the head of delegation')).toEqual([]);
    await screenshot(page, 'members-head-of-delegation', 'en');

    const { body } = await secretariat.request('GET', `/api/documents/${d.documentId}/members`);
    const member = (body.members as Array<{ email?: string; mayConfirmForCapital: boolean }>).find((m) => m.email === HEAD_EMAIL);
    expect(member?.mayConfirmForCapital).toBe(true);
    // Read again after the save: still marked.
    await page.reload();
    expect(
      await page
        .locator('tr', { hasText: HEAD_NAME })
        .getByRole('checkbox', { name: /head of delegation/ })
        .isChecked(),
    ).toBe(true);
    await context.close();
  });

  it('shows Guatemala’s approval ad referendum to everyone, in Spanish and English, until the head of delegation confirms it; then it is final live', async () => {
    const gt = await openAs(DEMO_EMAILS.gt, 'es-ES', article3);
    const observer = await openAs(DEMO_EMAILS.observer, 'en-US', article3);

    await clauseRow(gt.page, article3).getByRole('button', { name: 'Aprobar', exact: true }).click();
    const dialog = gt.page.getByRole('dialog', { name: /^Aprobar Artículo 3 en nombre del Participante/ });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Aprobar ad referéndum (sujeto a confirmación por mi capital)' }).check();
    await dialog.getByLabel('He comparado yo mismo las versiones lingüísticas').check();
    expect(await seriousViolations(gt.page, 'approve dialog, ad referendum')).toEqual([]);
    await screenshot(gt.page, 'approve-ad-referendum', 'es');
    await dialog.getByRole('button', { name: 'Aprobar ad referéndum' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Everyone sees it as ad referendum: a mark of its own and a sentence saying who is awaited.
    for (const { page, sentence } of [
      { page: gt.page, sentence: /Aprobada ad referéndum \(aprobada ad referéndum por José Ixcot el .*, pendiente de confirmación por la capital\)/ },
      { page: observer.page, sentence: /Approved ad referendum \(approved ad referendum by José Ixcot on .*, awaiting confirmation by the capital\)/ },
    ]) {
      await clauseRow(page, article3).locator('.approval-badge.is-ad-referendum', { hasText: 'GT' }).waitFor();
      expect(await badge(page, article3, 'GT').textContent()).toBe('GT✓ᵃʳ');
      expect(await badge(page, article3, 'GT').getAttribute('aria-label')).toMatch(sentence);
    }
    // José may not confirm for the capital: the secretariat did not mark him.
    expect(
      await clauseRow(gt.page, article3)
        .getByRole('button', { name: /^Confirmar en nombre de la capital/ })
        .count(),
    ).toBe(0);

    // The matrix says the same.
    await observer.page.getByRole('tab', { name: 'Approvals', exact: true }).click();
    const cell = observer.page
      .locator('.approval-matrix')
      .getByRole('button', { name: /^Article 3, Ministry of Government .*Guatemala: Approved ad referendum/ });
    await cell.waitFor();
    expect(await cell.textContent()).toBe('✓ᵃʳ');
    const progress = observer.page.locator('.approval-progress li', { hasText: 'Ministry of Government of the Republic of Guatemala' });
    await progress.getByText('1 ad referendum, awaiting the capital', { exact: false }).waitFor();

    // It blocks the freeze until it is final: the secretariat's freeze panel names the clause and the Participant.
    const desk = await openAs(DEMO_EMAILS.secretariat, 'en-US', article3);
    await desk.page.getByRole('tab', { name: 'Versions', exact: true }).click();
    const blocker = desk.page.locator('.freeze-blockers li', {
      hasText: 'Article 3: Ministry of Government of the Republic of Guatemala approved it ad referendum; its capital has not confirmed it yet.',
    });
    await blocker.waitFor();

    // The head of delegation confirms it for the capital, from the clause's badges.
    const head = await openAs(HEAD_EMAIL, 'es-ES', article3);
    await clauseRow(head.page, article3)
      .getByRole('button', { name: /^Confirmar en nombre de la capital/ })
      .click();
    const confirm = head.page.getByRole('dialog', { name: /^Confirmar Artículo 3 en nombre de la capital de/ });
    await confirm.waitFor();
    await confirm.getByText('José Ixcot aprobó este texto ad referéndum el', { exact: false }).waitFor();
    await confirm.getByText('ampliar las operaciones', { exact: false }).waitFor();
    expect(await seriousViolations(head.page, 'confirm for the capital dialog')).toEqual([]);
    await screenshot(head.page, 'confirm-for-capital', 'es');
    await confirm.getByRole('button', { name: 'Confirmar en nombre de la capital' }).click();
    await confirm.waitFor({ state: 'detached' });

    // Final, live, for everyone: who confirmed it and when.
    for (const page of [observer.page, gt.page, head.page]) {
      await clauseRow(page, article3).locator('.approval-badge.status-approved:not(.is-ad-referendum)', { hasText: 'GT' }).waitFor();
      expect(await badge(page, article3, 'GT').textContent()).toBe('GT✓');
    }
    expect(await badge(observer.page, article3, 'GT').getAttribute('aria-label')).toMatch(
      /: Approved \(approved by José Ixcot, .*; confirmed for the capital by Carmen Morales, /,
    );
    await observer.page
      .locator('.approval-matrix')
      .getByRole('button', { name: /^Article 3, Ministry of Government .*Guatemala: Approved \(/ })
      .waitFor();
    expect(
      await clauseRow(head.page, article3)
        .getByRole('button', { name: /^Confirmar en nombre de la capital/ })
        .count(),
    ).toBe(0);
    await blocker.waitFor({ state: 'detached' });
    await progress.getByText('ad referendum', { exact: false }).waitFor({ state: 'detached' });

    // The history of the clause and the activity feed tell both steps.
    await badge(observer.page, article3, 'GT').click();
    const history = observer.page.getByRole('dialog', { name: 'What changed in Article 3' });
    await history.getByText(`Confirmed for the capital by ${HEAD_NAME}`, { exact: false }).waitFor();
    await history.getByText(/José Ixcot approved it ad referendum for .*Guatemala, subject to confirmation by the capital/).waitFor();
    await history.getByText(new RegExp(`${HEAD_NAME} confirmed the approval of .*Guatemala for the capital`)).waitFor();
    await history.getByRole('button', { name: 'Close' }).first().click();
    await observer.page.getByRole('tab', { name: 'Activity', exact: true }).click();
    await observer.page.getByText(/approved Article 3 ad referendum for .*Guatemala, subject to confirmation by its capital/).waitFor();
    await observer.page.getByText(/confirmed for the capital the approval of Article 3 by .*Guatemala: it is final/).waitFor();

    expect(gt.errors).toEqual([]);
    expect(observer.errors).toEqual([]);
    expect(head.errors).toEqual([]);
    expect(desk.errors).toEqual([]);
    await Promise.all([gt.context.close(), observer.context.close(), head.context.close(), desk.context.close()]);
  });

  it('shows what changed, in English, when the text changed before the confirmation reached the server (409 approval_text_changed)', async () => {
    const { fingerprint } = await currentState(stage.server, d.documentId, article4);
    const gtApi = await signIn(stage.server, DEMO_EMAILS.gt);
    const approved = await gtApi.request('POST', `/api/documents/${d.documentId}/clauses/${article4}/approvals`, {
      participantId: d.participants.GT,
      fingerprint,
      acknowledgeConcordance: true,
      adReferendum: true,
    });
    expect(approved.status).toBe(201);

    const head = await openAs(HEAD_EMAIL, 'en-US', article4);
    await switchLanguageTo(head.page, 'en');
    // The legend explains the mark, with the person's own code.
    await head.page.getByRole('button', { name: 'Legend', exact: true }).click();
    const legend = head.page.getByRole('dialog', { name: 'What the marks beside a clause mean' });
    await legend.getByText(/^GT approved it ad referendum: it awaits confirmation by its capital/).waitFor();
    expect(await legend.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['GT✓ᵃʳ']));
    expect(await seriousViolations(head.page, 'legend')).toEqual([]);
    await legend.getByRole('button', { name: 'Close' }).first().click();
    await clauseRow(head.page, article4).locator('.approval-badge.is-ad-referendum', { hasText: 'GT' }).waitFor();
    await clauseRow(head.page, article4)
      .getByRole('button', { name: /^Confirm for the capital/ })
      .click();
    const confirm = head.page.getByRole('dialog', { name: /^Confirm Article 4 for the capital of/ });
    await confirm.waitFor();
    expect(await seriousViolations(head.page, 'confirm for the capital dialog (English)')).toEqual([]);

    // The United States delegate's edit reaches the server after the click, before the confirmation does.
    await head.page.route('**/approvals/confirm', async (route) => {
      await editAs(stage.server, d.documentId, us.userId, article4, 'en', replaceWords('increase the collection', 'review the collection'));
      await route.continue();
    });
    const answer = head.page.waitForResponse((response) => response.url().endsWith('/approvals/confirm'));
    await confirm.getByRole('button', { name: 'Confirm for the capital' }).click();
    const refused = await answer;
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.code).toBe('approval_text_changed');

    const changes = head.page.getByRole('dialog', { name: 'What changed in Article 4' });
    await changes.getByText(/The text changed since .*Guatemala approved it ad referendum, so that approval can no longer be confirmed/).waitFor();
    await changes.locator('ins', { hasText: 'review' }).waitFor();
    expect(await changes.locator('del', { hasText: 'increase' }).isVisible()).toBe(true);
    await changes.getByText(`Edited the document since: ${us.displayName}`).waitFor();
    expect(await seriousViolations(head.page, 'what changed, after a refused confirmation')).toEqual([]);
    await screenshot(head.page, 'confirm-for-capital-text-changed', 'en');
    await changes.getByRole('button', { name: 'Close' }).first().click();

    // Still ad referendum, and now changed since: "GT !ᵃʳ"; an approval of an earlier text is not offered for confirmation.
    expect(await badge(head.page, article4, 'GT').textContent()).toBe('GT!ᵃʳ');
    expect(
      await clauseRow(head.page, article4)
        .getByRole('button', { name: /^Confirm for the capital/ })
        .count(),
    ).toBe(0);
    await head.context.close();
  });
});
