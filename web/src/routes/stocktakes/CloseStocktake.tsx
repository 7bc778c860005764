// Closing an audit: what it will record, and whether to move unexpected items to where they were scanned and
// mark missing ones lost.
import { Button, Checkbox, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { messageOf } from '../../api/problem.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import type { Stocktake } from './audit-api.ts';

export function CloseStocktake({ audit }: { audit: Stocktake }) {
  const modal = useFormModal<null>();
  const queryClient = useQueryClient();
  const [moveUnexpected, setMoveUnexpected] = useState(false);
  const [markMissingLost, setMarkMissingLost] = useState(false);
  const { found, missing, unexpected } = audit.progress;

  const close = () =>
    modal.run(async () => {
      try {
        await must(
          api.POST('/api/v1/stocktakes/{id}/close', {
            params: { path: { id: audit.id } },
            body: { move_unexpected: moveUnexpected, mark_missing_lost: markMissingLost },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['stocktakes'] });
        return null;
      } catch (error) {
        return messageOf(error);
      }
    });

  return (
    <>
      <Button color="red" variant="light" onClick={() => modal.open(null)}>
        Close audit
      </Button>
      <FormModal
        title="Close the audit"
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={(event) => {
          event.preventDefault();
          void close();
        }}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Close audit"
      >
        <Text>
          {found} found, {missing} missing and {unexpected} unexpected become final; no more scans are taken.
        </Text>
        <Checkbox
          label="Move unexpected items to the room they were scanned in"
          checked={moveUnexpected}
          onChange={(e) => setMoveUnexpected(e.currentTarget.checked)}
        />
        <Checkbox
          label="Mark missing items lost"
          checked={markMissingLost}
          onChange={(e) => setMarkMissingLost(e.currentTarget.checked)}
        />
      </FormModal>
    </>
  );
}
