import { Stack } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';
import { useImport } from '../api/get-import';
import { useImportColumns } from '../api/get-import-columns';
import { type Import, type ImportColumn, importsQueryKey, type ImportUpload } from '../api/keys';
import { DefaultsStep } from '../components/defaults-step';
import {
  initialTargets,
  isRunning,
  type MappingProblem,
  stepOf,
  type Targets,
  UNMAPPED,
} from '../components/import-flow';
import { MappingStep, type UploadedFile } from '../components/mapping-step';
import { ProgressStep } from '../components/progress-step';
import { ResultStep } from '../components/result-step';
import { StepFrame } from '../components/step-frame';
import { UploadStep } from '../components/upload-step';

/**
 * Import leads from a CSV: upload → preview and mapping → defaults → progress → result. The
 * import's id is in the address, so a reload (or a link from the history) comes back to the step
 * the import is at.
 */
export function ImportLeadsPage() {
  const { id } = useSearch({ from: '/app/leads/import' });
  const navigate = useNavigate({ from: '/leads/import' });
  // The first rows come only with the upload's answer: kept here for the preview.
  const [uploaded, setUploaded] = useState<ImportUpload | null>(null);

  return (
    <Page
      title="Import leads"
      description="Bring leads in from a CSV file as Sales Records. Rows that match an existing lead are not imported twice."
      actions={
        <ButtonLink to="/leads/imports" variant="default" leftSection={<IconHistory size={16} aria-hidden />}>
          Import history
        </ButtonLink>
      }
    >
      {id ? (
        <ImportFlow key={id} id={id} upload={uploaded?.id === id ? uploaded : null} />
      ) : (
        <StepFrame step="upload" finished={false}>
          <UploadStep
            onUploaded={(u) => {
              setUploaded(u);
              void navigate({ search: { id: u.id } });
            }}
          />
        </StepFrame>
      )}
    </Page>
  );
}

function ImportFlow({ id, upload }: { id: string; upload: ImportUpload | null }) {
  const imp = useImport(id);
  const columns = useImportColumns();
  const queryClient = useQueryClient();
  const status = imp.data?.status;
  // Before the start, the user moves between the mapping and the defaults.
  const [uploadedStep, setUploadedStep] = useState<'mapping' | 'defaults'>('mapping');

  // When a running import ends, the lead list and the history are out of date.
  const previous = useRef(status);
  useEffect(() => {
    if (isRunning(previous.current) && !isRunning(status)) {
      void queryClient.invalidateQueries({ queryKey: salesRecordsQueryKey });
      void queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'history'] });
    }
    previous.current = status;
  }, [status, queryClient]);

  const failed = [imp, columns].find((q) => q.isError);
  if (failed)
    return (
      <Stack gap="sm">
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
        <AnchorLink to="/leads/import" search={{}}>
          Start a new import
        </AnchorLink>
      </Stack>
    );
  if (!imp.data || !columns.data) return <Loading label="Loading the import…" />;
  return (
    <StepFrame
      step={stepOf(imp.data.status, uploadedStep)}
      finished={imp.data.status === 'completed'}
      focusOnMount={upload !== null}
    >
      {imp.data.status === 'uploaded' ? (
        <BeforeStart
          imp={imp.data}
          upload={upload}
          columns={columns.data}
          step={uploadedStep}
          onStep={setUploadedStep}
        />
      ) : isRunning(imp.data.status) ? (
        <ProgressStep imp={imp.data} />
      ) : (
        <ResultStep imp={imp.data} />
      )}
    </StepFrame>
  );
}

/** Steps 2 and 3 of an uploaded import: the mapping (kept while going back and forth) and the defaults. */
function BeforeStart({
  imp,
  upload,
  columns,
  step,
  onStep,
}: {
  imp: Import;
  upload: ImportUpload | null;
  columns: ImportColumn[];
  step: 'mapping' | 'defaults';
  onStep: (step: 'mapping' | 'defaults') => void;
}) {
  const navigate = useNavigate({ from: '/leads/import' });
  const suggested =
    upload?.suggestedMapping ?? imp.mapping ?? imp.headings.map((heading) => ({ heading, target: UNMAPPED }));
  const [targets, setTargets] = useState<Targets>(() => initialTargets(suggested));
  const [apiProblems, setApiProblems] = useState<MappingProblem[]>([]);
  const file: UploadedFile = {
    fileName: imp.fileName,
    totalRows: imp.totalRows,
    headings: imp.headings,
    undocumented: suggested.filter((m) => m.target === UNMAPPED).map((m) => m.heading),
    preview: upload?.preview ?? null,
    previewRows: upload?.previewRows ?? null,
  };

  return step === 'mapping' ? (
    <MappingStep
      file={file}
      columns={columns}
      targets={targets}
      onChange={(next) => {
        setTargets(next);
        setApiProblems([]);
      }}
      apiProblems={apiProblems}
      onBack={() => void navigate({ search: {} })}
      onNext={() => onStep('defaults')}
    />
  ) : (
    <DefaultsStep
      importId={imp.id}
      fileName={imp.fileName}
      totalRows={imp.totalRows}
      targets={targets}
      onMappingProblems={(problems) => {
        setApiProblems(problems);
        onStep('mapping');
      }}
      onBack={() => onStep('mapping')}
    />
  );
}
