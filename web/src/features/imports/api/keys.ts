import type { components, paths } from '../../../api/schema';

/** Every query about imports starts with this key (history, one import, its progress). */
export const importsQueryKey = ['imports'] as const;

export type Import = components['schemas']['Import'];
export type ImportStatus = Import['status'];
export type ImportUpload = paths['/api/v1/imports']['post']['responses'][201]['content']['application/json'];
export type ImportColumn =
  paths['/api/v1/imports/columns']['get']['responses'][200]['content']['application/json']['items'][number];

/** Links the browser follows itself (downloads with the session cookie). */
export const TEMPLATE_CSV_URL = '/api/v1/imports/template.csv';
export const errorReportUrl = (id: string) => `/api/v1/imports/${id}/errors.csv`;
