// Reading a QR code or barcode from the camera: the browser's BarcodeDetector where it has one, else the
// ZXing decoder, loaded only when needed (it is large and most visits never scan).
interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (options?: { formats?: string[] }) => Detector;
  }
}

export interface Scanner {
  stop(): void;
}

async function withBarcodeDetector(
  video: HTMLVideoElement,
  onCode: (code: string) => void,
): Promise<Scanner> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  video.srcObject = stream;
  await video.play();
  const detector = new window.BarcodeDetector!();
  let running = true;
  const tick = async () => {
    if (!running) return;
    const found = await detector.detect(video).catch(() => []);
    if (found[0]?.rawValue) onCode(found[0].rawValue);
    else setTimeout(() => void tick(), 200);
  };
  void tick();
  return {
    stop() {
      running = false;
      for (const track of stream.getTracks()) track.stop();
    },
  };
}

async function withZxing(video: HTMLVideoElement, onCode: (code: string) => void): Promise<Scanner> {
  const { BrowserMultiFormatReader } = await import('@zxing/browser');
  const reader = new BrowserMultiFormatReader();
  const controls = await reader.decodeFromConstraints(
    { video: { facingMode: 'environment' } },
    video,
    (result) => {
      if (result) onCode(result.getText());
    },
  );
  return { stop: () => controls.stop() };
}

export function startScanner(video: HTMLVideoElement, onCode: (code: string) => void): Promise<Scanner> {
  return window.BarcodeDetector ? withBarcodeDetector(video, onCode) : withZxing(video, onCode);
}
