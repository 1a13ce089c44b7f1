import { Button, CopyButton } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Copy a schedule's public booking link to the clipboard. */
export function CopyLinkButton({ url, label = 'Copy public link' }: { url: string; label?: string }) {
  return (
    <CopyButton value={url}>
      {({ copied, copy }) => (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          onClick={copy}
          aria-live="polite"
        >
          {copied ? 'Link copied' : label}
        </Button>
      )}
    </CopyButton>
  );
}
