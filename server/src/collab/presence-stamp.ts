/**
 * Presence is said by the browser but vouched for by the server: every awareness state a connection
 * sends gets its `user` field written from the socket's session (CollabPrincipal), whatever it held, so
 * an observer can never appear as "Ana Secretariat, secretariat" or in another delegation's colour. The
 * other fields (`focus`, y-prosemirror's `cursor`) stay the browser's: they only say where it is.
 */
import type { CollabPrincipal } from './principal';
import { NEUTRAL_COLOR, type PresenceUser } from '../../../shared/src/presence';

/** Who the connection is, as presence shows it. */
export function presenceUserOf(principal: CollabPrincipal): PresenceUser {
  return {
    id: principal.userId ?? '',
    name: principal.displayName,
    color: principal.participant?.color ?? NEUTRAL_COLOR,
    participant: principal.participant?.code ?? null,
    role: principal.role,
  };
}

/**
 * The state to apply instead of `json`: the same fields with `user` replaced; null (a removal) as it
 * is; undefined when it is not a state at all (a number, a string, a list), which is dropped.
 */
export function stampPresence(json: string, user: PresenceUser): string | undefined {
  const state: unknown = JSON.parse(json);
  if (state === null) return json;
  if (typeof state !== 'object' || Array.isArray(state)) return undefined;
  return JSON.stringify({ ...(state as Record<string, unknown>), user });
}
