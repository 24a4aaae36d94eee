import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * The slip's reference as a QR code, so staff reprint it by holding the slip to the counter's
 * scanner (it types the reference and Enter into the focused field). Drawn as one SVG path from
 * the code's modules: no canvas, no image URL, nothing the CSP has to allow.
 */
export function SlipQr({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    // A quiet zone of 4 modules on every side, as scanners expect.
    return { size: modules.size + 8, path: d };
  }, [text]);
  return (
    <svg className="slip__qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
