// Specifications as name/value rows (RAM → 16 GB): add, change, remove.
import { ActionIcon, Button, Fieldset, Group, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  value: [string, string][];
  onChange: (rows: [string, string][]) => void;
  error?: ReactNode;
}

export function SpecificationsInput({ value, onChange, error }: Props) {
  const set = (index: number, row: [string, string]) =>
    onChange(value.map((r, i) => (i === index ? row : r)));
  return (
    <Fieldset legend="Specifications">
      {value.map(([name, val], index) => (
        <Group key={index} gap="xs" mb="xs" wrap="nowrap" align="flex-end">
          <TextInput
            flex={1}
            label="Name"
            value={name}
            onChange={(e) => set(index, [e.currentTarget.value, val])}
          />
          <TextInput
            flex={1}
            label="Value"
            value={val}
            onChange={(e) => set(index, [name, e.currentTarget.value])}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size={42}
            aria-label={`Remove specification ${name || index + 1}`}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text c="red" size="sm" mb="xs">
          {error}
        </Text>
      )}
      <Button variant="light" size="sm" onClick={() => onChange([...value, ['', '']])}>
        Add specification
      </Button>
    </Fieldset>
  );
}
