import { useCallback, useMemo, useState } from 'react';
import { barcodeDetector, readQrFromImage } from '../lib/readQr';
import { Button } from './Button';
import { CameraScan } from './CameraScan';
import { FileButton } from './FileButton';

export interface QrReaderProps {
  /** The text of the QR that was read. */
  onText: (text: string) => void;
  /** The camera did not open, or the photo held no readable QR. */
  onProblem: (problem: 'camera' | 'photo') => void;
  labels: { scan: string; stopScan: string; camera: string; photo: string; reading: string };
}

/**
 * Reads a QR with the back camera where the browser can (Android Chrome), or from a photo on
 * any phone; the photo reader's code loads only when a photo is chosen.
 */
export function QrReader({ onText, onProblem, labels }: QrReaderProps) {
  const [scanning, setScanning] = useState(false);
  const [reading, setReading] = useState(false);
  const canScan = useMemo(() => barcodeDetector() !== null, []);

  const found = useCallback(
    (text: string) => {
      setScanning(false);
      onText(text);
    },
    [onText],
  );
  const cameraFailed = useCallback(() => {
    setScanning(false);
    onProblem('camera');
  }, [onProblem]);

  const readPhoto = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      const text = await readQrFromImage(file);
      if (text) onText(text);
      else onProblem('photo');
    } catch {
      onProblem('photo');
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="qr-reader">
      {canScan && (
        <>
          {scanning && <CameraScan onCode={found} onFailure={cameraFailed} label={labels.camera} />}
          <Button
            variant="secondary"
            className="button-wide"
            onClick={() => setScanning(!scanning)}
          >
            {scanning ? labels.stopScan : labels.scan}
          </Button>
        </>
      )}
      <FileButton label={labels.photo} accept="image/*" onFile={(file) => void readPhoto(file)} />
      {reading && <p role="status">{labels.reading}</p>}
    </div>
  );
}
