/**
 * Proposals in the browser, in Spanish and English: the secretariat starts the negotiation phase; the
 * Honduran delegate's typing in an approved clause becomes a proposal (the agreed text and its approvals
 * stay as they are; a direct edit is impossible); the U.S. delegate opposes it and asks about it in the
 * proposal's discussion, the Salvadoran delegate reads the question live and answers, and supports it
 * in the side panel; the secretariat accepts it and the approvals of that clause turn outdated on every
 * page.
 *
 * The clause is the first whose English text says "intend to" (Article 2); the U.S., El Salvador and
 * Guatemala approve it through the API first.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { clauseRow, openNegotiation, signIn as signInBrowser } from './support/workspace-page';
import { currentPlainText, currentState, demo, signIn, type Demo } from '../integration/approvals/approvals-helpers';

describeBrowser('a delegation proposes, the others take positions, the secretariat decides', () => {
  const stage = browserStage();
  let d: Demo;
  let clauseId: string;
  const opened: BrowserContext[] = [];

  async function openAs(email: string, locale: string): Promise<{ page: Page; errors: string[] }> {
    const { context, page } = await signInBrowser(stage.browser, stage.server.url, email, locale, { viewport: { width: 1400, height: 1000 } });
    opened.push(context);
    const errors = collectPageErrors(page);
    await openNegotiation(page, stage.server.url, d.documentId);
    await clause(page).locator('.approval-badge').first().waitFor({ timeout: 20_000 });
    return { page, errors };
  }

  const clause = (page: Page) => clauseRow(page, clauseId);
  const badge = (page: Page, code: string) => clause(page).locator('.approval-badge', { hasText: code });
  const editor = (page: Page, lang: string): Locator => clause(page).locator(`.ProseMirror[contenteditable="true"][lang="${lang}"]`);
  const marker = (page: Page, code: string) => clause(page).locator('.proposal-marker', { hasText: code });

  beforeAll(async () => {
    d = await demo(stage.server);
    for (const id of d.clauseIds)
      if ((await currentPlainText(stage.server, d.documentId, id, 'en')).includes(' intend to ')) {
        clauseId = id;
        break;
      }
    for (const [email, code] of [
      [DEMO_EMAILS.us, 'US'],
      [DEMO_EMAILS.sv, 'SV'],
      [DEMO_EMAILS.gt, 'GT'],
    ] as const) {
      const person = await signIn(stage.server, email);
      const { fingerprint } = await currentState(stage.server, d.documentId, clauseId);
      const answer = await person.request('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`, {
        participantId: d.participants[code],
        fingerprint,
        acknowledgeConcordance: true,
      });
      expect(answer.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    for (const context of opened) await context.close();
  });

  it('asks, in the drafting phase, before an edit reopens an approved clause; "Propose" makes the edit a proposal', async () => {
    let article3 = '';
    for (const id of d.clauseIds) if ((await currentPlainText(stage.server, d.documentId, id, 'en')).includes('expand operations')) article3 = id;
    const gt = await signIn(stage.server, DEMO_EMAILS.gt);
    const { fingerprint } = await currentState(stage.server, d.documentId, article3);
    await gt.request('POST', `/api/documents/${d.documentId}/clauses/${article3}/approvals`, {
      participantId: d.participants.GT,
      fingerprint,
      acknowledgeConcordance: true,
    });

    const us = await openAs(DEMO_EMAILS.us, 'en-US');
    const row = clauseRow(us.page, article3);
    await row.locator('.approval-badge.status-approved', { hasText: 'GT' }).waitFor();
    await row.locator('.clause-text[lang="en"]').click();
    await row.locator('.ProseMirror[contenteditable="true"][lang="en"]').click();
    await us.page.keyboard.press('Control+End');
    await us.page.keyboard.type(' ');
    const question = us.page.getByRole('dialog', { name: 'Change an approved clause?' });
    await question.getByText('Article 3 is approved by GT; your change will reopen it. Propose it instead?').waitFor();
    await question.getByRole('button', { name: 'Propose', exact: true }).click();
    await us.page.keyboard.type('jointly', { delay: 10 });
    await row.locator('ins.proposal-insertion', { hasText: 'jointly' }).waitFor();
    expect(await us.page.getByLabel('Propose changes').isChecked()).toBe(true);
    await row.locator('.proposal-marker', { hasText: 'US' }).waitFor();
    // The agreed text did not change: Guatemala's approval stands.
    expect(await currentPlainText(stage.server, d.documentId, article3, 'en')).not.toContain('jointly');
    await expect(row.locator('.approval-badge', { hasText: 'GT' }).getAttribute('class')).resolves.toContain('status-approved');
    expect(us.errors).toEqual([]);
  });

  it('takes a proposal from Honduras through positions to the secretariat’s acceptance', async () => {
    const secretariat = await openAs(DEMO_EMAILS.secretariat, 'en-US');
    const honduras = await openAs(DEMO_EMAILS.hn, 'es-ES');
    await expect(honduras.page.locator('.phase-chip').textContent()).resolves.toBe('Fase: Redacción');

    // The secretariat starts the negotiation; the Honduran page follows at once.
    await secretariat.page.getByRole('button', { name: 'Start negotiation' }).click();
    const confirm = secretariat.page.getByRole('dialog', { name: 'Start the negotiation phase?' });
    await confirm.getByRole('button', { name: 'Switch' }).click();
    await secretariat.page.locator('.phase-chip', { hasText: 'Phase: Negotiation' }).waitFor();
    await honduras.page.locator('.phase-chip', { hasText: 'Fase: Negociación' }).waitFor();
    await honduras.page.getByText('Sus cambios son propuestas').waitFor();

    // Honduras types: the words are a proposal of Honduras, not a change of the agreed text.
    // A text far from the caret is drawn statically until it is focused.
    await clause(honduras.page).locator('.clause-text[lang="es"]').click();
    const spanish = editor(honduras.page, 'es');
    await spanish.click();
    await honduras.page.keyboard.press('Control+End');
    await honduras.page.keyboard.type(' de buena fe', { delay: 10 });
    await spanish.locator('ins.proposal-insertion', { hasText: 'de buena fe' }).waitFor();
    await marker(honduras.page, 'HN').waitFor();
    await marker(secretariat.page, 'HN').waitFor();
    // The agreed text (what approvals cover) does not hold the proposal.
    expect(await currentPlainText(stage.server, d.documentId, clauseId, 'es')).not.toContain('de buena fe');
    // A direct edit is impossible: Enter is refused with a hint, there is no structure control, the approvals stand.
    await honduras.page.keyboard.press('Enter');
    await honduras.page.getByText('No se pueden proponer párrafos nuevos', { exact: false }).waitFor();
    expect(await clause(honduras.page).locator('.row-actions').count()).toBe(0);
    await expect(badge(secretariat.page, 'US').getAttribute('class')).resolves.toContain('status-approved');
    await screenshot(honduras.page, 'proposal-tabled', 'es');
    // Approving covers the agreed text: the approve dialog lists the clause's open proposals.
    await clause(honduras.page).getByRole('button', { name: 'Aprobar', exact: true }).click();
    const approve = honduras.page.getByRole('dialog', { name: /^Aprobar Artículo 2/ });
    await approve.getByText('Propuestas abiertas en esta cláusula').waitFor();
    await expect(approve.locator('.approve-proposals ins', { hasText: 'de buena fe' }).isVisible()).resolves.toBe(true);
    await honduras.page.keyboard.press('Escape');
    await approve.waitFor({ state: 'detached' });

    // The U.S. delegate opposes it, in English.
    const us = await openAs(DEMO_EMAILS.us, 'en-US');
    await marker(us.page, 'HN').click();
    const usCard = us.page.locator('.proposal-card.status-open').first();
    await usCard.getByText('de buena fe').waitFor();
    await usCard.getByLabel('Note (why; expected with a reservation)').fill('The text is clear without it.');
    await usCard.getByRole('button', { name: 'Opposes', exact: true }).click();
    await usCard.locator('.position-chip.position-opposes', { hasText: 'US' }).waitFor();
    // …and asks about it in the proposal's discussion.
    await usCard.getByRole('button', { name: 'Discuss (0)' }).click();
    const usDiscussion = usCard.getByRole('region', { name: 'Discussion of this proposal' });
    await usDiscussion.getByLabel('Comment on this proposal').fill('What does "de buena fe" add to the commitment?');
    await usDiscussion.getByRole('button', { name: 'Comment', exact: true }).click();
    await usDiscussion.locator('.comment-thread', { hasText: 'What does "de buena fe" add' }).waitFor();
    await usCard.getByRole('button', { name: 'Discuss (1)' }).waitFor();

    // The Salvadoran delegate reads the question on her card, answers it, and supports the proposal, in Spanish.
    const sv = await openAs(DEMO_EMAILS.sv, 'es-ES');
    await marker(sv.page, 'HN').click();
    const svCard = sv.page.locator('.proposal-card.status-open').first();
    await svCard.getByRole('button', { name: 'Comentar (1)' }).click();
    const question = svCard.getByRole('region', { name: 'Debate sobre esta propuesta' }).locator('.comment-thread', { hasText: 'What does "de buena fe" add' });
    await question.getByRole('button', { name: 'Responder', exact: true }).click();
    await question.getByLabel('Responder en este hilo').fill('Recoge el lenguaje de la Convención de Viena.');
    await question.getByRole('button', { name: 'Responder', exact: true }).click();
    // The U.S. page, its discussion still open, shows the answer without a reload.
    await usDiscussion.getByText('Recoge el lenguaje de la Convención de Viena.').waitFor();
    await svCard.locator('.position-chip.position-opposes', { hasText: 'US' }).waitFor();
    await svCard.getByRole('button', { name: 'Apoya', exact: true }).click();
    await svCard.locator('.position-chip.position-supports', { hasText: 'SV' }).waitFor();

    // The secretariat sees both positions live and accepts; the approvals turn outdated everywhere.
    await marker(secretariat.page, 'HN').click();
    const card = secretariat.page.locator('.proposal-card.status-open').first();
    await card.locator('.position-chip.position-supports', { hasText: 'SV' }).waitFor();
    await expect(card.locator('.position-chip.position-opposes', { hasText: 'US' }).isVisible()).resolves.toBe(true);
    await screenshot(secretariat.page, 'proposal-positions', 'en');
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await secretariat.page.locator('.proposal-card.status-accepted').waitFor();
    await clause(secretariat.page).locator('.approval-badge.status-outdated', { hasText: 'US' }).waitFor();
    await clause(us.page).locator('.approval-badge.status-outdated', { hasText: 'SV' }).waitFor();
    await editor(honduras.page, 'es').locator('ins.proposal-insertion').waitFor({ state: 'detached' });
    expect(await editor(honduras.page, 'es').textContent()).toContain('de buena fe');
    expect(await currentPlainText(stage.server, d.documentId, clauseId, 'es')).toContain('de buena fe');

    for (const person of [secretariat, honduras, us, sv]) expect(person.errors).toEqual([]);
  });
});
