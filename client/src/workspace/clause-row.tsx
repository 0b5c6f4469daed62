/**
 * One clause: its number and kind, who is in it, its structure controls, and one cell per document
 * language, side by side in one grid row so the texts stay aligned whatever their lengths.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseFragment, type ClauseKind } from '../../../shared/src/yjs-layout';
import type { Peer } from '../collab/presence';
import { initials, presenceName } from '../collab/presence';
import { languageName } from '../app/format';
import { Toolbar } from '../components/toolbar';
import { MenuButton } from '../components/menu-button';
import { ArrowDownIcon, ArrowUpIcon, GripIcon, PlusIcon, TrashIcon } from '../components/icons';
import { CLAUSE_DRAG_TYPE } from '../editor/clause-editor';
import { ClauseCell } from './clause-cell';
import { ClauseGutter, ClauseMarkers } from './clause-gutter';
import { kindName } from './clause-label';
import { useWorkspace } from './workspace-context';
import { ClauseMenu } from '../navigation/clause-menu';

/** How long a row that scrolled far away keeps its editors (so scrolling back and forth is instant). */
const UNMOUNT_DELAY_MS = 4_000;

export interface RowActions {
  add(afterId: string, kind: ClauseKind): void;
  move(id: string, direction: -1 | 1): void;
  remove(id: string): void;
  dragStart(id: string): void;
  dragOver(targetId: string, place: 'before' | 'after'): void;
  drop(targetId: string, place: 'before' | 'after'): void;
  dragEnd(): void;
}

export interface ClauseRowProps {
  id: string;
  kind: ClauseKind;
  label: string;
  /** Its number in the latest version when it changed since ("Article 4"), shown as "formerly Article 4" (issue 15). */
  formerly?: string;
  isFirst: boolean;
  isLast: boolean;
  languages: readonly string[];
  canEditText: boolean;
  canEditStructure: boolean;
  /** Other people whose focus is in this clause. */
  peers: Peer[];
  dropPlace: 'before' | 'after' | null;
  dragging: boolean;
  actions: RowActions;
}

