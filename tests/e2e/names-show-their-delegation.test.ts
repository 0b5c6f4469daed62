/**
 * A display name never stands alone: wherever the workspace shows a person — their avatar in the
 * presence bar, the tag on their caret, the author of a comment, the actor of an activity line — it
 * shows beside it the code of the Participant they speak for, or their role when they have none
 * (issue 20: a delegate renamed "Ana Secretariat" must not pass for her). Two browsers in one
 * negotiation: the secretariat and Guatemala's delegate, who comments and types.
 */
import type { Page } from 'playwright-core';
import { browserStage, describeBrowser } from '../utils/browser';
import { demo, signIn, type Demo } from '../integration/approvals/approvals-helpers';
import { clauseRow, openNegotiation, signIn as signInBrowser, type Person as BrowserPerson } from './support/workspace-page';
import { demoUsers } from '../../server/src/demo/demo-users';
import english from '../../shared/locales/en/common.json';
import spanish from '../../shared/locales/es/common.json';

const WAIT_MS = 60_000;
/** Each demo person's name and what may stand beside it: their Participant's code, else their role in either language. */
const PEOPLE = demoUsers.map((user) => ({
  name: user.displayName,
  delegations: user.participant ? [user.participant] : [english.roles[user.role], spanish.roles[user.role]],
}));

/** Every text that names a demo person without their delegation right after it. */
function namesWithoutDelegation(texts: readonly string[]): string[] {
  const bare: string[] = [];
  for (const text of texts) {
    for (const person of PEOPLE) {
      let at = text.indexOf(person.name);
      while (at !== -1) {
        const after = text.slice(at + person.name.length).replace(/^[\s(]+/, '');
        if (!person.delegations.some((delegation) => after.startsWith(delegation))) bare.push(`${person.name} in “${text.trim()}”`);
        at = text.indexOf(person.name, at + 1);
      }
    }
  }
  return bare;
}

describeBrowser('names show their delegation', () => {
  const stage = browserStage();
  let d: Demo;
  let clauseId: string;
  let secretariat: BrowserPerson;
  let delegate: BrowserPerson;

  beforeAll(async () => {
    d = await demo(stage.server);
    clauseId = d.clauseIds[2];
    const gt = await signIn(stage.server, 'gt.delegate@demo.test');
    const comment = await gt.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId, body: 'Please check this article', visibility: 'all' });
    expect(comment.status).toBe(201);
    secretariat = await signInBrowser(stage.browser, stage.server.url, 'secretariat@demo.test', 'en-US', { viewport: { width: 1400, height: 1000 } }, WAIT_MS);
    delegate = await signInBrowser(stage.browser, stage.server.url, 'gt.delegate@demo.test', 'en-US', { viewport: { width: 1400, height: 1000 } }, WAIT_MS);
    await openNegotiation(secretariat.page, stage.server.url, d.documentId);
    await openNegotiation(delegate.page, stage.server.url, d.documentId);
    // The delegate's caret in the clause, for the secretariat to see.
    const editor = clauseRow(delegate.page, clauseId).locator('.ProseMirror[contenteditable="true"]').first();
    await editor.scrollIntoViewIfNeeded();
    await editor.click();
    await delegate.page.keyboard.press('End');
    await delegate.page.keyboard.type(' ', { delay: 5 });
  }, 240_000);

  afterAll(async () => {
    await secretariat?.context.close();
    await delegate?.context.close();
  });

  const presenceTitles = (page: Page) => page.locator('.presence-bar li').evaluateAll((items) => items.map((item) => item.getAttribute('title') ?? ''));

  // José's account is in Spanish: his page names the secretariat's role in Spanish.
  it('shows the delegation beside every name in the presence bar, for a delegate and for the secretariat', async () => {
    await secretariat.page.locator('.presence-bar li[title*="José Ixcot"]').waitFor();
    await delegate.page.locator('.presence-bar li[title*="Ana Secretariat"]').waitFor();
    const seenBySecretariat = await presenceTitles(secretariat.page);
    const seenByDelegate = await presenceTitles(delegate.page);
    expect(seenBySecretariat.join('\n')).toContain('José Ixcot (GT)');
    expect(seenByDelegate.join('\n')).toContain('Ana Secretariat (Secretaría)');
    expect(namesWithoutDelegation([...seenBySecretariat, ...seenByDelegate])).toEqual([]);
  });

  it('tags the caret of someone typing with their delegation', async () => {
    const label = secretariat.page.locator('.remote-caret-label', { hasText: 'José Ixcot' }).first();
    await label.waitFor({ state: 'attached' });
    expect(await label.textContent()).toBe('José Ixcot (GT)');
    const labels = await secretariat.page.locator('.remote-caret-label').allTextContents();
    expect(namesWithoutDelegation(labels)).toEqual([]);
  });

  it('shows the delegation beside the author of a comment', async () => {
    await clauseRow(secretariat.page, clauseId).locator('.thread-count-badge').click();
    const head = secretariat.page.locator('.comment-sidebar .comment-head', { hasText: 'José Ixcot' }).first();
    await head.waitFor();
    expect(await head.locator('.comment-participant').textContent()).toBe('GT');
    const heads = await secretariat.page.locator('.comment-sidebar .comment-head').allInnerTexts();
    // The author and the delegation are two elements side by side: read them as one line.
    expect(namesWithoutDelegation(heads.map((text) => text.replace(/\s*\n\s*/g, ' ')))).toEqual([]);
  });

  it('shows the delegation beside every actor in the activity feed', async () => {
    await secretariat.page.locator('.workspace-panel').getByRole('tab', { name: 'Activity', exact: true }).click();
    await secretariat.page.locator('.activity-feed li', { hasText: 'José Ixcot' }).first().waitFor();
    const lines = await secretariat.page.locator('.activity-feed li').allTextContents();
    expect(lines.join('\n')).toContain('José Ixcot (GT)');
    expect(namesWithoutDelegation(lines)).toEqual([]);
  });
});
