/**
 * Issue 19: the stock y-websocket provider sends back every presence state it receives, so each
 * browser echoed everybody's carets to the server, which ignored them (they are not the browser's to
 * set) and logged each. The workspace sends its own presence only: every awareness frame a browser
 * sends names its own client id and no other.
 */
import * as decoding from 'lib0/decoding';
import type { Page } from 'playwright-core';
import { browserStage, describeBrowser } from '../utils/browser';
import { openFirstNegotiation, signIn, typeAtEnd, type Person } from './support/workspace-page';
import { MessageType } from '../../shared/src/protocol';

/** The client ids named in each awareness frame the page sends on its collab socket. */
function recordSentPresence(page: Page): number[][] {
  const frames: number[][] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/collab/')) return;
    ws.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') return;
      const decoder = decoding.createDecoder(new Uint8Array(payload));
      if (decoding.readVarUint(decoder) !== MessageType.Awareness) return;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const ids: number[] = [];
      for (let n = decoding.readVarUint(update); n > 0; n -= 1) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update); // clock
        decoding.readVarString(update); // state
      }
      frames.push(ids);
    });
  });
  return frames;
}

describeBrowser('the workspace sends only its own presence', () => {
  const stage = browserStage();
  let us: Person;
  let gt: Person;

  beforeAll(async () => {
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US');
    gt = await signIn(stage.browser, stage.server.url, 'gt.delegate@demo.test', 'es-ES');
  }, 120_000);

  it('never echoes the carets of others', async () => {
    const sent = recordSentPresence(gt.page);
    await Promise.all([openFirstNegotiation(us.page), openFirstNegotiation(gt.page)]);
    await typeAtEnd(gt.page, 'Artículo 2, texto en español', ' ');
    // The others move about: each move reaches Guatemala's browser.
    for (const article of ['Article 1', 'Article 3', 'Article 4', 'Article 5']) await typeAtEnd(us.page, `${article}, English text`, ' x');
    await gt.page.waitForTimeout(1_500);
    expect(sent.length).toBeGreaterThan(0);
    // The page's own client id: the one its first presence frame (sent on connecting) names.
    const mine = sent[0][0];
    const foreign = sent.filter((ids) => ids.some((id) => id !== mine));
    expect(foreign).toEqual([]);
  });
});
