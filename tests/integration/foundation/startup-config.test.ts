import { runServerExpectingExit } from '../../utils/spawn-server';

describe('start-up with bad configuration', () => {
  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'nonsense'],
    ['DEMO', 'perhaps'],
    ['LOG_LEVEL', 'shouting'],
  ])('stops with one line naming %s when it is malformed', async (name, value) => {
    const { code, output } = await runServerExpectingExit({ [name]: value });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
  });
});

it('stops with one line naming DATABASE_URL when it is missing in production', async () => {
  const { code, output } = await runServerExpectingExit({ NODE_ENV: 'production' });
  expect(code).toBe(1);
  expect(output.trim().split('\n')).toHaveLength(1);
  expect(output).toContain('DATABASE_URL');
});
