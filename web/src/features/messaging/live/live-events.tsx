import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createInvalidator, parseLiveEvent } from './live-invalidation';

export const EVENTS_URL = '/api/v1/events';

/**
 * The page's one live connection (GET /api/v1/events, Server-Sent Events): each message event
 * makes the queries that show it stale, so open timelines, the inbox and the unread badge update
 * without a reload. The browser reconnects by itself; after a reconnect everything is re-read.
 */
export function LiveEvents({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const invalidator = createInvalidator((queryKey) => void queryClient.invalidateQueries({ queryKey }));
    const source = new EventSource(EVENTS_URL, { withCredentials: true });
    let hadError = false;
    source.addEventListener('message', (e) => {
      const event = parseLiveEvent((e as MessageEvent<string>).data);
      if (event) invalidator.event(event);
    });
    source.addEventListener('resync', () => invalidator.everything());
    source.addEventListener('open', () => {
      if (hadError) invalidator.everything();
      hadError = false;
    });
    source.addEventListener('error', () => {
      hadError = true;
    });
    return () => source.close();
  }, [enabled, queryClient]);
  return null;
}
