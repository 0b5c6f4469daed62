/**
 * Comment bodies, display names and quoted clause text are shown as text, in a real browser: HTML and
 * script payloads in them appear as the characters typed and run nothing — whether they arrive with
 * the first load or live over socket.io. The page is the workspace of the built client, on the demo
 * negotiation, with the server's Content-Security-Policy bypassed (bypassCSP), so that only our
 * rendering stands between a payload and the page.
 *
 * Also in the browser: Ctrl+Alt+M on a selection opens a thread on it, and its range is highlighted.
 */
import * as Y from 'yjs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { anchorOn, demoFacts, DEMO_EMAILS, signIn, type DemoFacts, type Person } from '../integration/comments/support';
import { clauseFragment } from '../../shared/src/yjs-layout';
import { connectionOrigin } from '../../server/src/collab/origins';
import { clauseRow, openNegotiation, signIn as signInBrowser } from './support/workspace-page';

/** Every payload sets window.__xss (or opens a dialog) if it ever runs. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||[]).concat(\'img\')">',
  '<script>window.__xss=(window.__xss||[]).concat("script")</script>',
  '"><svg onload="window.__xss=(window.__xss||[]).concat(\'svg\')"></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  'javascript:alert(1)',
];
const NAME_PAYLOAD = 'Ixcot<img src=x onerror="window.__xss=(window.__xss||[]).concat(\'name\')"><script>window.__xss=1</script>';
const CLAUSE_PAYLOAD = '<img src=y onerror="window.__xss=(window.__xss||[]).concat(\'quote\')">';

describeBrowser('comments in the browser', () => {
  const stage = browserStage();
  let d: DemoFacts;
  let gt: Person;
  let secretariat: Person;
  let clauseId: string;

  /**
   * Signs in through the form, opens the negotiation and shows the clause's comments (its count in the
   * gutter, clicked); once they are shown, nothing on the page may go wrong.
   */
  async function openAs(email: string, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
    const { context, page } = await signInBrowser(stage.browser, stage.server.url, email, locale, { viewport: { width: 1400, height: 1000 }, bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors = collectPageErrors(page);
    await openNegotiation(page, stage.server.url, d.documentId);
    try {
      await clauseRow(page, clauseId).locator('.thread-count-badge').click();
      await page.locator('.comment-sidebar .comment-body').first().waitFor({ timeout: 20_000 });
    } catch (error) {
      throw new Error(
        `The comments of the clause were not shown: ${(error as Error).message}\nPage errors: ${errors.join('\n')}\nBody: ${(await page.content()).slice(0, 2000)}`,
        { cause: error },
      );
    }
    return { context, page, dialogs, errors };
  }

  /** The clause's English text, as the live editor (a row near the viewport swaps its static text for one). */
  async function englishEditor(page: Page): Promise<Locator> {
    const editor = clauseRow(page, clauseId).locator('.ProseMirror[lang="en"]');
    await editor.scrollIntoViewIfNeeded();
    await editor.and(page.locator('.ProseMirror:not(.clause-static)')).waitFor();
    return editor;
  }

  async function noScriptRan(page: Page, dialogs: string[]): Promise<void> {
    await page.waitForTimeout(300); // let any onerror/onload fire
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
    const injected = await page.evaluate(() =>
      [...document.querySelectorAll('.comment-sidebar, .comment-list')]
        .flatMap((root) => [...root.querySelectorAll('img, script, iframe, object, embed, svg')])
        .map((el) => el.outerHTML),
    );
    expect(injected).toEqual([]);
  }

  beforeAll(async () => {
    d = await demoFacts(stage.server);
    clauseId = d.traffickingClause;
    [gt, secretariat] = await Promise.all([signIn(stage.server, DEMO_EMAILS.gt), signIn(stage.server, DEMO_EMAILS.secretariat)]);
    // A display name anyone may give themselves, and clause text anyone who edits may type.
    expect((await gt.request('PATCH', '/api/me', { displayName: NAME_PAYLOAD })).status).toBe(200);
    const live = await stage.server.concordia.collab.registry.open(d.documentId);
    live.doc.transact(
      () => {
        const paragraph = clauseFragment(live.doc, clauseId, 'en').get(0) as Y.XmlElement;
        const text = paragraph.get(0) as Y.XmlText;
        text.insert(text.length, ` ${CLAUSE_PAYLOAD}`);
      },
      connectionOrigin('xss-test', gt.userId),
    );
    await live.flushed();
    const anchored = await gt.request('POST', `/api/documents/${d.documentId}/comments`, {
      clauseId,
      language: 'en',
      anchor: anchorOn(live.doc, clauseId, 'en', CLAUSE_PAYLOAD),
      body: PAYLOADS[0],
    });
    expect(anchored.status).toBe(201);
    for (const body of PAYLOADS.slice(1)) {
      expect((await gt.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId, body: `${body}\nsecond line @${DEMO_EMAILS.hn}` })).status).toBe(
        201,
      );
    }
  }, 180_000);

  it('shows payloads in bodies, names and quotes as the characters typed, and runs none of them', async () => {
    const { context, page, dialogs, errors } = await openAs(DEMO_EMAILS.hn, 'es-ES');
    const sidebar = page.locator('.comment-sidebar');
    for (const payload of PAYLOADS) {
      await expect(sidebar.locator('.comment-body', { hasText: payload }).first().isVisible()).resolves.toBe(true);
    }
    const bodies = await sidebar.locator('.comment-body').allTextContents();
    expect(bodies).toContain(PAYLOADS[0]);
    expect(bodies).toContain(`${PAYLOADS[1]}\nsecond line @${DEMO_EMAILS.hn}`);
    await expect(sidebar.locator('.comment-author').first().textContent()).resolves.toBe(NAME_PAYLOAD);
    await expect(sidebar.locator('.comment-quote').first().textContent()).resolves.toBe(CLAUSE_PAYLOAD);
    await expect(page.locator('.comment-list .comment-author').first().textContent()).resolves.toBe(NAME_PAYLOAD);
    // Line breaks are kept (pre-wrap), not turned into markup.
    expect(
      await sidebar
        .locator('.comment-body')
        .nth(1)
        .evaluate((el) => getComputedStyle(el).whiteSpace),
    ).toBe('pre-wrap');
    await noScriptRan(page, dialogs);
    await screenshot(page, 'comments-xss', 'es');
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('shows a payload that arrives live over socket.io as text', async () => {
    const { context, page, dialogs } = await openAs(DEMO_EMAILS.us);
    const [first] = (await gt.request('GET', `/api/documents/${d.documentId}/comments?clauseId=${clauseId}&limit=1`)).body.threads;
    // Live means over the open socket: the page is neither reloaded nor asks the API for the comments again.
    await page.evaluate(() => {
      (window as unknown as { __sameLoad?: boolean }).__sameLoad = true;
    });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const fetches: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/api\/.*comments/.test(request.url())) fetches.push(request.url());
    });
    const live = '<img src=z onerror="window.__xss=(window.__xss||[]).concat(\'live\')"> live reply';
    expect((await secretariat.request('POST', `/api/comments/${first.id}/replies`, { body: live })).status).toBe(201);
    await page.locator('.comment-sidebar .comment-body', { hasText: live }).first().waitFor();
    expect(navigations).toEqual([]);
    expect(fetches).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    await noScriptRan(page, dialogs);
    await context.close();
  });

  it('opens a thread on the selected words with Ctrl+Alt+M and highlights its range', async () => {
    const { context, page, dialogs } = await openAs(DEMO_EMAILS.us);
    const words = 'dismantle';
    // Select the word in the editor, as a person would with the mouse.
    const editor = await englishEditor(page);
    await editor.click();
    await editor.evaluate((element, target) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(target);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`${target} is not in the editor`);
    }, words);
    await page.waitForTimeout(100);
    await page.keyboard.press('Control+Alt+m');
    const composer = page.locator('.comment-new textarea');
    await composer.waitFor();
    await expect(page.locator('.comment-new .comment-quote').textContent()).resolves.toBe(words);
    await composer.fill('<b>not bold</b> — keep “dismantle”');
    await page.keyboard.press('Control+Enter');
    await editor.locator('.comment-range', { hasText: words }).waitFor({ timeout: 5000 });
    await expect(editor.locator('.comment-range', { hasText: words }).first().textContent()).resolves.toBe(words);
    const threads = (await gt.request('GET', `/api/documents/${d.documentId}/comments?clauseId=${clauseId}&limit=1`)).body.threads;
    expect(threads[0]).toMatchObject({ anchor: { quote: words, state: 'present' }, comments: [{ body: '<b>not bold</b> — keep “dismantle”' }] });
    await expect(page.locator('.comment-sidebar b').count()).resolves.toBe(0);
    await noScriptRan(page, dialogs);
    await screenshot(page, 'comments-shortcut', 'en');
    await context.close();
  });

  it('offers a Comment button beside words selected with the mouse, to a legal reviewer in a read-only editor too', async () => {
    const { context, page } = await openAs(DEMO_EMAILS.hnLegal, 'es-ES');
    const editor = await englishEditor(page);
    // Drag over the word with the mouse, from its first letter to its last.
    const box = await editor.evaluate((element, target) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(target);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        const rect = range.getBoundingClientRect();
        return { left: rect.left, right: rect.right, middle: rect.top + rect.height / 2 };
      }
      throw new Error(`${target} is not in the editor`);
    }, 'dismantle');
    await page.mouse.move(box.left + 1, box.middle);
    await page.mouse.down();
    await page.mouse.move(box.right - 1, box.middle, { steps: 5 });
    await page.mouse.up();
    const button = page.locator('.selection-comment-button:not([hidden])');
    await button.waitFor();
    await expect(button.textContent()).resolves.toBe('Comentar');
    await expect(button.getAttribute('title')).resolves.toMatch(/^Comentar el texto seleccionado: /);
    await button.click();
    await page.locator('.comment-new textarea').waitFor();
    await expect(page.locator('.comment-new .comment-quote').textContent()).resolves.toMatch(/^dismantl/);
    await screenshot(page, 'comments-selection-button', 'es');
    // Clicking elsewhere clears the selection and the button goes.
    await page.mouse.click(box.left - 40, box.middle - 60);
    await page.locator('.selection-comment-button:not([hidden])').waitFor({ state: 'detached' });
    await context.close();
  });
});
