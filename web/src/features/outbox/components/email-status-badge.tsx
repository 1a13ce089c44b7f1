import { Badge, Tooltip } from '@mantine/core';
import type { EmailSummary } from '../api/list-emails';

const STATUS: Record<EmailSummary['status'], { label: string; color: string; hint: string }> = {
  queued: { label: 'Queued', color: 'blue', hint: 'Waiting to be sent.' },
  sending: { label: 'Sending', color: 'blue', hint: 'Being handed to the mail server.' },
  sent: { label: 'Sent', color: 'green', hint: 'Handed to the mail server.' },
  outbox: {
    label: 'In outbox',
    color: 'gray',
    hint: 'No mail server is configured, so the email is kept here only.',
  },
  failed: { label: 'Failed', color: 'red', hint: 'Sending failed; see the last error.' },
};

export function EmailStatusBadge({ status }: { status: EmailSummary['status'] }) {
  const s = STATUS[status];
  return (
    <Tooltip label={s.hint} withArrow>
      <Badge variant="light" color={s.color} tabIndex={-1}>
        {s.label}
      </Badge>
    </Tooltip>
  );
}
