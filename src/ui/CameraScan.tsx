import { useEffect, useRef } from 'react';
import { barcodeDetector } from '../lib/readQr';
import './CameraScan.css';

export interface CameraScanProps {
  onCode: (code: string) => void;
  onFailure: () => void;
  /** What the camera's picture is, for a screen reader. */
  label: string;
}

/** The back camera, read by the browser's BarcodeDetector a few times a second until a code shows. */
export function CameraScan({ onCode, onFailure, label }: CameraScanProps) {
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const detector = barcodeDetector();
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const scan = async () => {
      const element = video.current;
      if (!live || !element || !detector) return;
      try {
        const found = element.readyState >= 2 ? (await detector.detect(element))[0] : undefined;
        if (found?.rawValue && live) {
          onCode(found.rawValue);
          return;
        }
      } catch {
        // A frame that cannot be read: try the next one.
      }
      timer = setTimeout(() => void scan(), 250);
    };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        if (!live || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        void scan();
      } catch {
        if (live) onFailure();
      }
    })();
    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode, onFailure]);

  return <video ref={video} className="camera-scan" muted playsInline aria-label={label} />;
}
