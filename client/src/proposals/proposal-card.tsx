/**
 * One proposal in the side panel: its sponsor (in their colour), who tabled it and when, its
 * explanation (the sponsor edits it), what it changes in each language, where each Participant stands,
 * my delegation's position, the decisions this person may take (accept, reject, withdraw), and its
 * discussion (proposal-threads.tsx).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/src/api/participants';
import type { ProposalDecision, ProposalJSON } from '../../../shared/src/api/proposals';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime, languageTitle } from '../app/format';
import { PositionChips, PositionForm } from './proposal-positions';
import { sponsorName, sponsorOf } from './proposal-format';
import type { ProposalActions } from './use-proposals';
import { useLiveChanges } from './use-live-changes';
import { ProposalDiscussion } from './proposal-threads';

export interface ProposalViewer {
  participantId: string | null;
  permissions: ReadonlySet<string>;
}

export interface ProposalCardProps {
  proposal: ProposalJSON;
  participants: readonly Participant[];
  /** The document's languages (where an open proposal's changes are read live). */
  languages: readonly string[];
  viewer: ProposalViewer;
  actions: ProposalActions;
  active: boolean;
  announce(message: string): void;
}

const DECIDED = { accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn' } as const;

export function ProposalCard({ proposal, participants, languages, viewer, actions, active, announce }: ProposalCardProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sponsor = sponsorOf(proposal, participants);
  const open = proposal.status === 'open';
  const mine = viewer.participantId !== null && proposal.sponsorParticipantId === viewer.participantId;
  const myParticipant = participants.find((participant) => participant.id === viewer.participantId) ?? null;
  const may = (action: string) => viewer.permissions.has(action);

  const cosponsoring = myParticipant !== null && proposal.cosponsorParticipantIds.includes(myParticipant.id);
  const cosponsors = participants.filter((participant) => proposal.cosponsorParticipantIds.includes(participant.id));

  async function cosponsor(join: boolean) {
    if (!myParticipant) return;
    setBusy(true);
    setError(null);
    try {
      await actions.cosponsor(proposal.id, myParticipant.id, join);
      announce(t(join ? 'proposals:cosponsor.joined' : 'proposals:cosponsor.left'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function decide(decision: ProposalDecision) {
    setBusy(true);
    setError(null);
    try {
      await actions.decide(proposal.id, decision);
      announce(t(`proposals:decide.${DECIDED[decision]}`));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className={`proposal-card status-${proposal.status}${active ? ' is-active' : ''}`}
      data-proposal-card={proposal.id}
      style={sponsor ? { ['--proposal-color' as string]: sponsor.color } : undefined}
      aria-label={t('proposals:card.label', { sponsor: sponsor?.code ?? t('proposals:card.unknownSponsor') })}
    >
      <header className="proposal-card-head">
        <span className="proposal-sponsor-code">{sponsor?.code ?? '?'}</span>
        <span className="proposal-sponsor-name">{sponsorName(t, proposal, participants)}</span>
        <span className={`proposal-status status-${proposal.status}`}>{t(`proposals:status.${proposal.status}`)}</span>
      </header>
      <p className="proposal-meta">{t('proposals:card.tabledBy', { author: proposal.author?.displayName ?? '—', time: formatDateTime(proposal.createdAt) })}</p>
      {proposal.decidedAt && proposal.decidedBy && (
        <p className="proposal-meta">
          {t('proposals:card.decidedBy', {
            status: t(`proposals:status.${proposal.status}`),
            name: proposal.decidedBy.displayName,
            time: formatDateTime(proposal.decidedAt),
          })}
        </p>
      )}
      {cosponsors.length > 0 && (
        <p className="proposal-meta">{t('proposals:cosponsor.list', { codes: cosponsors.map((participant) => participant.code).join(', ') })}</p>
      )}
      <ProposalChanges proposal={proposal} languages={languages} />
      <Explanation proposal={proposal} editable={open && mine && may('proposal.withdraw')} actions={actions} />
      <PositionChips proposal={proposal} participants={participants} />
      {open && myParticipant && may('proposal.position') && (
        <PositionForm proposal={proposal} participant={myParticipant} actions={actions} announce={announce} />
      )}
      {open && myParticipant && !mine && may('proposal.position') && (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} aria-pressed={cosponsoring} onClick={() => void cosponsor(!cosponsoring)}>
            {t(cosponsoring ? 'proposals:cosponsor.leave' : 'proposals:cosponsor.join', { code: myParticipant.code })}
          </button>
        </div>
      )}
      {open && (may('proposal.decide') || (mine && may('proposal.withdraw'))) && (
        <div className="button-row proposal-decisions">
          {may('proposal.decide') && (
            <>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('accept')}>
                {t('proposals:decide.accept')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void decide('reject')}>
                {t('proposals:decide.reject')}
              </button>
            </>
          )}
          {mine && may('proposal.withdraw') && (
            <button type="button" className="button" disabled={busy} onClick={() => void decide('withdraw')}>
              {t('proposals:decide.withdraw')}
            </button>
          )}
        </div>
      )}
      <ProposalDiscussion proposal={proposal} participants={participants} viewer={viewer} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

function ProposalChanges({ proposal, languages }: { proposal: ProposalJSON; languages: readonly string[] }) {
  const { t } = useTranslation();
  const changes = Object.entries(useLiveChanges(proposal, languages)).filter(([, runs]) => runs.length > 0);
  return (
    <section className="proposal-changes" aria-label={t('proposals:card.changes')}>
      {changes.length === 0 && <p>{t('proposals:card.noChanges')}</p>}
      {changes.map(([language, runs]) => (
        <div key={language} className="proposal-language" lang={language}>
          <h4>{languageTitle(language)}</h4>
          <ul>
            {runs.map((run, index) =>
              run.type === 'insertion' ? (
                <li key={index}>
                  <span className="visually-hidden">{t('proposals:card.inserts')} </span>
                  <ins className="proposal-insertion">{run.text}</ins>
                </li>
              ) : (
                <li key={index}>
                  <span className="visually-hidden">{t('proposals:card.deletes')} </span>
                  <del className="proposal-deletion">{run.text}</del>
                </li>
              ),
            )}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Explanation({ proposal, editable, actions }: { proposal: ProposalJSON; editable: boolean; actions: ProposalActions }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (draft === null) return;
    setBusy(true);
    setError(null);
    try {
      await actions.explain(proposal.id, draft.trim());
      setDraft(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  if (draft !== null) {
    return (
      <div className="proposal-explanation">
        <label className="field">
          <span>{t('proposals:card.explanation')}</span>
          <textarea value={draft} rows={3} maxLength={4000} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
            {t('proposals:card.saveExplanation')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setDraft(null)}>
            {t('proposals:card.cancel')}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="proposal-explanation">
      <p>{proposal.explanation || t('proposals:card.noExplanation')}</p>
      {editable && (
        <button type="button" className="button button-small" onClick={() => setDraft(proposal.explanation ?? '')}>
          {t('proposals:card.editExplanation')}
        </button>
      )}
    </div>
  );
}
