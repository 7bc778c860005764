// Completing maintenance work: what it cost in all (a decimal string, as money travels) and notes.
import { Button, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';

export function CompleteWorkAction({ id, label }: { id: number; label: string }) {
  const modal = useFormModal<number>();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { actual_cost: '', notes: '' } });

  const open = () => {
    form.reset();
    modal.open(id);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/maintenance/{id}/complete', {
            params: { path: { id } },
            body: {
              actual_cost: values.actual_cost.trim(),
              ...(values.notes.trim() && { notes: values.notes.trim() }),
            },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['items'] });
        await queryClient.invalidateQueries({ queryKey: ['maintenance'] });
      }),
    ),
  );

  return (
    <>
      <Button size="xs" onClick={open} aria-label={`Complete ${label}`}>
        Complete
      </Button>
      <FormModal
        title={`Complete ${label}`}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Complete"
      >
        <TextInput
          label="Actual cost"
          description="In all, parts included, e.g. 120.50"
          required
          inputMode="decimal"
          {...form.getInputProps('actual_cost')}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
      </FormModal>
    </>
  );
}
