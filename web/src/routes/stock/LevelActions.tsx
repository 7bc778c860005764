// What can be done to one level (an item at a location), for those who keep stock: receive, issue, adjust and
// transfer, and its reorder settings; plus a way to the item's ledger where it is not on screen already.
import { Button, Menu, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronDown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useCan } from '../../hooks/useMe.ts';
import { blankMovement, type MovementKind } from './movement-body.ts';
import { announceMovement, kindNames, MovementFields, sendMovement } from './MovementFields.tsx';
import { LevelSettingsModal } from './LevelSettingsModal.tsx';
import type { StockLevel } from './stock-types.ts';

interface Props {
  itemName: string;
  level: StockLevel;
  /** Offer the item's ledger (on lists; the item's own stock page shows it). */
  withLedger?: boolean;
}

export function LevelActions({ itemName, level, withLedger = false }: Props) {
  const can = useCan();
  const queryClient = useQueryClient();
  const modal = useFormModal<MovementKind>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  // One key per opening: a double-tapped submit records one movement.
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const form = useForm({ initialValues: blankMovement() });
  const kind = modal.editing;
  const place = `${itemName} at ${level.location_name}`;

  const start = (next: MovementKind) => {
    form.setValues(blankMovement());
    form.clearErrors();
    setIdempotencyKey(crypto.randomUUID());
    modal.open(next);
  };

  const submit = form.onSubmit((values) => {
    if (kind === 'transfer' && !values.to_location_id) {
      form.setFieldError('to_location_id', 'Choose where it goes');
      return;
    }
    void modal.run(() =>
      submitToApi(form, async () => {
        if (!kind) return;
        const result = await sendMovement(kind, level.item_id, level.location_id, values, idempotencyKey);
        await queryClient.invalidateQueries({ queryKey: ['stock'] });
        await queryClient.invalidateQueries({ queryKey: ['items', 'history', level.item_id] });
        announceMovement(kind, itemName, result);
      }),
    );
  });

  if (!can('stock:write')) {
    return withLedger ? (
      <Button component={Link} to={`/stock/items/${level.item_id}`} variant="default">
        Ledger
      </Button>
    ) : null;
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconChevronDown size={16} aria-hidden />}
            aria-label={`Actions for ${place}`}
          >
            Actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(kindNames) as MovementKind[]).map((k) => (
            <Menu.Item key={k} py="sm" onClick={() => start(k)}>
              {kindNames[k]}
            </Menu.Item>
          ))}
          <Menu.Item py="sm" onClick={() => setSettingsOpen(true)}>
            Reorder settings
          </Menu.Item>
          {withLedger && (
            <Menu.Item py="sm" component={Link} to={`/stock/items/${level.item_id}`}>
              Ledger
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <FormModal
        title={kind ? `${kindNames[kind]} ${place}` : ''}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel={kind ? kindNames[kind] : 'Save'}
      >
        <Text size="sm">
          On hand: {level.quantity} {level.unit}
        </Text>
        {kind && <MovementFields kind={kind} form={form} unit={level.unit} locationId={level.location_id} />}
      </FormModal>
      {settingsOpen && (
        <LevelSettingsModal
          title={`Reorder settings: ${place}`}
          level={level}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </>
  );
}
