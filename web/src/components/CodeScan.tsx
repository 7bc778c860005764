// Reading an item's code, the two ways a screen offers it: typed (a handheld scanner types too) into a short
// form, or read by the camera, with a button that starts and stops it and the camera's preview.
import { Button, Group, TextInput } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import { useEffect, useRef, useState, type Ref } from 'react';
import { startScanner, type Scanner } from './scan-camera.ts';

export function CodeForm({
  value,
  onChange,
  onSubmit,
  submitLabel,
  busy,
  inputRef,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  submitLabel: string;
  busy: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(value);
      }}
    >
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          ref={inputRef}
          flex={1}
          label="SKU or serial number"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autoCapitalize="characters"
          autoComplete="off"
        />
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}

/** The camera stops at the first code it reads and hands it to onCode; it stops too when the screen closes. */
export function CameraScan({
  onStart,
  onCode,
  onError,
}: {
  onStart: () => void;
  onCode: (code: string) => void;
  onError: (error: unknown) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<Scanner | null>(null);
  const [scanning, setScanning] = useState(false);

  const stop = () => {
    scanner.current?.stop();
    scanner.current = null;
    setScanning(false);
  };
  useEffect(() => stop, []);

  const start = async () => {
    if (!video.current) return;
    onStart();
    try {
      setScanning(true);
      scanner.current = await startScanner(video.current, (found) => {
        stop();
        onCode(found);
      });
    } catch (error) {
      setScanning(false);
      onError(error);
    }
  };

  return (
    <>
      {scanning ? (
        <Button variant="default" leftSection={<IconCameraOff size={18} aria-hidden />} onClick={stop}>
          Stop camera
        </Button>
      ) : (
        <Button leftSection={<IconCamera size={18} aria-hidden />} onClick={() => void start()} size="lg">
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
    </>
  );
}
