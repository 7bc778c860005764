// The fields of a stock movement form, by kind, and sending it: receive, issue, adjust (a stocktake or a
// correction) and transfer. The API refuses taking a level below zero; its message shows beside the quantity.
import { SegmentedControl, Select, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { api, must } from '../../api/client.ts';
import { useLocations } from '../../hooks/useReference.ts';
import {
  adjustBody,
  issueBody,
  receiveBody,
  transferBody,
  type MovementKind,
  type MovementValues,
} from './movement-body.ts';

export const kindNames: Record<MovementKind, string> = {
  receive: 'Receive',
  issue: 'Issue',
  adjust: 'Adjust',
  transfer: 'Transfer',
};

const doneNames: Record<MovementKind, string> = {
  receive: 'Received',
  issue: 'Issued',
  adjust: 'Adjusted',
  transfer: 'Transferred',
};

/** Says what a movement left on hand at each place it changed. */
export function announceMovement(
  kind: MovementKind,
  itemName: string,
  result: Awaited<ReturnType<typeof sendMovement>>,
) {
  const left = result.levels.map((l) => `${l.quantity} ${l.unit} at ${l.location_name}`).join(', ');
  notifications.show({ color: 'green', message: `${doneNames[kind]} ${itemName}: now ${left}` });
}

export function sendMovement(
  kind: MovementKind,
  itemId: number,
  locationId: number,
  values: MovementValues,
  idempotencyKey: string,
) {
  const options = { params: { path: { id: itemId } }, headers: { 'idempotency-key': idempotencyKey } };
  switch (kind) {
    case 'receive':
      return must(
        api.POST('/api/v1/items/{id}/stock/receive', { ...options, body: receiveBody(locationId, values) }),
      );
    case 'issue':
      return must(
        api.POST('/api/v1/items/{id}/stock/issue', { ...options, body: issueBody(locationId, values) }),
      );
    case 'adjust':
      return must(
        api.POST('/api/v1/items/{id}/stock/adjust', { ...options, body: adjustBody(locationId, values) }),
      );
    case 'transfer':
      return must(
        api.POST('/api/v1/items/{id}/stock/transfer', {
          ...options,
          body: transferBody(locationId, values),
        }),
      );
  }
}

interface Props<V extends MovementValues> {
  kind: MovementKind;
  form: UseFormReturnType<V>;
  unit: string;
  /** Where the stock is now: not offered as a transfer's destination. */
  locationId: number | null;
}

export function MovementFields<V extends MovementValues>({ kind, form, unit, locationId }: Props<V>) {
  const locations = useLocations();
  const quantity = (
    <TextInput
      label={`Quantity (${unit})`}
      required
      inputMode="decimal"
      placeholder="10"
      {...form.getInputProps('quantity')}
    />
  );
  const reference = (
    <TextInput
      label="Reference"
      description="Purchase order, delivery note, work order …"
      {...form.getInputProps('reference')}
    />
  );
  const reason = (required: boolean) => (
    <Textarea
      label={required ? 'Reason' : 'Note'}
      required={required}
      autosize
      minRows={2}
      {...form.getInputProps('reason')}
    />
  );

  if (kind === 'receive') {
    return (
      <>
        {quantity}
        <TextInput
          label="Unit cost"
          description="Price paid per unit, e.g. 2.50"
          inputMode="decimal"
          {...form.getInputProps('unit_cost')}
        />
        {reference}
        {reason(false)}
      </>
    );
  }
  if (kind === 'issue') {
    return (
      <>
        {quantity}
        {reason(true)}
        {reference}
      </>
    );
  }
  if (kind === 'adjust') {
    const byCount = form.values.adjust_by === 'count';
    return (
      <>
        <SegmentedControl
          aria-label="Adjust by"
          data={[
            { value: 'count', label: 'Counted quantity' },
            { value: 'delta', label: 'Correction' },
          ]}
          {...form.getInputProps('adjust_by')}
        />
        {byCount ? (
          <TextInput
            label={`Counted quantity (${unit})`}
            description="What the stocktake found: the level becomes this"
            required
            inputMode="decimal"
            {...form.getInputProps('counted_quantity')}
          />
        ) : (
          <TextInput
            label={`Correction (${unit})`}
            description="Add or take away, e.g. -2 or 4.5"
            required
            inputMode="decimal"
            {...form.getInputProps('delta')}
          />
        )}
        {reason(true)}
        {reference}
      </>
    );
  }
  return (
    <>
      <Select
        label="To location"
        required
        searchable
        limit={100}
        data={(locations.data?.options ?? []).filter((o) => o.value !== String(locationId))}
        {...form.getInputProps('to_location_id')}
      />
      {quantity}
      {reason(false)}
      {reference}
    </>
  );
}
