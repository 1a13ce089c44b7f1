import { Anchor, Box, Button, FileButton, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconTableColumn, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { isApiError } from '../../../lib/problem';
import { errorMessage } from '../../../lib/problem';
import { type ImportUpload, TEMPLATE_CSV_URL } from '../api/keys';
import { useUploadImport } from '../api/upload-import';
import { ProblemAlert } from './problem-alert';

/** The server's default IMPORT_MAX_BYTES; an installation may set another (the server then says so). */
const DEFAULT_LIMIT_MB = 50;

/** Step 1: drop or choose a CSV; the server reads it and answers with its headings and first rows. */
export function UploadStep({ onUploaded }: { onUploaded: (upload: ImportUpload) => void }) {
  const upload = useUploadImport();
  const [dragging, setDragging] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);

  const send = (file: File | null) => {
    if (!file || upload.isPending) return;
    setFileName(file.name);
    upload.mutate(file, { onSuccess: onUploaded });
  };
  const onDrag = (e: DragEvent) => {
    e.preventDefault();
    setDragging(e.type !== 'dragleave');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    send(e.dataTransfer.files[0] ?? null);
  };
  const problems = isApiError(upload.error)
    ? (upload.error.problem.errors ?? [])
        .filter((p) => p.message !== upload.error?.message)
        .map((p) => (p.path && p.path !== 'file' ? `${p.path}: ${p.message}` : p.message))
    : [];

  return (
    <Stack gap="md">
      {upload.isError ? (
        <ProblemAlert
          title={`“${fileName ?? 'The file'}” was not accepted`}
          detail={errorMessage(upload.error)}
          problems={problems}
        />
      ) : null}
      <Box
        data-testid="import-dropzone"
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={onDrag}
        onDrop={onDrop}
        p="xl"
        style={{
          border: `2px dashed var(--mantine-color-${dragging ? 'indigo-6' : 'gray-4'})`,
          borderRadius: 'var(--mantine-radius-md)',
          background: dragging ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-white)',
        }}
      >
        <Stack align="center" gap="xs">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
            <IconFileSpreadsheet size={28} />
          </ThemeIcon>
          {upload.isPending ? (
            <Text fw={600} role="status">
              Uploading and checking “{fileName}”…
            </Text>
          ) : (
            <Text fw={600}>Drag a CSV file here, or</Text>
          )}
          <FileButton onChange={send} accept=".csv,.txt,text/csv">
            {(props) => (
              <Button
                {...props}
                loading={upload.isPending}
                leftSection={<IconUpload size={16} aria-hidden />}
                aria-describedby="import-file-limits"
              >
                Choose a CSV file…
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed" ta="center" maw={560} id="import-file-limits">
            The first line holds the column headings, spelled exactly as documented. UTF-8 (Windows-1252 is
            converted); up to {DEFAULT_LIMIT_MB} MB unless your installation sets another limit.
          </Text>
        </Stack>
      </Box>
      <Group gap="lg">
        <Anchor href={TEMPLATE_CSV_URL} download size="sm">
          <Group gap={6} wrap="nowrap" component="span">
            <IconDownload size={16} aria-hidden />
            Download the template CSV
          </Group>
        </Anchor>
        <AnchorLink to="/leads/import/columns" size="sm">
          <Group gap={6} wrap="nowrap" component="span">
            <IconTableColumn size={16} aria-hidden />
            Column headings and formats
          </Group>
        </AnchorLink>
      </Group>
    </Stack>
  );
}
