import { List } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/feedback';

/** A refusal with every problem listed (the API's problem detail and its field errors). */
export function ProblemAlert({
  title,
  detail,
  problems,
}: {
  title: string;
  detail?: ReactNode;
  problems: string[];
}) {
  return (
    <ErrorAlert title={title}>
      {detail ? <div>{detail}</div> : null}
      {problems.length ? (
        <List size="sm" mt={detail ? 'xs' : 0} spacing={4} data-testid="problem-list">
          {problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      ) : null}
    </ErrorAlert>
  );
}
