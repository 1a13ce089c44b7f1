import { Badge, Button, Center, Code, EmptyState, Group, List, Spoiler, Table, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Loading, QueryError } from '../../../components/feedback';
import { AnchorLink } from '../../../components/links';
import { useDateTimeFormat } from '../../../lib/format';
import { type LeadPost, useLeadPosts } from '../api/list-lead-posts';

const OUTCOMES: Record<string, { label: string; color: string }> = {
  created: { label: 'Created', color: 'green' },
  updated: { label: 'Updated', color: 'indigo' },
  duplicate: { label: 'Duplicate', color: 'gray' },
  invalid: { label: 'Invalid', color: 'red' },
  refused: { label: 'Refused', color: 'orange' },
};

function RecordLink({ post }: { post: LeadPost }) {
  if (!post.recordId) return <Text size="sm">—</Text>;
  return post.recordKind === 'individual' ? (
    <AnchorLink to="/clients/$id" params={{ id: post.recordId }} size="sm">
      Client{post.matchedOn ? ` (matched on ${post.matchedOn})` : ''}
    </AnchorLink>
  ) : (
    <AnchorLink to="/leads/$id" params={{ id: post.recordId }} size="sm">
      Sales Record{post.matchedOn ? ` (matched on ${post.matchedOn})` : ''}
    </AnchorLink>
  );
}

/** Every post to the lead URL: when, outcome, the record it made or matched, and what was posted. */
export function LeadPostLog() {
  const posts = useLeadPosts();
  const formatTime = useDateTimeFormat();
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];
  if (posts.isPending) return <Loading label="Loading the post log…" />;
  if (posts.isError) return <QueryError error={posts.error} onRetry={() => void posts.refetch()} />;
  if (items.length === 0)
    return (
      <EmptyState
        icon={<IconInbox size={26} />}
        variant="light"
        title="No leads posted yet"
        description="Each post to the lead URL shows here with its outcome."
        py="lg"
      />
    );
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm">
          <Table.Caption className="visually-hidden">Lead posts, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Received</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Record</Table.Th>
              <Table.Th scope="col">Posted fields</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => {
              const outcome = OUTCOMES[p.outcome] ?? { label: p.outcome, color: 'gray' };
              const fields = Object.entries(p.fields);
              return (
                <Table.Tr key={p.id} data-testid="lead-post-row">
                  <Table.Td>
                    <Text size="sm" className="nowrap">
                      {formatTime(p.receivedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge color={outcome.color} variant="light" tt="none">
                        {outcome.label}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        HTTP {p.httpStatus}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <RecordLink post={p} />
                  </Table.Td>
                  <Table.Td maw={480}>
                    <Spoiler maxHeight={48} showLabel="Show all" hideLabel="Show less">
                      <Text size="xs" className="break-all">
                        {fields.length
                          ? fields.map(([k, v], i) => (
                              <span key={k}>
                                {i ? ' · ' : ''}
                                <Code>{k}</Code> {Array.isArray(v) ? v.join(' | ') : String(v)}
                              </span>
                            ))
                          : 'No fields'}
                      </Text>
                      {p.errors.length ? (
                        <List size="xs" mt={4} c="red.9">
                          {p.errors.map((e) => (
                            <List.Item key={`${e.path}-${e.message}`}>
                              {e.path ? `${e.path}: ` : ''}
                              {e.message}
                            </List.Item>
                          ))}
                        </List>
                      ) : null}
                    </Spoiler>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {posts.hasNextPage ? (
        <Center p="sm">
          <Button
            variant="default"
            loading={posts.isFetchingNextPage}
            onClick={() => void posts.fetchNextPage()}
          >
            Load more
          </Button>
        </Center>
      ) : null}
    </>
  );
}
