import type { UseFormReturnType } from '@mantine/form';
import { errorMessage, isApiError } from './problem';

/** Whether `path` (dots between keys and array indexes, e.g. `statuses.2.name`) names a value of `values`. */
function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Put a problem's field errors (`errors[].path`) on the matching form fields, nested paths
 * included (`salesPermissions.textingWindow.end`). `paths` maps API paths to form fields where
 * they differ (e.g. `admin.email` → `email`). Returns the message to show above the form when
 * something could not be placed on a field, else null.
 */
export function applyProblemToForm<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  paths: Record<string, string> = {},
): string | null {
  if (!isApiError(error) || !error.problem.errors?.length) return errorMessage(error);
  const values = form.getValues();
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { path, message } of error.problem.errors) {
    const field = paths[path] ?? (path && hasPath(values, path) ? path : undefined);
    if (field) fieldErrors[field] ??= message;
    else unplaced.push(path ? `${path}: ${message}` : message);
  }
  form.setErrors(fieldErrors);
  if (unplaced.length === 0) return null;
  return `${error.problem.detail} ${unplaced.join(' ')}`;
}
