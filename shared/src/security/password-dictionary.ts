/**
 * Is a password one attackers try first? zxcvbn-ts with its common dictionary (49,233 leaked
 * passwords, diceware words, keyboard layouts) estimates how many guesses a password takes when it is
 * built from those pieces; below 10^8 guesses (zxcvbn's score 0–2) it is "password1234",
 * "qwertyuiop123", "P@ssw0rd2024!" or "aaaaaaaaaaaa" — a dictionary entry, or entries, sequences and
 * repeats put together. Passphrases of ordinary words ("correct horse battery staple") pass.
 *
 * This module pulls in the whole dictionary: the server imports it, the client imports it lazily
 * (`import()` when a password field is used), so the first page never carries it.
 */
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH } from './password-rules';

/** zxcvbn's score 3 starts at 10^8 guesses ("safely unguessable: moderate protection from offline attacks"). */
const ENOUGH_GUESSES = 1e8;

let ready = false;
function prepare(): void {
  if (ready) return;
  zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs, maxLength: PASSWORD_MAX_LENGTH });
  ready = true;
}

export function isCommonPassword(password: string): boolean {
  prepare();
  return zxcvbn(password.normalize('NFC')).guesses < ENOUGH_GUESSES;
}
