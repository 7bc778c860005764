// Adding a widget: what to measure (a source), how to show it (the visualisations that source allows), a title,
// and optional filters (a location, a category, each with everything below it; a status).
import { Button, Card, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.ts';
import { useCategories, useLocations } from '../../hooks/useReference.ts';
import type { Source, Widget } from './types.ts';

const statuses = ['ordered', 'in_stock', 'deployed', 'in_repair', 'lost', 'retired', 'disposed'] as const;
const sourceLabel = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');

export function AddWidget({ onAdd }: { onAdd: (widget: Widget) => void }) {
  const sources = useQuery({
    queryKey: ['dashboards', 'sources'],
    queryFn: () => must(api.GET('/api/v1/dashboards/sources')),
    staleTime: Infinity,
  });
  const locations = useLocations();
  const categories = useCategories();
  const [source, setSource] = useState<Source | undefined>();
  const [visualisation, setVisualisation] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [locationId, setLocationId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const choose = (name: string | null) => {
    const chosen = sources.data?.data.find((s) => s.name === name);
    setSource(chosen);
    setVisualisation(chosen?.visualisations[0] ?? null);
    if (chosen && !title) setTitle(sourceLabel(chosen.name));
  };

  const add = () => {
    if (!source || !visualisation) return;
    const kpi = source.kind === 'kpi';
    onAdd({
      title: title.trim() || sourceLabel(source.name),
      source: source.name,
      visualisation: visualisation as Widget['visualisation'],
      filters: {
        ...(locationId && { location_id: Number(locationId) }),
        ...(categoryId && { category_id: Number(categoryId) }),
        ...(status && { status: status as (typeof statuses)[number] }),
      },
      position: { x: 0, y: 0 },
      size: kpi ? { w: 4, h: 2 } : { w: 6, h: 4 },
    });
    setSource(undefined);
    setVisualisation(null);
    setTitle('');
    setLocationId(null);
    setCategoryId(null);
    setStatus(null);
  };

  return (
    <Card withBorder padding="md" component="section" aria-label="Add a widget">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Select
          label="Source"
          placeholder="What to show"
          data={(sources.data?.data ?? []).map((s) => ({ value: s.name, label: sourceLabel(s.name) }))}
          value={source?.name ?? null}
          onChange={choose}
          description={source?.description}
          searchable
        />
        <Select
          label="Visualisation"
          data={(source?.visualisations ?? []).map((v) => ({ value: v, label: sourceLabel(v) }))}
          value={visualisation}
          onChange={setVisualisation}
          disabled={!source}
        />
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={100}
        />
        <Select
          label="Location"
          placeholder="All locations"
          data={locations.data?.options ?? []}
          value={locationId}
          onChange={setLocationId}
          searchable
          clearable
        />
        <Select
          label="Category"
          placeholder="All categories"
          data={categories.data?.options ?? []}
          value={categoryId}
          onChange={setCategoryId}
          searchable
          clearable
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={statuses.map((s) => ({ value: s, label: sourceLabel(s) }))}
          value={status}
          onChange={setStatus}
          clearable
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button onClick={add} disabled={!source || !visualisation}>
          Add widget
        </Button>
      </Group>
    </Card>
  );
}
