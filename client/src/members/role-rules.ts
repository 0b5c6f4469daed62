/** Which roles belong to a delegation (the memberships table enforces the same rules). */
import type { Role } from '../../../shared/src/policy';

export function participantRule(role: Role): 'required' | 'optional' | 'none' {
  if (role === 'delegate') return 'required';
  if (role === 'legal_reviewer') return 'optional';
  return 'none';
}

/** WCAG relative luminance contrast of a #rrggbb color against white text. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const CODE_PATTERN = /^[A-Z0-9]{2,8}$/;
