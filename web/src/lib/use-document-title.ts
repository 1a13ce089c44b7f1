import { useEffect } from 'react';

/** `<title>` for the current page: "Page · OpenAMS". */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · OpenAMS` : 'OpenAMS';
  }, [title]);
}
