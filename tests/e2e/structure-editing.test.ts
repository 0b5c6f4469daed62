import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { openFirstNegotiation, signIn, waitForText, type Person } from './support/workspace-page';

const numbers = (page: Page) => page.locator('.clause-number').allTextContents();
const row = (page: Page, label: string) => page.locator('.clause-row', { has: page.getByRole('heading', { name: label, exact: true }) });
const activeLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
/** In the page: the first text of the row numbered `label`. */
declare function rowText(label: string): string | undefined;
const firstText = async (page: Page, label: string) => ((await row(page, label).locator('.clause-cell').first().textContent()) ?? '').trim();

describeBrowser('editing the structure of the agreement', () => {
  const stage = browserStage();
  let us: Person;
  let secretariat: Person;
  let errors: string[];

  beforeAll(async () => {
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US');
    secretariat = await signIn(stage.browser, stage.server.url, 'secretariat@demo.test', 'en-US');
    errors = [...collectPageErrors(us.page), ...collectPageErrors(secretariat.page)];
    await Promise.all([openFirstNegotiation(us.page), openFirstNegotiation(secretariat.page)]);
    await secretariat.page.evaluate(() => {
      (window as unknown as { rowText: typeof rowText }).rowText = (label: string) =>
        Array.from(document.querySelectorAll('.clause-row'))
          .find((r) => r.querySelector('.clause-number')?.textContent === label)
          ?.querySelector('.clause-cell')
          ?.textContent?.trim();
    });
  }, 180_000);

  afterEach(() => {
    expect(errors.filter((error) => !error.includes('401'))).toEqual([]);
  });

  it('adds an article after another in both languages at once, puts the caret in it, and renumbers for everyone', async () => {
    const article2Before = await firstText(us.page, 'Article 2');
    await us.page.getByRole('button', { name: 'Add after Article 1', exact: true }).click();
    await us.page.getByRole('menuitem', { name: 'Article', exact: true }).click();
    await us.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Article 2, English text');
    await us.page.keyboard.type('The Participants intend to meet twice a year.');

    await waitForText(secretariat.page, 'Article 2, English text', 'The Participants intend to meet twice a year.');
    expect(await secretariat.page.getByRole('textbox', { name: 'Article 2, Spanish text', exact: true }).textContent()).toBe('');
    expect(await firstText(secretariat.page, 'Article 3')).toBe(article2Before);
    await screenshot(us.page, 'structure-added', 'en');
  });

  it('starts a numbered list with "1. " and a bulleted one with "- ", as a word processor does', async () => {
    const editor = us.page.getByRole('textbox', { name: 'Article 2, English text', exact: true });
    await editor.click();
    await us.page.keyboard.press('End');
    await us.page.keyboard.press('Enter');
    await us.page.keyboard.type('1. exchange information;');
    await us.page.keyboard.press('Enter');
    await us.page.keyboard.type('train officers.');
    const theirs = secretariat.page.getByRole('textbox', { name: 'Article 2, English text', exact: true });
    await theirs.locator('ol > li', { hasText: 'train officers.' }).waitFor();
    await expect(theirs.locator('ol > li').allTextContents()).resolves.toEqual(['exchange information;', 'train officers.']);

    await us.page.keyboard.press('Enter');
    await us.page.keyboard.press('Enter'); // an empty item ends the list
    await us.page.keyboard.type('- a bullet');
    await theirs.locator('ul > li', { hasText: 'a bullet' }).waitFor();
    await expect(theirs.textContent()).resolves.not.toContain('- a bullet');
  });

  it('moves a clause down and up with the buttons, keeping the focus on the button used', async () => {
    const text = await firstText(us.page, 'Article 3');
    await us.page.getByRole('button', { name: 'Move Article 3 down', exact: true }).click();
    await expect(activeLabel(us.page)).resolves.toBe('Move Article 4 down');
    await secretariat.page.waitForFunction(([label, expected]) => rowText(label) === expected, ['Article 4', text] as const);

    await us.page.keyboard.press('ArrowLeft');
    await expect(activeLabel(us.page)).resolves.toBe('Move Article 4 up');
    await us.page.keyboard.press('Enter');
    await expect(activeLabel(us.page)).resolves.toBe('Move Article 3 up');
    await secretariat.page.waitForFunction(([label, expected]) => rowText(label) === expected, ['Article 3', text] as const);
  });

  it('moves a clause by dragging its handle onto another row', async () => {
    const text = await firstText(us.page, 'Article 2');
    const targetText = await firstText(us.page, 'Article 1');
    await row(us.page, 'Article 1').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const handle = await row(us.page, 'Article 2').locator('.drag-handle').boundingBox();
    const target = await row(us.page, 'Article 1').boundingBox();
    if (!handle || !target) throw new Error('the rows are not on screen');
    await us.page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await us.page.mouse.down();
    await us.page.mouse.move(handle.x + 30, handle.y + 10, { steps: 4 });
    await us.page.mouse.move(target.x + 400, target.y + target.height / 4, { steps: 8 });
    await us.page.mouse.up();
    await secretariat.page.waitForFunction(([label, expected]) => rowText(label) === expected, ['Article 1', text] as const);
    expect(await firstText(us.page, 'Article 1')).toBe(text);
    // Dropping on a text moves the clause and changes no text.
    expect(await firstText(us.page, 'Article 2')).toBe(targetText);
  });

  it('deletes a clause once confirmed, with an Undo toast that puts it back in its place', async () => {
    const before = await numbers(secretariat.page);
    const heading = await firstText(us.page, 'Section 1');
    await us.page.getByRole('button', { name: 'Delete Section 1', exact: true }).click();
    await us.page.getByRole('dialog', { name: 'Delete Section 1?' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await us.page.getByText('Section 1 deleted.').waitFor();
    await secretariat.page.waitForFunction((count) => document.querySelectorAll('.clause-row').length === count - 1, before.length);
    expect(await secretariat.page.locator('.clause-row.kind-heading').allTextContents()).not.toContainEqual(expect.stringContaining(heading));
    await screenshot(us.page, 'structure-deleted', 'en');

    await us.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await secretariat.page.waitForFunction((count) => document.querySelectorAll('.clause-row').length === count, before.length);
    expect(await numbers(secretariat.page)).toEqual(before);
    expect(await firstText(secretariat.page, 'Section 1')).toBe(heading);
  });

  it('shows who is in which clause: avatars in the bar and a marker on the row', async () => {
    await secretariat.page.getByRole('textbox', { name: 'Article 4, Spanish text', exact: true }).click();
    await us.page.locator('.presence-bar li[title^="Ana Secretariat (Secretariat): Article 4, Spanish text"]').waitFor();
    await row(us.page, 'Article 4').locator('.row-presence li[title="Ana Secretariat (Secretariat), in the Spanish text"]').waitFor();
    await secretariat.page.locator('.presence-bar li[title^="You, Ana Secretariat (Secretariat)"]').waitFor();
  });
});
