// Declining a request, with the reason the requester will read.
import { Button, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.ts';
import { submitToApi } from '../../components/api-form.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormModal } from '../../hooks/useFormModal.ts';
import { subjectOf, type ItemRequest } from './request-body.ts';

export function DeclineAction({ request }: { request: ItemRequest }) {
  const modal = useFormModal<ItemRequest>();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : 'Say why, for the requester') },
  });
  const who = request.requester.display_name;

  const open = () => {
    form.reset();
    modal.open(request);
  };

  const submit = form.onSubmit((values) =>
    modal.run(() =>
      submitToApi(form, async () => {
        await must(
          api.POST('/api/v1/requests/{id}/decline', {
            params: { path: { id: request.id } },
            body: { reason: values.reason.trim() },
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['requests'] });
      }),
    ),
  );

  return (
    <>
      <Button
        variant="default"
        onClick={open}
        leftSection={<IconX size={18} aria-hidden />}
        aria-label={`Decline ${who}'s request`}
      >
        Decline
      </Button>
      <FormModal
        title={`Decline ${who}'s request`}
        opened={modal.opened}
        onClose={modal.close}
        onSubmit={submit}
        failure={modal.failure}
        busy={modal.busy}
        submitLabel="Decline"
      >
        <Text>
          {who} asked for <b>{subjectOf(request)}</b>.
        </Text>
        <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
      </FormModal>
    </>
  );
}
