// State for a create/edit modal: which record is being edited (null for a new one), busy and failure.
import { useState } from 'react';

export function useFormModal<T>() {
  const [editing, setEditing] = useState<T | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return {
    opened: editing !== undefined,
    editing: editing ?? null,
    busy,
    failure,
    open(record: T | null) {
      setFailure(null);
      setEditing(record);
    },
    close: () => setEditing(undefined),
    async run(work: () => Promise<string | null>) {
      setBusy(true);
      const problem = await work();
      setBusy(false);
      setFailure(problem);
      if (!problem) setEditing(undefined);
    },
  };
}
