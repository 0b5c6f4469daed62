/**
 * The canonical form and the clause fingerprint give the same values in the client bundle, run by
 * Chromium, as on the server: every vector of tests/unit/shared/fingerprint-vectors.json (which the
 * unit tests check in Node) is computed in the page by the very functions the built app bundles.
 */
import { browserStage, collectPageErrors, describeBrowser } from '../utils/browser';
import { canonicalString, clauseFingerprint, fingerprintEnvelope, languageHash, plainText } from '../../shared/src/canonical';
import { FINGERPRINT_VECTORS } from '../utils/fingerprint-vectors';

const vectors = FINGERPRINT_VECTORS;

describeBrowser('the fingerprint vectors in the client bundle', () => {
  const stage = browserStage({ DEMO: '0' });

  it('gives every vector’s canonical strings, plain texts, hashes, envelope and fingerprint, as the server does', async () => {
    const context = await stage.browser.newContext();
    await context.addInitScript(() => {
      (window as Window & { __concordiaTestHooks?: boolean }).__concordiaTestHooks = true;
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${stage.server.url}/`);
    await page.waitForFunction(() => (window as Window & { __concordiaFingerprint?: unknown }).__concordiaFingerprint !== undefined);

    const inBrowser = await page.evaluate(
      (inputs) => {
        const f = (
          window as unknown as {
            __concordiaFingerprint: {
              canonicalString(json: unknown): string;
              plainText(json: unknown): string;
              languageHash(json: unknown): string;
              fingerprintEnvelope(kind: string, hashes: Record<string, string>): string;
              clauseFingerprint(clause: unknown): string;
            };
          }
        ).__concordiaFingerprint;
        return inputs.map((input) => {
          const languages = Object.keys(input.texts);
          const map = (fn: (json: unknown) => string) => Object.fromEntries(languages.map((lang) => [lang, fn(input.texts[lang])]));
          const languageHashes = map(f.languageHash);
          return {
            canonical: map(f.canonicalString),
            plainText: map(f.plainText),
            languageHashes,
            envelope: f.fingerprintEnvelope(input.kind, languageHashes),
            fingerprint: f.clauseFingerprint(input),
          };
        });
      },
      vectors.map((v) => v.input),
    );

    expect(vectors.length).toBeGreaterThanOrEqual(6);
    vectors.forEach((vector, i) => {
      const expected = {
        canonical: vector.canonical,
        plainText: vector.plainText,
        languageHashes: vector.languageHashes,
        envelope: vector.envelope,
        fingerprint: vector.fingerprint,
      };
      expect({ name: vector.name, ...inBrowser[i] }).toEqual({ name: vector.name, ...expected });
      // The server's own computation of the same input, for the record.
      const langs = Object.keys(vector.input.texts);
      expect(langs.map((l) => canonicalString(vector.input.texts[l]))).toEqual(langs.map((l) => inBrowser[i].canonical[l]));
      expect(langs.map((l) => plainText(vector.input.texts[l]))).toEqual(langs.map((l) => inBrowser[i].plainText[l]));
      expect(langs.map((l) => languageHash(vector.input.texts[l]))).toEqual(langs.map((l) => inBrowser[i].languageHashes[l]));
      expect(fingerprintEnvelope(vector.input.kind, inBrowser[i].languageHashes)).toBe(inBrowser[i].envelope);
      expect(clauseFingerprint(vector.input)).toBe(inBrowser[i].fingerprint);
    });
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });

  it('exposes nothing to a page that did not ask for the test hooks', async () => {
    const context = await stage.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stage.server.url}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => 'concordiaFingerprint' in window || '__concordiaFingerprint' in window)).toBe(false);
    await context.close();
  });
});
