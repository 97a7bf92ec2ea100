import { useEffect, useState } from 'react';
import { Skeleton } from 'antd';
import QRCode from 'qrcode';

/** The QR code of a URL, drawn locally (the URL never leaves the browser). */
export function CardQr({ url, size = 132, alt }: { url: string; size?: number; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: size * 2, errorCorrectionLevel: 'M' })
      .then((d) => live && setSrc(d))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url, size]);
  if (!src) return <Skeleton.Node active style={{ width: size, height: size }} />;
  return <img src={src} width={size} height={size} alt={alt} data-testid="card-qr" data-url={url} />;
}
