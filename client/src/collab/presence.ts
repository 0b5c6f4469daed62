/**
 * Presence through the shared awareness: who is in the document, and in which clause and language.
 *
 * Local state: { user: { id, name, color, participant, role }, focus: { clauseId, language } | null }
 * (y-prosemirror adds `cursor`). Remote states come from other people's browsers, so they are read as
 * untrusted: a state without a well-formed user is ignored, strings are bounded, colors validated.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { TFunction } from 'i18next';
import { ROLES } from '../../../shared/src/policy';
import { NEUTRAL_COLOR, type PresenceUser } from '../../../shared/src/presence';

export { NEUTRAL_COLOR, type PresenceUser };

export interface PresenceFocus {
  clauseId: string;
  language: string;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  focus: PresenceFocus | null;
  isSelf: boolean;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

function boundedString(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;
}

export function readUser(value: unknown): PresenceUser | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const name = boundedString(raw.name, 120);
  if (!name) return null;
  return {
    id: boundedString(raw.id, 64) ?? '',
    name,
    color: typeof raw.color === 'string' && COLOR.test(raw.color) ? raw.color : NEUTRAL_COLOR,
    participant: boundedString(raw.participant, 8),
    role: boundedString(raw.role, 32),
  };
}

function readFocus(value: unknown): PresenceFocus | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const clauseId = boundedString(raw.clauseId, 64);
  const language = boundedString(raw.language, 3);
  return clauseId && language ? { clauseId, language } : null;
}

/** An external store over the awareness for React (useSyncExternalStore). */
export class PresenceStore {
  private peers: Peer[] = [];
  private signature = '';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.recompute);
    this.recompute();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Peer[] => this.peers;

  setUser(user: PresenceUser): void {
    this.awareness.setLocalStateField('user', user);
  }

  setFocus(focus: PresenceFocus | null): void {
    this.awareness.setLocalStateField('focus', focus);
  }

  /** Clears the focus only if it still points at this cell (blur of one editor, focus of the next). */
  clearFocus(focus: PresenceFocus): void {
    const current = readFocus(this.awareness.getLocalState()?.focus);
    if (current && current.clauseId === focus.clauseId && current.language === focus.language) this.setFocus(null);
  }

  destroy(): void {
    this.awareness.off('change', this.recompute);
    this.listeners.clear();
  }

  private recompute = () => {
    const self = this.awareness.clientID;
    const peers: Peer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      const user = readUser(state.user);
      if (!user) return;
      peers.push({ clientId, user, focus: readFocus(state.focus), isSelf: clientId === self });
    });
    peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
    // Cursor moves change the awareness on every keystroke; presence only re-renders when it changes.
    const signature = JSON.stringify(peers);
    if (signature === this.signature) return;
    this.signature = signature;
    this.peers = peers;
    for (const listener of this.listeners) listener();
  };
}

/** "MF" for "María Fernanda Zelaya": the avatar's letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/**
 * What stands beside a name in presence (avatars, carets), as the server stamped it from the session
 * (server/src/collab/presence-stamp.ts): the Participant's code, else the person's role. Null only for
 * a state without either (the developer's open mode), where the name stands alone.
 */
export function presenceDelegation(user: PresenceUser, t: TFunction): string | null {
  if (user.participant) return user.participant;
  if (user.role && (ROLES as readonly string[]).includes(user.role)) return t(`common:roles.${user.role}`);
  return null;
}

/** "Lucía Méndez (GT)", "Ana Secretariat (Secretariat)": a name never shown without whom it speaks for. */
export function presenceName(user: PresenceUser, t: TFunction): string {
  const delegation = presenceDelegation(user, t);
  return delegation ? t('workspace:presence.nameWithParticipant', { name: user.name, participant: delegation }) : user.name;
}
