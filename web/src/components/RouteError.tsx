// What a screen that failed to load (or threw) shows instead of a blank page.
import { Alert, Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { messageOf } from '../api/problem.ts';

export function RouteError() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" title="Something went wrong">
          {messageOf(error)}
        </Alert>
        <Button variant="light" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Stack>
    </Container>
  );
}
