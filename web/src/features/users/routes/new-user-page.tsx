import { useNavigate, useSearch } from '@tanstack/react-router';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { useEditorLookups } from '../components/use-editor-lookups';
import { type EditorTab, UserEditor } from '../components/user-editor';

export function NewUserPage() {
  const { tab = 'details' } = useSearch({ from: '/app/settings/users/new' });
  const navigate = useNavigate({ from: '/settings/users/new' });
  const lookups = useEditorLookups();
  const setTab = (next: EditorTab) =>
    void navigate({ search: next === 'details' ? {} : { tab: next }, replace: true });
  return (
    <Page
      title="New user"
      description="Fill in the Details; on the Sales tab choose what they may do with Sales Records. “Save & Email Login Info” emails them a temporary password."
    >
      {lookups.status === 'loading' ? (
        <Loading label="Loading groups, agents and teams…" />
      ) : lookups.status === 'error' ? (
        <QueryError error={lookups.error} onRetry={lookups.retry} />
      ) : (
        <UserEditor lookups={lookups.lookups} tab={tab} onTabChange={setTab} />
      )}
    </Page>
  );
}
