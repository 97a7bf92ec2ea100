import { useEffect, useRef, useState } from 'react';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A signature drawn with a finger or a pen (pointer events), exported as PNG. The canvas is sized
 * to its box at the device pixel ratio so the strokes stay sharp on phones. Shared by the
 * customer's signature in fieldwork and the approver's signature on a parts request; the box is
 * styled inline so it does not depend on a feature's stylesheet.
 */
const PAD_STYLE: React.CSSProperties = {
  width: '100%',
  height: 180,
  border: '1px dashed #94a3b8',
  borderRadius: 12,
  background: '#fff',
  touchAction: 'none',
  display: 'block',
};

export function SignaturePad({ onConfirm, busy }: { onConfirm: (png: string) => void; busy?: boolean }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    // Layout size, not getBoundingClientRect: inside a dialog that is still zooming in, the
    // transformed box would size the canvas too small and the strokes would miss it.
    const width = c.offsetWidth;
    const height = c.offsetHeight;
    c.width = Math.round(width * ratio);
    c.height = Math.round(height * ratio);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111827';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    // Back from screen pixels to the canvas's own CSS pixels, should a transform still scale it.
    const sx = r.width ? c.offsetWidth / r.width : 1;
    const sy = r.height ? c.offsetHeight / r.height : 1;
    return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy };
  };

  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    last.current = point(e);
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || !last.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last.current = p;
    setDirty(true);
  };
  const up = () => {
    drawing.current = false;
    last.current = null;
  };

  const clear = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.restore();
    setDirty(false);
  };

  return (
    <div>
      <canvas
        ref={canvas}
        className="field-signature"
        style={PAD_STYLE}
        data-testid="signature-pad"
        aria-label={t('fieldwork.signature.hint')}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={up}
      />
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Button size="large" onClick={clear} data-testid="signature-clear" style={{ flex: 1 }}>
          {t('fieldwork.signature.clear')}
        </Button>
        <Button
          size="large"
          type="primary"
          disabled={!dirty}
          loading={busy}
          data-testid="signature-confirm"
          style={{ flex: 2 }}
          onClick={() => canvas.current && onConfirm(canvas.current.toDataURL('image/png'))}
        >
          {t('fieldwork.signature.confirm')}
        </Button>
      </Flex>
    </div>
  );
}
