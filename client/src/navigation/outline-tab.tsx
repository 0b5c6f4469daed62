/**
 * The outline of the agreement, a tab of the side panel: every section and article in order with a
 * dot for where it stands (approved by all, changed since an approval, not yet approved by all), the
 * number of its open comments and proposals, and its first words. Choosing one goes to it. It lists
 * the clauses from the Y.Doc and the review stores alone: no clause editor mounts for it, however long
 * the agreement. One tab stop; the arrow keys move through the list (a toolbar-like roving focus).
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApprovalsMeta } from '../approvals';
import { useLiveSelect } from '../realtime/use-live';
import { useClauseItems, type ClauseItem } from '../workspace/clause-items';
import { clauseLabels } from '../workspace/clause-label';
import { useFeatures } from '../workspace/features-context';
import { useWorkspace } from '../workspace/workspace-context';
import { useClauseSnippets } from './clause-snippets';
import { outlineStatus, type OutlineStatus } from './outline-status';
import { preferredLanguage, useClauseJump } from './use-clause-jump';

export interface OutlineTabProps {
  languages: readonly string[];
  selectedClauseId: string | null;
}

interface Entry {
  item: ClauseItem;
  label: string;
  status: OutlineStatus | null;
  comments: number;
  proposals: number;
}

const settled = (entry: Entry) =>
  entry.item.kind === 'heading' || ((entry.status === 'approved' || entry.status === 'noParticipants') && entry.comments + entry.proposals === 0);

export function OutlineTab({ languages, selectedClauseId }: OutlineTabProps) {
  const { t, i18n } = useTranslation();
  const { collab } = useWorkspace();
  const { approvals, comments, proposals } = useFeatures();
  const items = useClauseItems(collab.ydoc);
  const labels = useMemo(() => clauseLabels(t, items), [items, t]);
  const meta = useApprovalsMeta(approvals);
  const rows = useLiveSelect(approvals, (snapshot) => snapshot.byClause);
  const openComments = useLiveSelect(comments, (snapshot) => snapshot.openCounts);
  const openProposals = useLiveSelect(proposals, (snapshot) => snapshot.openByClause);
  const snippets = useClauseSnippets(collab.ydoc, items, preferredLanguage(languages, i18n.language));
  const jump = useClauseJump(languages);
  const [onlyUnsettled, setOnlyUnsettled] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const entries = useMemo(() => {
    const ready = meta.status === 'ready';
    const all: Entry[] = items.map((item) => ({
      item,
      label: labels.get(item.id) ?? '',
      status: item.kind === 'heading' || !ready ? null : outlineStatus(rows.get(item.id), meta.participants),
      comments: openComments.get(item.id) ?? 0,
      proposals: openProposals.get(item.id)?.length ?? 0,
    }));
    if (!onlyUnsettled) return all;
    // A section heading stays when one of its clauses does, to say where they are.
    const shown: Entry[] = [];
    let heading: Entry | null = null;
    for (const entry of all) {
      if (entry.item.kind === 'heading') heading = entry;
      else if (!settled(entry)) {
        if (heading) shown.push(heading);
        heading = null;
        shown.push(entry);
      }
    }
    return shown;
  }, [items, labels, meta, rows, openComments, openProposals, onlyUnsettled]);

  const current = entries.find((entry) => entry.item.id === focusId) ?? entries.find((entry) => entry.item.id === selectedClauseId) ?? entries[0];
  const clauseCount = entries.filter((entry) => entry.item.kind !== 'heading').length;

  // The clause being worked on is in view in the list when the tab opens or the clause changes.
  useEffect(() => {
    if (!selectedClauseId) return;
    listRef.current?.querySelector(`[data-outline-id="${CSS.escape(selectedClauseId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedClauseId]);

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const index = entries.findIndex((entry) => entry.item.id === current?.item.id);
    const next =
      event.key === 'ArrowDown'
        ? entries[Math.min(index + 1, entries.length - 1)]
        : event.key === 'ArrowUp'
          ? entries[Math.max(index - 1, 0)]
          : event.key === 'Home'
            ? entries[0]
            : event.key === 'End'
              ? entries[entries.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    setFocusId(next.item.id);
    listRef.current?.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(next.item.id)}"]`)?.focus();
  }

  if (items.length === 0) return <p className="hint">{t('navigation:outline.empty')}</p>;

  return (
    <nav className="outline" aria-label={t('navigation:outline.label')}>
      <p className="hint">{t('navigation:outline.intro')}</p>
      <label className="outline-filter">
        <input type="checkbox" checked={onlyUnsettled} onChange={(event) => setOnlyUnsettled(event.target.checked)} />
        {t('navigation:outline.filter')}
      </label>
      <p className="outline-count" role="status">
        {clauseCount === 0 && onlyUnsettled ? t('navigation:outline.noneToSettle') : t('navigation:outline.count', { count: clauseCount })}
      </p>
      <ol className="outline-list" ref={listRef} onKeyDown={onKeyDown}>
        {entries.map((entry) => (
          <OutlineItem
            key={entry.item.id}
            entry={entry}
            snippet={snippets.get(entry.item.id) ?? ''}
            tabStop={entry === current}
            selected={entry.item.id === selectedClauseId}
            onGo={(id, label) => {
              setFocusId(id);
              jump(id, label);
            }}
          />
        ))}
      </ol>
    </nav>
  );
}

const OutlineItem = memo(function OutlineItem({
  entry,
  snippet,
  tabStop,
  selected,
  onGo,
}: {
  entry: Entry;
  snippet: string;
  tabStop: boolean;
  selected: boolean;
  onGo(clauseId: string, label: string): void;
}) {
  const { t } = useTranslation();
  const { item, label, status, comments, proposals } = entry;
  const open = comments + proposals;
  const statusText = status ? t(`navigation:outline.status.${status}`) : '';
  const openText = open > 0 ? `${t('navigation:outline.open', { count: open })} (${t('navigation:outline.openDetail', { comments, proposals })})` : '';
  const details = [statusText, openText].filter(Boolean).join(', ');
  // The button is named by what it shows, the number, then where the clause stands (the dot shows it);
  // the first words and the count beside it are for the eye, and the whole row takes the click.
  return (
    <li className={`outline-entry kind-${item.kind}`} title={details ? `${label}: ${details}` : label}>
      <span className={`outline-dot${status ? ` outline-${status}` : ''}`} aria-hidden="true" />
      <button
        type="button"
        className="outline-item"
        data-outline-id={item.id}
        tabIndex={tabStop ? 0 : -1}
        aria-current={selected ? 'location' : undefined}
        aria-label={details ? `${label}: ${details}` : undefined}
        onClick={() => onGo(item.id, label)}
      >
        {label}
      </button>
      {open > 0 && (
        <span className="outline-open" aria-hidden="true">
          {open}
        </span>
      )}
      {snippet && (
        <span className="outline-snippet" aria-hidden="true">
          {snippet}
        </span>
      )}
    </li>
  );
});
