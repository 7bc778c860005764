// Scan: point the camera at an item's QR code or barcode, or type its SKU, and go to the item.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, must } from '../api/client.ts';
import { messageOf } from '../api/problem.ts';
import { CameraScan, CodeForm } from '../components/CodeScan.tsx';

/** The item with exactly this SKU (or serial number), if there is one; else undefined. */
async function findBySku(code: string) {
  const page = await must(api.GET('/api/v1/items', { params: { query: { q: code, limit: 20 } } }));
  const wanted = code.toLowerCase();
  return page.data.find(
    (item) => item.sku.toLowerCase() === wanted || item.serial_number?.toLowerCase() === wanted,
  );
}

export default function Scan() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (raw: string) => {
    const value = raw.trim();
    if (!value) return;
    setBusy(true);
    setMessage(null);
    try {
      const item = await findBySku(value);
      if (item) await navigate(`/items/${item.id}`);
      else setMessage(`No item has the SKU “${value}”.`);
    } catch (error) {
      setMessage(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={560}>
      <Title order={1} size="h2">
        Scan
      </Title>
      <CodeForm
        value={code}
        onChange={setCode}
        onSubmit={(value) => void open(value)}
        submitLabel="Open"
        busy={busy}
      />
      {message && (
        <Alert color="orange" role="status">
          {message}
        </Alert>
      )}
      <CameraScan
        onStart={() => setMessage(null)}
        onCode={(found) => {
          setCode(found);
          void open(found);
        }}
        onError={(error) =>
          setMessage(`The camera could not start: ${messageOf(error)}. Type the SKU instead.`)
        }
      />
      <Text size="sm" c="dimmed">
        Labels printed from an item’s page carry its SKU as a QR code.
      </Text>
    </Stack>
  );
}
