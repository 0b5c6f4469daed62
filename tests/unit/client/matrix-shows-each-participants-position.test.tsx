/**
 * The approval matrix's proposals column (client/src/proposals/matrix-proposal-cell.tsx): each open
 * proposal on a clause with its sponsor and a chip per Participant that stated a position, and a
 * sentence for screen readers naming each position, in English and Spanish. Rendered with
 * react-dom/server over a real ProposalsStore.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { resources, NAMESPACES } from '../../../shared/locales';
import { ProposalsStore } from '../../../client/src/proposals/proposals-store';
import { MatrixProposalCell } from '../../../client/src/proposals/matrix-proposal-cell';
import { FeaturesContext, type WorkspaceFeatures } from '../../../client/src/workspace/features-context';
import type { ProposalJSON } from '../../../shared/src/api/proposals';

jest.mock('../../../client/src/app/i18n', () => ({ uiLanguage: () => 'en' }));

const DOC = '00000000-0000-4000-8000-0000000000d1';
const ids = {
  US: '00000000-0000-4000-8000-0000000000a1',
  SV: '00000000-0000-4000-8000-0000000000a2',
  GT: '00000000-0000-4000-8000-0000000000a3',
  HN: '00000000-0000-4000-8000-0000000000a4',
};
const participants = Object.entries(ids).map(([code, id]) => ({ id, code }));
const by = { id: '00000000-0000-4000-8000-000000000002', displayName: 'Ana' };

function proposal(id: string, sponsor: string, positions: Array<[string, ProposalJSON['positions'][number]['position']]>): ProposalJSON {
  return {
    id,
    documentId: DOC,
    clauseId: 'c1',
    sponsorParticipantId: sponsor,
    cosponsorParticipantIds: [],
    author: by,
    explanation: null,
    status: 'open',
    createdAt: '2026-12-04T10:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    changes: { es: [{ type: 'insertion', text: ' de buena fe' }] },
    positions: positions.map(([participantId, position]) => ({ participantId, position, note: null, by, updatedAt: '2026-12-04T10:05:00.000Z' })),
  };
}

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.use(initReactI18next).init({ lng: 'en', fallbackLng: 'en', resources, ns: NAMESPACES, defaultNS: 'common', interpolation: { escapeValue: false } }),
);

async function rendered(list: ProposalJSON[], lang: 'en' | 'es', clauseId = 'c1'): Promise<string> {
  const store = new ProposalsStore(DOC, async () => list);
  const stop = store.start({ on: () => undefined, off: () => undefined } as never);
  await new Promise((resolve) => setImmediate(resolve));
  await i18n.changeLanguage(lang);
  const features = { proposals: store, showProposals: () => undefined } as unknown as WorkspaceFeatures;
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <FeaturesContext.Provider value={features}>
        <table>
          <tbody>
            <tr>
              <MatrixProposalCell clauseId={clauseId} label="Article 7" participants={participants} />
            </tr>
          </tbody>
        </table>
      </FeaturesContext.Provider>
    </I18nextProvider>,
  );
  stop();
  return html;
}

describe('the proposals column of the approval matrix', () => {
  const list = [
    proposal('p_00000000000000a1', ids.HN, [
      [ids.US, 'opposes'],
      [ids.SV, 'supports'],
    ]),
    proposal('p_00000000000000a2', ids.GT, [[ids.HN, 'reserves']]),
  ];

  it('shows each proposal by its sponsor with a chip per stated position', async () => {
    const html = await rendered(list, 'en');
    const chips = [...html.matchAll(/class="matrix-position position-(\w+)" data-participant="(\w+)">(\w+)(.)</g)].map((m) => `${m[2]}:${m[1]}:${m[4]}`);
    expect(chips).toEqual(['US:opposes:✗', 'SV:supports:✓', 'HN:reserves:?']);
    expect([...html.matchAll(/matrix-proposal-sponsor">(\w+)</g)].map((m) => m[1])).toEqual(['HN', 'GT']);
  });

  it('names every position in the sentence a screen reader hears, in English and in Spanish', async () => {
    expect(await rendered(list, 'en')).toContain(
      'aria-label="Article 7: 2 open proposals — Proposal of HN: US: Opposes, SV: Supports; Proposal of GT: HN: Reserves"',
    );
    expect(await rendered(list, 'es')).toContain(
      `aria-label="Article 7: 2 propuestas abiertas — Propuesta de HN: US: ${resources.es.proposals.position.opposes}, SV: ${resources.es.proposals.position.supports}; Propuesta de GT: HN: ${resources.es.proposals.position.reserves}"`,
    );
  });

  it('says when nobody has stated a position yet, and shows an empty cell for a clause without proposals', async () => {
    expect(await rendered([proposal('p_00000000000000a3', ids.SV, [])], 'en')).toContain('Proposal of SV: no positions yet');
    expect(await rendered(list, 'en', 'c2')).toBe('<table><tbody><tr><td></td></tr></tbody></table>');
  });
});
