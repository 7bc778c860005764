// Starting an audit: the location (everything below it is included) and a note; then straight to scanning.
import { Button, Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, must } from '../../api/client.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { useLocations } from '../../hooks/useReference.ts';

export function StartStocktake() {
  const modal = useFormModal<null>();
  const locations = useLocations();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({ initialValues: { location_id: '', note: '' } });

  const open = () => {
    form.reset();
    modal.open(null);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        if (!values.location_id) return form.setFieldError('location_id', 'Choose a location');
        const audit = await must(
          api.POST('/api/v1/stocktakes', {
            body: {
              location_id: Number(values.location_id),
              ...(values.note.trim() && { note: values.note.trim() }),
            },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['stocktakes'] });
        await navigate(`/stocktakes/${audit.id}`);
      }),
    ),
  );

  return (
    <>
      <Button onClick={open} leftSection={<IconPlus size={18} aria-hidden />}>
        Start audit
      </Button>
      <FormModal
        title="Start a physical audit"
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Start audit"
      >
        <Select
          label="Location"
          description="Everything below it is audited too"
          required
          searchable
          data={locations.data?.options ?? []}
          {...form.getInputProps('location_id')}
        />
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
      </FormModal>
    </>
  );
}
