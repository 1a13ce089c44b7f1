import { Alert, Button, Checkbox, Code, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { IconSignature } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../../lib/problem';
import { ErrorAlert, Loading } from '../kit/feedback';
import { LOCALES, useLanguage, useMessages } from '../kit/i18n';
import { PublicLayout } from '../kit/public-layout';
import { type PublicForm, usePublicForm, useSignForm } from './api';
import { formMessages } from './messages';
import { SignatureCanvas } from './signature-canvas';

type Plan = PublicForm['plans'][number];

/** /forms/$token: the beneficiary reads, consents (E-SIGN) and signs. No account; phone first. */
export function SignFormPage({ token }: { token: string }) {
  const t = useMessages(formMessages);
  const form = usePublicForm(token);
  const frame = (title: string, body: React.ReactNode, brand?: string) => (
    <PublicLayout title={title} brand={brand ?? 'OpenAMS'} icon={<IconSignature size={20} />}>
      {body}
    </PublicLayout>
  );
  if (form.isPending) return frame(t.loadingForm, <Loading label={t.loadingForm} />);
  if (form.isError) {
    const status = isApiError(form.error) ? form.error.status : 0;
    if (status === 410) return frame(t.expiredTitle, <Text>{t.expiredBody}</Text>);
    if (status === 409) return frame(t.usedTitle, <Text>{t.usedBody}</Text>);
    if (status === 404 || status === 400)
      return frame(t.linkNotValidTitle, <Text>{t.linkNotValidBody}</Text>);
    return frame(
      t.linkNotValidTitle,
      <ErrorAlert title={t.linkNotValidTitle}>{errorMessage(form.error)}</ErrorAlert>,
    );
  }
  return <SignForm token={token} form={form.data} />;
}

function SignForm({ token, form }: { token: string; form: PublicForm }) {
  const t = useMessages(formMessages);
  const { language } = useLanguage();
  const text = form.texts[language];
  const sign = useSignForm(token);
  const [consent, setConsent] = useState(false);
  const offered: Plan[] = [...new Set([...form.plansOffered, ...form.plans])];
  const [plans, setPlans] = useState<string[]>(form.plans);
  const [rep, setRep] = useState(false);
  const [repName, setRepName] = useState('');
  const [repRelationship, setRepRelationship] = useState('');
  const [signerName, setSignerName] = useState(form.beneficiaryName);
  const [mode, setMode] = useState<'typed' | 'drawn'>(form.signatureModes[0] ?? 'typed');
  const [typed, setTyped] = useState('');
  const [drawn, setDrawn] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  if (sign.isSuccess) {
    return (
      <PublicLayout title={t.doneTitle} brand={form.agent.agencyName} icon={<IconSignature size={20} />}>
        <Stack gap="md" align="flex-start" data-testid="signed">
          <Text>{t.doneBody}</Text>
          <Text size="sm">{t.docHash}:</Text>
          <Code block data-testid="signed-hash" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
            {sign.data.sha256}
          </Code>
          {sign.data.successUrl ? (
            <Button component="a" href={sign.data.successUrl}>
              {t.continue}
            </Button>
          ) : null}
        </Stack>
      </PublicLayout>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: string[] = [];
    if (!consent) missing.push(t.needConsent);
    if (form.kind === 'soa' && plans.length === 0) missing.push(t.needPlans);
    if (mode === 'typed' ? !typed.trim() : !drawn) missing.push(t.needSignature);
    if (rep && (!repName.trim() || !repRelationship.trim())) missing.push(t.needRep);
    setProblems(missing);
    if (missing.length) return;
    sign.mutate({
      consentToElectronicRecords: true,
      ...(form.kind === 'soa' ? { plans: plans as Plan[] } : {}),
      signature:
        mode === 'typed' ? { kind: 'typed', text: typed.trim() } : { kind: 'drawn', dataUrl: drawn! },
      signerName: signerName.trim() || form.beneficiaryName,
      authorizedRepresentative: rep ? { name: repName.trim(), relationship: repRelationship.trim() } : null,
    });
  };

  const expires = new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(form.expiresAt));
  return (
    <PublicLayout
      title={text.title}
      brand={form.agent.agencyName}
      icon={<IconSignature size={20} />}
      description={t.expires(expires)}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Stack gap={6}>
            {text.intro.map((p) => (
              <Text key={p}>{p}</Text>
            ))}
          </Stack>
          <section aria-labelledby="agent-h">
            <Title order={2} fz="lg" id="agent-h">
              {t.yourAgent}
            </Title>
            <Text>{form.agent.name}</Text>
            <Text size="sm">
              {t.phone}: <a href={`tel:${form.agent.phone}`}>{form.agent.phone}</a>
            </Text>
            {form.agent.salesRepId ? (
              <Text size="sm">
                {t.salesRepId}: {form.agent.salesRepId}
              </Text>
            ) : null}
            {form.agent.npn ? (
              <Text size="sm">
                {t.npn}: {form.agent.npn}
              </Text>
            ) : null}
          </section>

          <section aria-labelledby="esign-h">
            <Title order={2} fz="lg" id="esign-h" mb={6}>
              {t.esignTitle}
            </Title>
            <Stack gap={6} mb="sm">
              {text.esign.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Stack>
            <Checkbox
              label={text.esignAgree}
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
              data-testid="esign-consent"
            />
          </section>

          {form.kind === 'soa' ? (
            <Checkbox.Group label={text.plansQuestion} value={plans} onChange={setPlans} withAsterisk>
              <Stack gap={8} mt={8}>
                {offered.map((p) => (
                  <Checkbox key={p} value={p} label={t.plans[p]} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : (
            <section aria-labelledby="body-h">
              <Title order={2} fz="lg" id="body-h" mb={6}>
                {form.kind === 'aca_consent' ? t.consentTitle : t.attestTitle}
              </Title>
              <Stack gap={6}>
                {text.body.map((p) => (
                  <Text key={p}>{p}</Text>
                ))}
              </Stack>
            </section>
          )}

          <section aria-labelledby="who-h">
            <Title order={2} fz="lg" id="who-h" mb={6}>
              {t.repTitle}
            </Title>
            <Stack gap="sm">
              <Checkbox
                label={t.repSomeoneElse}
                checked={rep}
                onChange={(e) => setRep(e.currentTarget.checked)}
              />
              {rep ? (
                <>
                  <TextInput
                    label={t.repName}
                    value={repName}
                    onChange={(e) => setRepName(e.currentTarget.value)}
                    maxLength={200}
                    required
                  />
                  <TextInput
                    label={t.repRelationship}
                    value={repRelationship}
                    onChange={(e) => setRepRelationship(e.currentTarget.value)}
                    maxLength={100}
                    required
                  />
                </>
              ) : (
                <TextInput
                  label={t.signerName}
                  value={signerName}
                  onChange={(e) => setSignerName(e.currentTarget.value)}
                  maxLength={200}
                  autoComplete="name"
                />
              )}
            </Stack>
          </section>

          <section aria-labelledby="sig-h">
            <Title order={2} fz="lg" id="sig-h" mb={6}>
              {t.signatureTitle}
            </Title>
            <Stack gap="sm">
              {form.signatureModes.length > 1 ? (
                <Radio.Group
                  value={mode}
                  onChange={(v) => setMode(v as 'typed' | 'drawn')}
                  aria-labelledby="sig-h"
                >
                  <Stack gap={6}>
                    <Radio value="typed" label={t.typed} />
                    <Radio value="drawn" label={t.drawn} />
                  </Stack>
                </Radio.Group>
              ) : null}
              {mode === 'typed' ? (
                <TextInput
                  label={t.typedLabel}
                  value={typed}
                  onChange={(e) => setTyped(e.currentTarget.value)}
                  maxLength={100}
                  styles={{ input: { fontFamily: 'cursive', fontSize: 22 } }}
                />
              ) : (
                <SignatureCanvas
                  label={t.drawArea}
                  hint={t.drawHint}
                  clearLabel={t.clear}
                  onChange={setDrawn}
                />
              )}
              <Text size="sm">{text.signAgree}</Text>
            </Stack>
          </section>

          {problems.length ? (
            <Alert color="red" variant="light" role="alert" title={t.couldNotSign}>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {sign.isError ? <ErrorAlert title={t.couldNotSign}>{errorMessage(sign.error)}</ErrorAlert> : null}
          <Button type="submit" size="md" loading={sign.isPending} fullWidth>
            {sign.isPending ? t.signing : t.sign}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
