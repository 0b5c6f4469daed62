/**
 * What the redline shows of proposals: the parts of a text "with proposals" (redline [R5]) in their
 * sponsor's colour — an insertion underlined, a deletion struck through, the sponsor's code after it —
 * apart from the agreed text's own changes; and, under a language, the proposals whose decision changed
 * it ("Proposed by HN with GT, accepted by …").
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime, localized } from '../app/format';
import { proposalColorRules } from '../proposals/proposal-styles';
import type { Comparison } from '../../../shared/src/api/versions';

type ComparedLanguage = Comparison['clauses'][number]['languages'][string];
type Part = ComparedLanguage['parts'][number];
type Decided = NonNullable<ComparedLanguage['proposals']>[number];

/** One generated style sheet: every proposal the comparison names, in its sponsor's colour. */
export function RedlineProposalStyles({ comparison }: { comparison: Comparison }) {
  const colors = new Map((comparison.participants ?? []).map((p) => [p.id, p.color]));
  const entries = new Map<string, string>();
  for (const clause of comparison.clauses) {
    for (const language of Object.values(clause.languages)) {
      for (const part of language.parts) {
        for (const proposal of part.proposals ?? []) {
          const color = proposal.sponsorId ? colors.get(proposal.sponsorId) : undefined;
          if (color) entries.set(proposal.id, color);
        }
      }
      for (const decided of language.proposals ?? []) {
        const color = decided.sponsor ? colors.get(decided.sponsor.id) : undefined;
        if (color) entries.set(decided.id, color);
      }
    }
  }
  return entries.size > 0 ? <style>{proposalColorRules(entries)}</style> : null;
}

/** The parts of one language with proposals: agreed text as the plain redline shows it, proposal parts in their sponsor's colour. */
export function ProposalDiffView({ parts, lang }: { parts: readonly Part[]; lang: string }) {
  const { t } = useTranslation('versions');
  return (
    <p className="approval-diff redline-with-proposals" lang={lang}>
      {parts.map((part, index) => {
        const change = part.op === 'equal' ? null : t(part.op === 'insert' ? 'compare.inserted' : 'compare.deleted');
        const [first] = part.proposals ?? [];
        if (!first) {
          if (!change) return <span key={index}>{part.text}</span>;
          const Tag = part.op === 'insert' ? 'ins' : 'del';
          return (
            <Tag key={index}>
              <span className="visually-hidden">{change} </span>
              {part.text}
            </Tag>
          );
        }
        const codes = (part.proposals ?? []).map((p) => p.sponsorCode ?? t('compare.unknownSponsor')).join(', ');
        const said = t(first.type === 'insertion' ? 'compare.proposalInsertion' : 'compare.proposalDeletion', { code: codes });
        const Tag = first.type === 'insertion' ? 'ins' : 'del';
        return (
          <span key={index} className={`redline-proposal-part${change ? ` redline-proposal-${part.op}` : ''}`}>
            <Tag className={`proposal-${first.type}`} data-proposal={first.id} title={said}>
              <span className="visually-hidden">
                {change ? `${change}, ` : ''}
                {said}:{' '}
              </span>
              {part.text}
            </Tag>
            <sup className="redline-proposal-code" data-proposal={first.id} aria-hidden="true">
              {codes}
            </sup>
          </span>
        );
      })}
    </p>
  );
}

/** The proposals whose decision changed a language, each as one sentence. */
export function DecidedProposals({ proposals }: { proposals: readonly Decided[] }) {
  const { t } = useTranslation('versions');
  if (proposals.length === 0) return null;
  const sponsorOf = (proposal: Decided) => {
    const sponsor = proposal.sponsor?.code ?? t('compare.unknownSponsor');
    if (proposal.cosponsors.length === 0) return sponsor;
    return t('compare.withCosponsors', { sponsor, cosponsors: proposal.cosponsors.map((c) => c.code).join(', ') });
  };
  return (
    <ul className="redline-decided">
      {proposals.map((proposal) => (
        <li key={proposal.id} data-proposal={proposal.id} title={proposal.sponsor ? localized(proposal.sponsor.name) : undefined}>
          {t(`compare.decided.${proposal.status}`, {
            sponsor: sponsorOf(proposal),
            decider: proposal.decidedBy?.displayName ?? t('compare.server'),
            date: formatDateTime(proposal.decidedAt),
          })}
        </li>
      ))}
    </ul>
  );
}
