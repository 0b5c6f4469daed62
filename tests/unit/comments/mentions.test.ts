import { findMentions, mentionedUserIds, splitMentions } from '../../../shared/src/mentions';

const members = [
  { userId: 'ana', displayName: 'Ana', email: 'ana@demo.test' },
  { userId: 'ana-maria', displayName: 'Ana María Pérez', email: 'am@demo.test' },
  { userId: 'ramon', displayName: 'Ramón Núñez' },
];

describe('mentions', () => {
  it('finds a member by display name, regardless of case', () => {
    expect(mentionedUserIds('Thanks @ramón núñez!', members)).toEqual(['ramon']);
  });

  it('prefers the longest name at an "@"', () => {
    expect(mentionedUserIds('@Ana María Pérez and @Ana', members)).toEqual(['ana-maria', 'ana']);
  });

  it('finds a member by email', () => {
    expect(mentionedUserIds('cc @am@demo.test.', members)).toEqual(['ana-maria']);
  });

  it('does not read an email address in the text as a mention', () => {
    expect(mentionedUserIds('write to maria@Ana', members)).toEqual([]);
  });

  it('does not match a name that runs on into a longer word', () => {
    expect(mentionedUserIds('@Anabel said so', members)).toEqual([]);
  });

  it('lists each member once, in order of first mention', () => {
    expect(mentionedUserIds('@Ramón Núñez @Ana @Ramón Núñez', members)).toEqual(['ramon', 'ana']);
  });

  it('gives the spans, and splits a body into text and mention pieces', () => {
    const body = 'Hi @Ana,\nsee <b>this</b>';
    expect(findMentions(body, members)).toEqual([{ userId: 'ana', start: 3, end: 7 }]);
    expect(splitMentions(body, members)).toEqual([
      { text: 'Hi ', userId: null },
      { text: '@Ana', userId: 'ana' },
      { text: ',\nsee <b>this</b>', userId: null },
    ]);
  });
});
