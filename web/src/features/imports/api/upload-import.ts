import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { ImportUpload } from './keys';

/**
 * POST /imports as multipart/form-data (field "file"): the server streams the file to storage,
 * checks its encoding and syntax, and answers with the row count, headings, suggested mapping and
 * the first rows.
 */
export function useUploadImport() {
  return useMutation({
    mutationFn: (file: File): Promise<ImportUpload> => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(api.POST('/api/v1/imports', { body: form as never }));
    },
  });
}
