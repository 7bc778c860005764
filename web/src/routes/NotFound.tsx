import { Button, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { Empty } from '../components/States.tsx';

export default function NotFound() {
  return (
    <Stack align="center">
      <Empty title="Nothing here">This page does not exist, or you may not see it.</Empty>
      <Button component={Link} to="/items" variant="light">
        Go to items
      </Button>
    </Stack>
  );
}
