import { Table, Text, UnstyledButton } from '@mantine/core';
import { useDateTimeFormat } from '../../../lib/format';
import type { EmailSummary } from '../api/list-emails';
import { EmailStatusBadge } from './email-status-badge';

const KIND_LABELS: Record<string, string> = { password_reset: 'Password reset' };
const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');

/** The outbox rows; a row (or its subject, for keyboard users) opens the message. */
export function EmailsTable({ emails, onOpen }: { emails: EmailSummary[]; onOpen: (id: string) => void }) {
  const formatDate = useDateTimeFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">
          Emails sent to this account’s users, newest first
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {emails.map((email) => (
            <Table.Tr
              key={email.id}
              data-testid="email-row"
              className="clickable-row"
              onClick={() => onOpen(email.id)}
            >
              <Table.Td>
                <UnstyledButton
                  className="row-link"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(email.id);
                  }}
                >
                  <Text size="sm" fw={500} component="span">
                    {email.subject}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{email.toAddress}</Table.Td>
              <Table.Td>{kindLabel(email.kind)}</Table.Td>
              <Table.Td>
                <EmailStatusBadge status={email.status} />
              </Table.Td>
              <Table.Td>{formatDate(email.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
