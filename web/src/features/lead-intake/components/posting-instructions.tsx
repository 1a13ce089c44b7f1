import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { AnchorLink } from '../../../components/links';

/** The documented lead fields (src/modules/intake/lead-fields.ts); `note` may repeat. */
export const LEAD_FIELD_KEYS = [
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  'gender',
  'email',
  'phone',
  'cellPhone',
  'street',
  'city',
  'state',
  'zip',
  'county',
  'medicareNumber',
  'partADate',
  'partBDate',
  'coverageType',
  'carrier',
  'product',
  'leadSource',
  'leadDate',
  'note',
];

/** Where and how a website form or lead vendor posts leads, with a curl example. */
export function PostingInstructions() {
  const url = `${window.location.origin}/api/v1/inbound/leads`;
  const curl = [
    `curl -X POST '${url}' \\`,
    `  -H 'Authorization: Bearer <your API key>' \\`,
    `  -H 'Idempotency-Key: vendor-lead-12345' \\`,
    `  --data-urlencode 'firstName=Maria' \\`,
    `  --data-urlencode 'lastName=Lopez' \\`,
    `  --data-urlencode 'phone=(312) 201-3344' \\`,
    `  --data-urlencode 'email=maria@example.com' \\`,
    `  --data-urlencode 'note=Asked about Medicare Advantage plans'`,
  ].join('\n');
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500} id="lead-url-label">
        Lead post URL
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code className="secret-key" aria-labelledby="lead-url-label" data-testid="lead-url">
          {url}
        </Code>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="light"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy URL'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">
        Send <Code>application/x-www-form-urlencoded</Code> (as website forms do) or JSON, with an API key (a
        “Leads only” key is enough — create one under{' '}
        <AnchorLink to="/settings/api-keys" size="sm">
          API keys
        </AnchorLink>
        ). <Code>firstName</Code> and <Code>lastName</Code> are required; send an <Code>Idempotency-Key</Code>{' '}
        header so a retried post creates one record. A bad post is refused with every problem listed, and
        nothing is saved.
      </Text>
      <Text size="sm" fw={500} id="curl-label">
        Example
      </Text>
      <Code block aria-labelledby="curl-label" data-testid="curl-example">
        {curl}
      </Code>
      <Text size="sm" c="dimmed">
        Fields:{' '}
        {LEAD_FIELD_KEYS.map((k, i) => (
          <span key={k}>
            {i ? ', ' : ''}
            <Code>{k}</Code>
          </span>
        ))}
        . Dates as YYYY-MM-DD or MM/DD/YYYY; phone numbers in any format.
      </Text>
    </Stack>
  );
}