export const ClauseRow = memo(function ClauseRow(props: ClauseRowProps) {
  const { id, kind, label, formerly, isFirst, isLast, languages, canEditText, canEditStructure, peers, dropPlace, dragging, actions } = props;
  const { t } = useTranslation();
  const { collab, viewport, focusRequests } = useWorkspace();
  const rowRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const [mounted, setMounted] = useState(() => focusRequests.isPending(id));
  // A clause keeps its fragment per language for its whole life (yjs-layout), so look them up once.
  const fragments = useMemo(
    () =>
      new Map(
        languages.map((language) => {
          try {
            return [language, clauseFragment(collab.ydoc, id, language)] as const;
          } catch {
            return [language, null] as const;
          }
        }),
      ),
    [collab, id, languages],
  );

  useEffect(() => {
    const row = rowRef.current;
    if (!row) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = viewport.watch(row, (near) => {
      clearTimeout(timer);
      if (near) setMounted(true);
      else
        timer = setTimeout(() => {
          if (!row.contains(document.activeElement)) setMounted(false);
        }, UNMOUNT_DELAY_MS);
    });
    const unsubscribe = focusRequests.subscribe(() => {
      if (focusRequests.isPending(id)) setMounted(true);
    });
    return () => {
      clearTimeout(timer);
      stop();
      unsubscribe();
    };
  }, [id, viewport, focusRequests]);

  const addKinds: ClauseKind[] =
    kind === 'heading'
      ? ['clause', 'heading', 'preamble', 'final']
      : [kind, ...(['clause', 'heading', 'preamble', 'final'] as const).filter((k) => k !== kind)];

  function placeFor(event: DragEvent<HTMLDivElement>): 'before' | 'after' {
    const rect = event.currentTarget.getBoundingClientRect();
    return event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
  }

  const structureDrop = canEditStructure
    ? {
        onDragOver(event: DragEvent<HTMLDivElement>) {
          if (!event.dataTransfer.types.includes(CLAUSE_DRAG_TYPE)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          actions.dragOver(id, placeFor(event));
        },
        onDrop(event: DragEvent<HTMLDivElement>) {
          if (!event.dataTransfer.types.includes(CLAUSE_DRAG_TYPE)) return;
          event.preventDefault();
          actions.drop(id, placeFor(event));
        },
      }
    : {};

  const peerNames = peers.map((peer) =>
    t('workspace:presence.inLanguage', { name: presenceName(peer.user, t), language: languageName(peer.focus?.language ?? '') }),
  );

  return (
    <div
      ref={rowRef}
      className={`clause-row kind-${kind}${dropPlace ? ` drop-${dropPlace}` : ''}${dragging ? ' is-dragging' : ''}`}
      role="group"
      aria-labelledby={headingId}
      data-clause-id={id}
      onFocusCapture={(event) => {
        const language = (event.target as HTMLElement).closest<HTMLElement>('[data-static-language]')?.dataset.staticLanguage;
        if (language) {
          focusRequests.request(id, language);
          setMounted(true);
        }
      }}
      {...structureDrop}
    >
      <div className="clause-head">
        <div className="clause-title" title={kind === 'preamble' ? undefined : kindName(t, kind)}>
          {canEditStructure && (
            <span
              className="drag-handle"
              draggable
              title={t('workspace:row.dragHint')}
              aria-hidden="true"
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData(CLAUSE_DRAG_TYPE, id);
                if (rowRef.current) event.dataTransfer.setDragImage(rowRef.current, 24, 24);
                actions.dragStart(id);
              }}
              onDragEnd={() => actions.dragEnd()}
            >
              <GripIcon />
            </span>
          )}
          {/* Focusable by script only: where "Go to" puts the focus when the text cannot take it. */}
          <h2 className="clause-number" id={headingId} tabIndex={-1}>
            {label}
          </h2>
          {formerly && <span className="clause-formerly">{t('numbering:formerly', { label: formerly })}</span>}
          {peers.length > 0 && <RowPresence peers={peers} names={peerNames} />}
          {kind !== 'heading' && <ClauseMarkers clauseId={id} label={label} />}
          <ClauseMenu clauseId={id} label={label} />
        </div>
        {kind !== 'heading' && <ClauseGutter clauseId={id} label={label} />}
        {canEditStructure && (
          <Toolbar label={t('workspace:row.actions', { label })} className="row-actions">
            <button
              type="button"
              className="icon-button icon-button-compact"
              data-control="up"
              disabled={isFirst}
              aria-label={t('workspace:row.moveUp', { label })}
              title={t('workspace:row.moveUp', { label })}
              onClick={() => actions.move(id, -1)}
            >
              <ArrowUpIcon />
            </button>
            <button
              type="button"
              className="icon-button icon-button-compact"
              data-control="down"
              disabled={isLast}
              aria-label={t('workspace:row.moveDown', { label })}
              title={t('workspace:row.moveDown', { label })}
              onClick={() => actions.move(id, 1)}
            >
              <ArrowDownIcon />
            </button>
            <MenuButton
              className="icon-button icon-button-compact"
              label={t('workspace:row.addAfter', { label })}
              icon={<PlusIcon />}
              items={addKinds.map((k) => ({ key: k, label: t(`workspace:row.addKind.${k}`), onSelect: () => actions.add(id, k) }))}
            />
            <button
              type="button"
              className="icon-button icon-button-compact icon-button-danger"
              data-control="delete"
              aria-label={t('workspace:row.delete', { label })}
              title={t('workspace:row.delete', { label })}
              onClick={() => actions.remove(id)}
            >
              <TrashIcon />
            </button>
          </Toolbar>
        )}
      </div>
      {languages.map((language) => {
        const peerHere = peers.find((peer) => peer.focus?.language === language);
        return (
          <ClauseCell
            key={language}
            clauseId={id}
            language={language}
            fragment={fragments.get(language) ?? null}
            mounted={mounted}
            editable={canEditText}
            label={t('workspace:cell.label', { label, language: languageName(language) })}
            peerColor={peerHere?.user.color ?? null}
          />
        );
      })}
    </div>
  );
});

/** Who else is in this clause, as small avatars. */
function RowPresence({ peers, names }: { peers: Peer[]; names: string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="row-presence" aria-label={t('workspace:presence.inThisClause')}>
      {peers.map((peer, i) => (
        <li key={peer.clientId} className="avatar avatar-small" style={{ backgroundColor: peer.user.color }} title={names[i]}>
          <span aria-hidden="true">{initials(peer.user.name)}</span>
          <span className="visually-hidden">{names[i]}</span>
        </li>
      ))}
    </ul>
  );
}
