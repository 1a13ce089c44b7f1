import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { LeadInfoForm } from '../components/lead-info-form';
import { useLeadLookups } from '../components/use-lead-lookups';

export function NewLeadPage() {
  const lookups = useLeadLookups();
  return (
    <Page
      title="New lead"
      description="Only first and last name are required. Phone numbers may be typed in any format."
    >
      {lookups.status === 'loading' ? (
        <Loading label="Loading record types…" />
      ) : lookups.status === 'error' ? (
        <QueryError error={lookups.error} onRetry={lookups.retry} />
      ) : (
        <LeadInfoForm lookups={lookups.lookups} />
      )}
    </Page>
  );
}
