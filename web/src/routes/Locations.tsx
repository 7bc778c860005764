// Locations: the site › building › floor › room tree, each with how full it is against its capacity, and
// forms to add or change one.
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client.ts';
import type { Location } from '../api/types.ts';
import { orNull, submitToApi } from '../components/api-form.ts';
import { FormModal } from '../components/FormModal.tsx';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { buildTree } from '../components/tree.ts';
import { TreeList } from '../components/TreeList.tsx';
import { useFormModal } from '../hooks/useFormModal.ts';
import { useCan } from '../hooks/useMe.ts';
import { useLocations } from '../hooks/useReference.ts';

const types = ['site', 'building', 'floor', 'room', 'area', 'storage', 'vehicle'] as const;

function Occupancy({ location }: { location: Location }) {
  if (location.capacity === null) {
    return (
      <Text size="xs" c="dimmed">
        {location.occupancy} items
      </Text>
    );
  }
  const ratio = location.capacity === 0 ? 1 : location.occupancy / location.capacity;
  return (
    <Group gap="xs" wrap="nowrap" w={180}>
      <Progress
        value={Math.min(100, ratio * 100)}
        color={ratio >= 1 ? 'red' : ratio > 0.8 ? 'orange' : 'teal'}
        flex={1}
        aria-label={`${location.name}: ${location.occupancy} of ${location.capacity}`}
      />
      <Text size="xs" c="dimmed" miw={60}>
        {location.occupancy} / {location.capacity}
      </Text>
    </Group>
  );
}

export default function Locations() {
  const locations = useLocations();
  const can = useCan();
  const modal = useFormModal<Location>();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: '',
      code: '',
      type: 'room',
      parent_location_id: null as string | null,
      capacity: '' as number | string,
      address: '',
      description: '',
    },
  });

  const open = (location: Location | null, parentId?: number) => {
    form.setValues({
      name: location?.name ?? '',
      code: location?.code ?? '',
      type: location?.type ?? 'room',
      parent_location_id: location?.parent_location_id
        ? String(location.parent_location_id)
        : parentId
          ? String(parentId)
          : null,
      capacity: location?.capacity ?? '',
      address: location?.address ?? '',
      description: location?.description ?? '',
    });
    form.clearErrors();
    modal.open(location);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        const body = {
          name: values.name.trim(),
          code: orNull(values.code),
          type: values.type as (typeof types)[number],
          parent_location_id: values.parent_location_id ? Number(values.parent_location_id) : null,
          capacity: values.capacity === '' ? null : Number(values.capacity),
          address: orNull(values.address),
          description: orNull(values.description),
        };
        const editing = modal.editing;
        if (editing) {
          await must(
            api.PATCH('/api/v1/locations/{id}', {
              params: { path: { id: editing.id } },
              body,
              headers: { 'if-match': `"${editing.version}"` },
            }),
          );
        } else {
          await must(api.POST('/api/v1/locations', { body }));
        }
        await queryClient.invalidateQueries({ queryKey: ['locations'] });
      }),
    ),
  );

  const writable = can('locations:write');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Locations
        </Title>
        {writable && <Button onClick={() => open(null)}>New location</Button>}
      </Group>
      {locations.isPending ? (
        <Loading />
      ) : locations.isError ? (
        <Failed error={locations.error} />
      ) : locations.data.rows.length === 0 ? (
        <Empty title="No locations yet">Add a site, then its buildings, floors and rooms.</Empty>
      ) : (
        <TreeList
          nodes={buildTree(locations.data.rows, (l) => l.parent_location_id)}
          label={(l) => l.name}
          render={(l) => (
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Text fw={500} truncate>
                  {l.name}
                </Text>
                <Badge size="sm" color="gray">
                  {l.type}
                </Badge>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Occupancy location={l} />
                {writable && (
                  <>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => open(l)}
                      aria-label={`Edit: ${l.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => open(null, l.id)}
                      aria-label={`Add inside: ${l.name}`}
                    >
                      Add inside
                    </Button>
                  </>
                )}
              </Group>
            </Group>
          )}
        />
      )}
      <FormModal
        title={modal.editing ? `Edit ${modal.editing.name}` : 'New location'}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
      >
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Group grow>
          <Select label="Type" data={[...types]} allowDeselect={false} {...form.getInputProps('type')} />
          <TextInput label="Code" {...form.getInputProps('code')} />
        </Group>
        <Select
          label="Inside"
          data={(locations.data?.options ?? []).filter((o) => o.value !== String(modal.editing?.id))}
          searchable
          clearable
          limit={100}
          {...form.getInputProps('parent_location_id')}
        />
        <NumberInput
          label="Capacity (items)"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
        <TextInput label="Address" {...form.getInputProps('address')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
      </FormModal>
    </Stack>
  );
}
