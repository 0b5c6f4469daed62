/**
 * A 300-clause agreement behaves: every row is in place but editors mount only near the viewport (and
 * unmount far from it), scrolling causes no layout shift, and typing at the end of the document lands.
 * How fast all this is, is measured by bench/browser/large-document.ts (docs/performance.md), not
 * here: this machine is shared, and a timed assertion would only measure its neighbours.
 */
import { browserStage, describeBrowser, screenshot } from '../utils/browser';
import { LARGE_AGREEMENT_CLAUSES as CLAUSES, LAST_ARTICLE, seedLargeAgreement } from '../utils/large-agreement';
import { signIn, type Person } from './support/workspace-page';

/** Far fewer than the 600 texts of the document: only rows within a screen or so of the viewport. */
const EDITOR_BOUND = 80;
const LIVE_EDITORS = '.clause-text:not(.clause-static)';

describeBrowser('a 300-clause agreement', () => {
  const stage = browserStage();
  let us: Person;
  let documentId: string;

  beforeAll(async () => {
    documentId = await seedLargeAgreement(stage.server.concordia.db.pool, 'us.delegate@demo.test');
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US');
  }, 180_000);

  it('opens with every row in place but only the editors near the viewport', async () => {
    await us.page.goto(`${stage.server.url}/documents/${documentId}`);
    await us.page.locator('.connection-connected').waitFor();
    await us.page
      .locator('.clause-row')
      .nth(CLAUSES - 1)
      .waitFor({ state: 'attached' });
    expect(await us.page.locator('.clause-row').count()).toBe(CLAUSES);
    const editors = await us.page.locator(LIVE_EDITORS).count();
    expect(editors).toBeGreaterThan(0);
    expect(editors).toBeLessThan(EDITOR_BOUND);
  });

  it('scrolls from top to bottom without layout shifts, mounting editors as rows arrive', async () => {
    await us.page.evaluate(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: false });
    });
    const height = await us.page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 700) {
      await us.page.mouse.wheel(0, 700);
      await us.page.waitForTimeout(30);
    }
    await us.page.waitForTimeout(300);
    const shift = await us.page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift).toBeLessThan(0.02);
    await us.page.getByRole('textbox', { name: `${LAST_ARTICLE}, English text`, exact: true }).waitFor();
    expect(await us.page.locator('.clause-row').last().locator(LIVE_EDITORS).count()).toBe(2);
    await screenshot(us.page, 'large-document', 'en');
  });

  it('takes what is typed at the end of the document', async () => {
    const editor = us.page.getByRole('textbox', { name: `${LAST_ARTICLE}, Spanish text`, exact: true });
    await editor.scrollIntoViewIfNeeded();
    await editor.click();
    await us.page.keyboard.press('Control+End');
    const text = ' Los Participantes revisarán este asunto cada año.';
    await us.page.keyboard.type(text);
    await editor.filter({ hasText: text.trim() }).waitFor();
    expect((await editor.textContent())?.slice(-text.length)).toBe(text);
  });

  it('unmounts editors that scrolled far away, keeping the count bounded', async () => {
    // Rows unmount their editors a while after leaving the viewport (UNMOUNT_DELAY_MS in clause-row.tsx):
    // wait for it to happen rather than for a fixed time. The timeout only stops a test that never would.
    await us.page.waitForFunction(
      ([selector, bound]) => {
        const first = document.querySelector('.clause-row');
        return first !== null && first.querySelector(selector) === null && document.querySelectorAll(selector).length < bound;
      },
      [LIVE_EDITORS, EDITOR_BOUND] as const,
      { polling: 250, timeout: 25_000 },
    );
    expect(await us.page.locator(LIVE_EDITORS).count()).toBeLessThan(EDITOR_BOUND);
    // The text of an unmounted row is still there to read (and to find with the browser's search).
    expect(await us.page.locator('.clause-row').first().locator('.clause-static').first().textContent()).toBe('Part 1');
  }, 30_000);
});
