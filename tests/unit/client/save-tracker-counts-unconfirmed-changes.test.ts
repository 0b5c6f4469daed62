/**
 * The count of my changes the server has not confirmed (client/src/collab/save-tracker.ts): a change
 * is confirmed only by the answer to a sync step 1 sent after it, one request at a time.
 */
import { SaveTracker } from '../../../client/src/collab/save-tracker';

jest.useFakeTimers();

function tracker(ready = true) {
  const sent: number[] = [];
  const counts: number[] = [];
  const state = { ready };
  const saves = new SaveTracker({ sendStep1: () => sent.push(Date.now()), ready: () => state.ready }, (n) => counts.push(n));
  return { saves, sent, counts, state };
}

describe('the unsaved-changes count', () => {
  it('counts edits typed together as one change and confirms them with the answer to a later step 1', () => {
    const { saves, sent } = tracker();
    saves.opened();
    saves.answered(); // the provider's own step 1: confirms nothing
    saves.changed(0);
    saves.changed(300);
    saves.changed(600);
    expect(saves.unsaved).toBe(1);
    saves.changed(5_000);
    expect(saves.unsaved).toBe(2);
    jest.advanceTimersByTime(500);
    expect(sent).toHaveLength(1);
    saves.answered();
    expect(saves.unsaved).toBe(0);
  });

  it('never confirms a change made after the request that is answered', () => {
    const { saves, sent } = tracker();
    saves.opened();
    saves.answered();
    saves.changed(0);
    jest.advanceTimersByTime(500);
    expect(sent).toHaveLength(1);
    // Typed while the request is in flight, within a second of the last edit: still a change of its own.
    saves.changed(200);
    expect(saves.unsaved).toBe(2);
    saves.answered();
    expect(saves.unsaved).toBe(1);
    jest.advanceTimersByTime(500);
    expect(sent).toHaveLength(2);
    saves.answered();
    expect(saves.unsaved).toBe(0);
  });

  it('does not read the answer to the provider’s own step 1 as a confirmation, and keeps one request in flight', () => {
    const { saves, sent } = tracker();
    saves.opened();
    saves.changed(0);
    jest.advanceTimersByTime(2_000);
    expect(sent).toHaveLength(0); // the provider's request is still unanswered
    saves.answered();
    expect(saves.unsaved).toBe(1);
    jest.advanceTimersByTime(500);
    expect(sent).toHaveLength(1);
    saves.changed(10_000);
    jest.advanceTimersByTime(2_000);
    expect(sent).toHaveLength(1);
  });

  it('forgets requests of a closed connection and asks again on the next one', () => {
    const { saves, sent } = tracker();
    saves.opened();
    saves.answered();
    saves.changed(0);
    jest.advanceTimersByTime(500);
    saves.closed();
    saves.answered(); // a stray answer after the close confirms nothing
    expect(saves.unsaved).toBe(1);
    saves.opened();
    saves.answered();
    jest.advanceTimersByTime(500);
    expect(sent).toHaveLength(2);
    saves.answered();
    expect(saves.unsaved).toBe(0);
  });

  it('waits until the connection is ready, and restores what a previous page left unconfirmed', () => {
    const { saves, sent, state } = tracker(false);
    saves.restore(3);
    expect(saves.unsaved).toBe(3);
    saves.opened();
    saves.answered();
    jest.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(0);
    state.ready = true;
    saves.synced();
    jest.advanceTimersByTime(500);
    expect(sent).toHaveLength(1);
    saves.answered();
    expect(saves.unsaved).toBe(0);
  });

  it('confirms nothing once the server refused the connection’s writes', () => {
    const { saves } = tracker();
    saves.opened();
    saves.answered();
    saves.changed(0);
    saves.stop();
    expect(saves.unsaved).toBe(0);
    saves.changed(5_000);
    jest.advanceTimersByTime(1_000);
    saves.answered();
    expect(saves.unsaved).toBe(1);
  });
});
