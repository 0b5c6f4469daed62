import { canonicalJSON, languageHash } from '../../../shared/src/canonical';
import { redline, redlineSummary, type RedlineInputClause } from '../../../shared/src/versions/redline';

const clause = (id: string, en: string, es: string, article = 1): RedlineInputClause => {
  const texts = { en: canonicalJSON(doc(en)), es: canonicalJSON(doc(es)) };
  return { id, kind: 'clause', number: { article }, texts, languageHashes: { en: languageHash(doc(en)), es: languageHash(doc(es)) } };
};
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] });
const statuses = (list: ReturnType<typeof redline>) => list.map((c) => `${c.clauseId}:${c.status}${c.moved ? '+moved' : ''}`);

describe('the redline between two texts', () => {
  const a = clause('a', 'The Participants intend to cooperate.', 'Los Participantes tienen la intención de cooperar.');
  const b = clause('b', 'Meetings are annual.', 'Las reuniones son anuales.');
  const c = clause('c', 'Mexico may join.', 'México podrá adherirse.');

  it('[R1][R2] matches clauses by id and marks the words changed in the language that changed only', () => {
    const edited = clause('a', 'The Participants will cooperate.', 'Los Participantes tienen la intención de cooperar.');
    const [first] = redline([a], [edited], ['en', 'es']);
    expect(first.status).toBe('changed');
    expect(first.languages.en.parts).toEqual([
      { op: 'equal', text: 'The Participants ' },
      { op: 'delete', text: 'intend to' },
      { op: 'insert', text: 'will' },
      { op: 'equal', text: ' cooperate.' },
    ]);
    expect(first.languages.es).toEqual({ changed: false, parts: [{ op: 'equal', text: 'Los Participantes tienen la intención de cooperar.' }] });
  });

  it('[R2][R4] marks added and removed clauses, a removed one after its former predecessor', () => {
    const list = redline([a, b, c], [a, c, clause('d', 'New.', 'Nuevo.')], ['en', 'es']);
    expect(statuses(list)).toEqual(['a:unchanged', 'b:removed', 'c:unchanged', 'd:added']);
    expect(list[1].languages.es.parts).toEqual([{ op: 'delete', text: 'Las reuniones son anuales.' }]);
    expect(list[3].languages.en.parts).toEqual([{ op: 'insert', text: 'New.' }]);
    expect(statuses(redline([a, b], [b], ['en', 'es']))).toEqual(['a:removed', 'b:unchanged']);
  });

  it('[R3] marks only the clauses outside the longest common order as moved, even when also changed', () => {
    const list = redline([a, b, c], [c, a, clause('b', 'Meetings are biennial.', 'Las reuniones son anuales.')], ['en', 'es']);
    expect(statuses(list)).toEqual(['c:unchanged+moved', 'a:unchanged', 'b:changed']);
    expect(redlineSummary(list)).toEqual({ unchanged: 2, changed: 1, added: 0, removed: 0, moved: 1 });
  });

  it('[R2] counts a change of kind as a change', () => {
    const heading = { ...b, kind: 'heading' as const, number: { section: 1 } };
    expect(redline([b], [heading], ['en', 'es'])[0]).toMatchObject({
      status: 'changed',
      kind: 'heading',
      kindBefore: 'clause',
      numberBefore: { article: 1 },
      numberAfter: { section: 1 },
    });
  });
});
