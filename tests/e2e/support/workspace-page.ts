/** Steps a person takes in the browser, shared by the workspace tests. */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';

export interface Person {
  context: BrowserContext;
  page: Page;
}

/**
 * Signs in through the form in a fresh browser profile and waits for the list of negotiations.
 * `options` add to the profile's settings; `defaultTimeout` (ms) is its waits' limit from the start.
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  locale: string,
  options: BrowserContextOptions = {},
  defaultTimeout?: number,
): Promise<Person> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, ...options });
  if (defaultTimeout !== undefined) context.setDefaultTimeout(defaultTimeout);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill('demo');
  await page.locator('form button[type="submit"]').click();
  await page.locator('.document-list').waitFor();
  return { context, page };
}

/** Opens the first negotiation in the list and waits until its text is synced and shown. */
export async function openFirstNegotiation(page: Page): Promise<void> {
  await page.locator('.document-card-title a').first().click();
  await page.locator('.clause-row').first().waitFor();
  await page.locator('.connection-connected').waitFor();
}

/** Opens a negotiation by its address and waits until its text is synced and shown. */
export async function openNegotiation(page: Page, baseUrl: string, documentId: string): Promise<void> {
  await page.goto(`${baseUrl}/documents/${documentId}`);
  await page.locator('.clause-row').first().waitFor();
  await page.locator('.connection-connected').waitFor();
}

/** One clause of the open workspace: its number, gutter (badges, comment count) and texts. */
export function clauseRow(page: Page, clauseId: string): Locator {
  return page.locator(`.clause-row[data-clause-id="${clauseId}"]`);
}

/**
 * Switches the interface to `lang` with the header's language button if it shows the other one, and
 * waits until the account saved the choice (a page loaded later keeps it).
 */
export async function switchLanguageTo(page: Page, lang: 'en' | 'es'): Promise<void> {
  const button = page.locator('.app-header .language-switch');
  await button.waitFor();
  if ((await page.getAttribute('html', 'lang')) !== lang) await button.click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
  await page.waitForFunction(async (wanted) => (await (await fetch('/api/me')).json()).user?.uiLanguage === wanted, lang);
}

/** Puts the caret at the end of a clause text and types, like a person would. */
export async function typeAtEnd(page: Page, editorName: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: editorName, exact: true });
  await editor.scrollIntoViewIfNeeded();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 5 });
}

export async function editorText(page: Page, editorName: string): Promise<string> {
  return (await page.getByRole('textbox', { name: editorName, exact: true }).textContent()) ?? '';
}

/** Waits until the clause text contains `text` (as synced from someone else). */
export async function waitForText(page: Page, editorName: string, text: string, timeout = 10_000): Promise<void> {
  await page.getByRole('textbox', { name: editorName, exact: true }).filter({ hasText: text }).waitFor({ timeout });
}
