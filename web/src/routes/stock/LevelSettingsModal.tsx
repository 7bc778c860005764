// A level's reorder settings: the minimum (safety stock), the reorder point and the lot ordered at a time.
// Sent with If-Match on the version shown, so a change made meanwhile is reported instead of overwritten.
// Mounted while open, so each opening starts from the level as it is now.
import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { settingsBody, type SettingsValues } from './movement-body.ts';
import type { StockLevel } from './stock-types.ts';

interface Props {
  title: string;
  level: StockLevel;
  onClose: () => void;
}

const valuesOf = (level: StockLevel): SettingsValues => ({
  min_level: level.min_level ?? '',
  reorder_point: level.reorder_point ?? '',
  reorder_quantity: level.reorder_quantity ?? '',
});

export function LevelSettingsModal({ title, level, onClose }: Props) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: valuesOf(level) });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const problem = await submitToApi(form, async () => {
      try {
        await must(
          api.PUT('/api/v1/items/{id}/stock/levels/{location_id}', {
            params: { path: { id: level.item_id, location_id: level.location_id } },
            body: settingsBody(values),
            headers: { 'if-match': `"${level.version}"` },
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          await queryClient.invalidateQueries({ queryKey: ['stock'] });
          throw new Error(
            'Someone changed this level meanwhile; it has been reloaded. Apply your change again.',
          );
        }
        throw error;
      }
      await queryClient.invalidateQueries({ queryKey: ['stock'] });
    });
    setBusy(false);
    setFailure(problem);
    if (!problem) onClose();
  });

  return (
    <FormModal title={title} opened onClose={onClose} onSubmit={submit} failure={failure} busy={busy}>
      <TextInput
        label={`Minimum level (${level.unit})`}
        description="Safety stock: the least that should be on hand"
        inputMode="decimal"
        {...form.getInputProps('min_level')}
      />
      <TextInput
        label={`Reorder point (${level.unit})`}
        description="At or below this, the level is suggested for reordering"
        inputMode="decimal"
        {...form.getInputProps('reorder_point')}
      />
      <TextInput
        label={`Reorder quantity (${level.unit})`}
        description="The lot ordered at a time"
        inputMode="decimal"
        {...form.getInputProps('reorder_quantity')}
      />
    </FormModal>
  );
}
