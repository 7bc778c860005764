// Scan: point the camera at an item's QR code or barcode, or type its SKU, and go to the item.
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, must } from '../api/client.ts';
import { messageOf } from '../api/problem.ts';
import { startScanner, type Scanner } from './scan-camera.ts';

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
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<Scanner | null>(null);
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const stop = () => {
    scanner.current?.stop();
    scanner.current = null;
    setScanning(false);
  };
  useEffect(() => stop, []);

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

  const startCamera = async () => {
    if (!video.current) return;
    setMessage(null);
    try {
      setScanning(true);
      scanner.current = await startScanner(video.current, (found) => {
        stop();
        setCode(found);
        void open(found);
      });
    } catch (error) {
      setScanning(false);
      setMessage(`The camera could not start: ${messageOf(error)}. Type the SKU instead.`);
    }
  };

  return (
    <Stack maw={560}>
      <Title order={1} size="h2">
        Scan
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void open(code);
        }}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            label="SKU or serial number"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoCapitalize="characters"
            autoComplete="off"
          />
          <Button type="submit" loading={busy}>
            Open
          </Button>
        </Group>
      </form>
      {message && (
        <Alert color="orange" role="status">
          {message}
        </Alert>
      )}
      {scanning ? (
        <Button variant="default" leftSection={<IconCameraOff size={18} aria-hidden />} onClick={stop}>
          Stop camera
        </Button>
      ) : (
        <Button
          leftSection={<IconCamera size={18} aria-hidden />}
          onClick={() => void startCamera()}
          size="lg"
        >
          Scan with the camera
        </Button>
      )}
      <video
        ref={video}
        muted
        playsInline
        aria-label="Camera preview"
        style={{ width: '100%', borderRadius: 8, display: scanning ? 'block' : 'none', background: '#000' }}
      />
      <Text size="sm" c="dimmed">
        Labels printed from an item’s page carry its SKU as a QR code.
      </Text>
    </Stack>
  );
}
