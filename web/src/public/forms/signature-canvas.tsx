import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';

/**
 * A drawn signature (signature_pad): the canvas is sized to the device's pixels, and each stroke
 * hands the PNG data URL up (null when cleared). Kept small: a thin pen on a transparent ground.
 */
export function SignatureCanvas({
  label,
  hint,
  clearLabel,
  onChange,
}: {
  label: string;
  hint: string;
  clearLabel: string;
  onChange: (dataUrl: string | null) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { minWidth: 0.8, maxWidth: 2.2, penColor: '#111' });
    const done = () => onChangeRef.current(pad.isEmpty() ? null : pad.toDataURL('image/png'));
    pad.addEventListener('endStroke', done);
    padRef.current = pad;
    return () => {
      pad.removeEventListener('endStroke', done);
      pad.off();
    };
  }, []);

  return (
    <Stack gap={6}>
      <Text size="sm" id="signature-hint">
        {hint}
      </Text>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        aria-describedby="signature-hint"
        data-testid="signature-canvas"
        style={{
          width: '100%',
          height: 160,
          border: '1px solid var(--mantine-color-gray-5)',
          borderRadius: 8,
          background: '#fff',
          touchAction: 'none',
        }}
      />
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            padRef.current?.clear();
            onChange(null);
          }}
        >
          {clearLabel}
        </Button>
      </Group>
    </Stack>
  );
}
