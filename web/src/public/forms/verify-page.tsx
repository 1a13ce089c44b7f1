import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../lib/problem';
import { ErrorAlert } from '../kit/feedback';
import { LOCALES, useLanguage, useMessages } from '../kit/i18n';
import { PublicLayout } from '../kit/public-layout';
import { useVerify } from './api';
import { formMessages } from './messages';

const hex = (buf: ArrayBuffer) =>
  [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** /verify: is this PDF one the account issued (unchanged)? The file is hashed in the browser. */
export function VerifyPage() {
  const t = useMessages(formMessages);
  const { language } = useLanguage();
  const verify = useVerify();
  const [hash, setHash] = useState('');
  const [bad, setBad] = useState(false);

  const check = (value: string) => {
    const v = value.trim().toLowerCase();
    setBad(!/^[0-9a-f]{64}$/.test(v));
    if (/^[0-9a-f]{64}$/.test(v)) verify.mutate(v);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const digest = hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    setHash(digest);
    check(digest);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    check(hash);
  };
  const r = verify.data;
  return (
    <PublicLayout
      title={t.verifyTitle}
      brand="OpenAMS"
      icon={<IconShieldCheck size={20} />}
      description={t.verifyIntro}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <div>
            <label htmlFor="verify-file">
              <Text fw={500} size="sm" mb={4}>
                {t.verifyFile}
              </Text>
            </label>
            <input
              id="verify-file"
              type="file"
              accept="application/pdf,.pdf"
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            />
          </div>
          <TextInput
            label={t.verifyHash}
            value={hash}
            onChange={(e) => setHash(e.currentTarget.value)}
            maxLength={80}
            error={bad ? t.verifyBadHash : undefined}
            spellCheck={false}
            autoComplete="off"
          />
          <Button type="submit" loading={verify.isPending}>
            {t.verifyButton}
          </Button>
          {verify.isError ? (
            <ErrorAlert title={t.verifyNotIssued}>{errorMessage(verify.error)}</ErrorAlert>
          ) : null}
          {r?.issued ? (
            <Alert
              color="green"
              variant="light"
              title={t.verifyIssued}
              role="status"
              data-testid="verify-result"
            >
              <Text>
                {t.verifyIssuedBody(
                  r.agencyName ?? '',
                  r.version ?? 1,
                  new Intl.DateTimeFormat(LOCALES[language], {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }).format(new Date(r.issuedAt ?? '')),
                )}
              </Text>
              {r.latestVersion === false ? <Text>{t.verifyNotLatest}</Text> : null}
            </Alert>
          ) : null}
          {r && !r.issued ? (
            <Alert
              color="red"
              variant="light"
              title={t.verifyNotIssued}
              role="status"
              data-testid="verify-result"
            >
              {t.verifyNotIssuedBody}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </PublicLayout>
  );
}
