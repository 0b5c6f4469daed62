/**
 * For the browser test of the fingerprint vectors (tests/e2e/fingerprint-vectors.test.ts): when a test
 * sets `window.__concordiaTestHooks = true` before the app loads, the canonical-form functions of this
 * very bundle are exposed as `window.__concordiaFingerprint`. Otherwise nothing is exposed.
 */
import { canonicalString, clauseFingerprint, fingerprintEnvelope, languageHash, plainText } from '../../../shared/src/canonical';

declare global {
  interface Window {
    __concordiaTestHooks?: boolean;
    __concordiaFingerprint?: {
      canonicalString: typeof canonicalString;
      languageHash: typeof languageHash;
      plainText: typeof plainText;
      fingerprintEnvelope: typeof fingerprintEnvelope;
      clauseFingerprint: typeof clauseFingerprint;
    };
  }
}

if (typeof window !== 'undefined' && window.__concordiaTestHooks === true) {
  window.__concordiaFingerprint = { canonicalString, languageHash, plainText, fingerprintEnvelope, clauseFingerprint };
}

export {};
