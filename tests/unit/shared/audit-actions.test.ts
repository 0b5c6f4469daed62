/**
 * Every audit action has a sentence in every language of the interface, so the activity feed never
 * shows a raw identifier ("import.previewed"). The server writes no action outside the list: the type
 * of recordAuditEvent's `action` is the list's union.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTIONS } from '../../../shared/src/audit-actions';

const root = path.resolve(__dirname, '../../..');
const locales = ['en', 'es'];
const sentences = (lang: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(root, 'shared/locales', lang, 'versions.json'), 'utf8')).activity.actions;

it.each(locales)('has a sentence in %s for every audit action, naming no raw identifier', (lang) => {
  const actions = sentences(lang);
  for (const action of AUDIT_ACTIONS) {
    expect([action, typeof actions[action]]).toEqual([action, 'string']);
    expect(actions[action]).not.toContain('{{action}}');
  }
  expect(actions.other).not.toContain('{{action}}');
});

it('lists each action once', () => {
  expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
});
