import { Button, Group, Stack, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { type PointerEvent, useEffect, useRef } from 'react';

const WIDTH = 480;
const HEIGHT = 160;

/**
 * A canvas to sign on with a mouse, pen or finger (pointer events). Each finished stroke reports
 * the drawing as a PNG data URL; Clear reports null. `initial` (a data URL) is drawn in at start.
 */
export function SignaturePad({
  initial,
  onChange,
  disabled = false,
  error,
}: {
  initial: string | null;
  onChange: (dataUrl: string | null) => void;
  disabled?: boolean;
  error?: string | null;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const dirty = useRef(false);

  // Draw at the screen's pixel density (up to 2×) so the lines stay sharp.
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1a1b1e';
    if (initial) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0, WIDTH, HEIGHT);
      img.src = initial;
      dirty.current = true;
    }
  }, [initial]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / rect.width) * WIDTH,
      y: ((e.clientY - rect.top) / rect.height) * HEIGHT,
    };
  };

  const start = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const { x, y } = point(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
    // A dot for a tap.
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const { x, y } = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
  };
  const end = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    dirty.current = true;
    onChange(e.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    dirty.current = false;
    onChange(null);
  };

  return (
    <Stack gap={6}>
      <canvas
        ref={canvasRef}
        className="signature-canvas"
        role="img"
        aria-label="Signature drawing area: sign here with a mouse, pen or finger"
        data-testid="signature-canvas"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={disabled ? { cursor: 'not-allowed', opacity: 0.6 } : undefined}
      />
      <Group justify="space-between" maw={WIDTH}>
        <Text size="xs" c="dimmed">
          Can’t draw here? Choose “Typed” instead.
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconEraser size={14} aria-hidden />}
          onClick={clear}
          disabled={disabled}
        >
          Clear signature
        </Button>
      </Group>
      {error ? (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
