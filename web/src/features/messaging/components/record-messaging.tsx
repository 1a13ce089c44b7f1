import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconMessage, IconMessages } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { Me } from '../../../lib/session';
import type { RecordKind } from '../api/types';
import { ComposeDialog } from '../compose/compose-dialog';
import { canReadMessagesOf, canSendTo } from '../permissions';
import { MessagesPanel } from './messages-panel';

/** The record's Messages tab, for RecordTabs' `extra` (none when the user may not read them). */
export function messagesTab(
  me: Me,
  kind: RecordKind,
  id: string,
  recipientName: string,
): { value: 'messages'; label: string; icon: ReactNode; panel: ReactNode }[] {
  if (!canReadMessagesOf(me, kind)) return [];
  return [
    {
      value: 'messages',
      label: 'Messages',
      icon: <IconMessages size={16} aria-hidden />,
      panel: (
        <MessagesPanel kind={kind} id={id} recipientName={recipientName} canSend={canSendTo(me, kind)} />
      ),
    },
  ];
}

/** A "Message" button (or icon, in a table row) that opens the compose dialog for a record. */
export function ComposeButton({
  me,
  kind,
  id,
  recipientName,
  compact = false,
}: {
  me: Me;
  kind: RecordKind;
  id: string;
  recipientName: string;
  compact?: boolean;
}) {
  const [opened, setOpened] = useState(false);
  if (!canSendTo(me, kind)) return null;
  return (
    <>
      {compact ? (
        <Tooltip label={`Message ${recipientName}`}>
          <ActionIcon
            variant="subtle"
            aria-label={`Message ${recipientName}`}
            onClick={(e) => {
              e.stopPropagation();
              setOpened(true);
            }}
          >
            <IconMessage size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button
          variant="default"
          leftSection={<IconMessage size={16} aria-hidden />}
          onClick={() => setOpened(true)}
        >
          Message
        </Button>
      )}
      <ComposeDialog
        opened={opened}
        onClose={() => setOpened(false)}
        to={{ type: kind, id }}
        recipientName={recipientName}
      />
    </>
  );
}
