import {
  ActionIcon,
  Anchor,
  Button,
  EmptyState,
  FileButton,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconDownload,
  IconExternalLink,
  IconFile,
  IconLink,
  IconPaperclip,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useAddLink } from '../../lib/attachments/add-link';
import { useDeleteFile } from '../../lib/attachments/delete-file';
import { useUploadFile } from '../../lib/attachments/upload-file';
import { applyProblemToForm } from '../../lib/form-errors';
import { formatBytes, useDateTimeFormat } from '../../lib/format';
import { errorMessage } from '../../lib/problem';
import { type RecordFile, type RecordOwner, useFiles } from '../../lib/queries/attachments';
import { ErrorAlert, Loading, QueryError } from '../feedback';

/** What the server accepts (src/modules/files/storage.ts); it checks the first bytes too. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.doc,.docx,.xls,.xlsx,.csv,.txt';
const TYPES_TEXT = 'PDF, PNG, JPEG, GIF, Word (.doc, .docx), Excel (.xls, .xlsx), CSV or plain text';
/** The server's default FILE_MAX_BYTES; an installation may set another (the server then says so). */
const DEFAULT_LIMIT_MB = 25;

type LinkValues = { name: string; url: string };

/** Files and links of a record: upload, attach a URL, download, remove. */
export function FilesPanel({
  owner,
  canEdit,
  onChanged,
}: {
  owner: RecordOwner;
  canEdit: boolean;
  onChanged?: () => void;
}) {
  const files = useFiles(owner);
  const upload = useUploadFile(owner);
  const addLink = useAddLink(owner);
  const remove = useDeleteFile(owner);
  const formatTime = useDateTimeFormat();
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<RecordFile | null>(null);
  const linkForm = useForm<LinkValues>({
    initialValues: { name: '', url: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the link a name.'),
      url: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? null : 'Enter a web address starting with https://'),
    },
  });

  const onFile = (file: File | null) => {
    if (!file) return;
    setUploadError(null);
    upload.mutate(file, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          title: 'File uploaded',
          message: `“${saved.name}” is attached.`,
        });
        onChanged?.();
      },
      onError: (error) => setUploadError(errorMessage(error)),
    });
  };

  const submitLink = linkForm.onSubmit((values) => {
    setLinkError(null);
    addLink.mutate(
      { name: values.name.trim(), url: values.url.trim() },
      {
        onSuccess: () => {
          linkForm.reset();
          onChanged?.();
        },
        onError: (error) => setLinkError(applyProblemToForm(linkForm, error)),
      },
    );
  });

  return (
    <Stack gap="lg">
      {canEdit ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder radius="md" p="md">
            <Stack gap="xs">
              <Title order={3} fz="sm">
                Upload a file
              </Title>
              <Text size="sm" c="dimmed" id="upload-limits">
                {TYPES_TEXT}; up to {DEFAULT_LIMIT_MB} MB unless your installation sets another limit.
              </Text>
              {uploadError ? <ErrorAlert title="The file was not uploaded">{uploadError}</ErrorAlert> : null}
              <Group>
                <FileButton onChange={onFile} accept={ACCEPT}>
                  {(props) => (
                    <Button
                      {...props}
                      variant="light"
                      loading={upload.isPending}
                      leftSection={<IconUpload size={16} aria-hidden />}
                      aria-describedby="upload-limits"
                    >
                      Choose a file…
                    </Button>
                  )}
                </FileButton>
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <form onSubmit={submitLink} noValidate aria-label="Attach a link">
              <Stack gap="xs">
                <Title order={3} fz="sm">
                  Attach a link
                </Title>
                {linkError ? <ErrorAlert title="The link was not attached">{linkError}</ErrorAlert> : null}
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label="Link name" maxLength={200} {...linkForm.getInputProps('name')} />
                  <TextInput
                    label="URL"
                    type="url"
                    placeholder="https://"
                    maxLength={2000}
                    {...linkForm.getInputProps('url')}
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button
                    type="submit"
                    variant="light"
                    loading={addLink.isPending}
                    leftSection={<IconLink size={16} aria-hidden />}
                  >
                    Attach link
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </SimpleGrid>
      ) : null}

      {files.isPending ? (
        <Loading label="Loading files…" />
      ) : files.isError ? (
        <QueryError error={files.error} onRetry={() => void files.refetch()} />
      ) : files.data.length === 0 ? (
        <EmptyState
          icon={<IconPaperclip size={26} />}
          variant="light"
          title="No files or links"
          description={canEdit ? 'Upload documents, or attach links to where they live.' : undefined}
          py="lg"
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Caption className="visually-hidden">Files and links, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Size</Table.Th>
                <Table.Th scope="col">Added</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {files.data.map((f) => (
                <Table.Tr key={f.id} data-testid="file-row">
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {f.kind === 'url' ? (
                        <IconLink size={16} aria-hidden />
                      ) : (
                        <IconFile size={16} aria-hidden />
                      )}
                      {f.kind === 'url' && f.url ? (
                        <Anchor href={f.url} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
                          {f.name}
                          <IconExternalLink size={12} aria-hidden style={{ marginLeft: 4 }} />
                          <span className="visually-hidden"> (opens in a new tab)</span>
                        </Anchor>
                      ) : (
                        <Anchor href={`/api/v1/files/${f.id}/content`} download={f.name} size="sm" fw={600}>
                          {f.name}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.kind === 'url' ? 'Link' : (f.contentType ?? 'File')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.kind === 'url' ? '—' : formatBytes(f.sizeBytes)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatTime(f.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {f.kind === 'upload' ? (
                        <Tooltip label="Download">
                          <ActionIcon
                            component="a"
                            href={`/api/v1/files/${f.id}/content`}
                            download={f.name}
                            variant="subtle"
                            aria-label={`Download ${f.name}`}
                          >
                            <IconDownload size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                      {canEdit ? (
                        <Tooltip label="Remove">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${f.name}`}
                            onClick={() => setRemoving(f)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={removing?.kind === 'url' ? 'Remove link?' : 'Remove file?'}
      >
        {removing ? (
          <Stack gap="md">
            {remove.isError ? <ErrorAlert>{errorMessage(remove.error)}</ErrorAlert> : null}
            <Text>
              <strong>{removing.name}</strong> will be removed from this record. The record’s history keeps a
              note that it was there.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" data-autofocus onClick={() => setRemoving(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(removing.id, {
                    onSuccess: () => {
                      setRemoving(null);
                      onChanged?.();
                    },
                  })
                }
              >
                Remove
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
