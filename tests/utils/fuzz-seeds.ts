/**
 * Which seeds a fuzz test runs: FUZZ_SEED=n replays one; FUZZ_SEEDS=n runs seeds 1..n; otherwise
 * 200 in CI and `localDefault` on a developer's machine.
 */
export function fuzzSeeds(localDefault = 25): number[] {
  const one = process.env.FUZZ_SEED;
  if (one) return [Number(one)];
  const count = process.env.FUZZ_SEEDS ? Number(process.env.FUZZ_SEEDS) : process.env.CI ? 200 : localDefault;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`FUZZ_SEEDS must be a positive integer, got ${process.env.FUZZ_SEEDS}`);
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** Runs one seed; a failure is rethrown with the seed, how to replay it, and what the run did last. */
export async function withSeed(seed: number, testPath: string, run: (trail: string[]) => Promise<void>): Promise<void> {
  const trail: string[] = [];
  try {
    await run(trail);
  } catch (err) {
    const error = err as Error;
    error.message =
      `Fuzz seed ${seed} failed. Replay it with: FUZZ_SEED=${seed} npx jest ${testPath}\n` +
      `${error.message}\nLast steps of the run:\n  ${trail.slice(-25).join('\n  ')}`;
    throw error;
  }
}
