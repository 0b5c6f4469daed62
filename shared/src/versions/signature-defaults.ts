/**
 * The defaults of the signature conventions (issue 16), the same for the server, the exports and the
 * client: initials from a person's name, and the statement of originals a record that states none means.
 */
import type { OriginalsStatement } from './signature-conventions';
import type { SignatureRecord } from './version-record';

/** Initials are 1–6 letters (any script: "JR", "MG", "ÁL"). */
export const INITIALS_PATTERN = /^\p{L}{1,6}$/u;

/** "Ana María López" → "AML": the first letter of each word, upper case, at most six. "" when the name has no letter. */
export function defaultInitials(name: string): string {
  const letters = name
    .split(/[\s\-‐–.,']+/u)
    .map((word) => word.match(/\p{L}/u)?.[0] ?? '')
    .join('');
  return letters.toLocaleUpperCase().slice(0, 6);
}

/** The originals a record states, or what it means when it states none: one per Participant, in every language. */
export function originalsOf(signature: SignatureRecord | null, participants: number, languages: readonly string[]): OriginalsStatement {
  return signature?.originals ?? { count: Math.max(1, participants), languages: [...languages] };
}
