/** Steps a person takes in the browser, shared by the workspace tests. */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface Person {
  context: BrowserContext;
  page: Page;
}

export async function signIn(browser: Browser, baseUrl: string, email: string, locale: string): Promise<Person> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
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
