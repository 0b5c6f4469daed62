/** "Restore": runs the restore of a deleted clause, disabled while it runs, its failure said beside it (activity feed, redline). */
import { useState } from 'react';
import { useErrorMessage } from '../app/error-message';

export function RestoreButton({ label, run }: { label: string; run(): Promise<void> }) {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const click = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-small" disabled={busy} onClick={() => void click()}>
        {label}
      </button>
      {error && <span role="alert"> {error}</span>}
    </>
  );
}
