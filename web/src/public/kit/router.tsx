import { Anchor, type AnchorProps } from '@mantine/core';
import { type ComponentPropsWithoutRef, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * The public pages' router: a handful of path patterns, the History API, nothing else (the app's
 * TanStack Router stays in the app's bundle — docs/decisions/030).
 */

const NAVIGATED = 'openams:navigated';

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
};

/** The current path (re-renders on navigation, back and forward). */
export const usePathname = () => useSyncExternalStore(subscribe, () => window.location.pathname);

/** Go to another public page without reloading. */
export function navigate(href: string) {
  window.history.pushState(null, '', href);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATED));
}

/**
 * The params of `pattern` ("/book/:slug/manage/:token") in `pathname`, or null when it does not
 * match. Params are decoded; a malformed escape does not match.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = pathname.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (!g) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

/** A link between public pages: a real `<a href>`, followed without a reload on a plain click. */
export function Link({
  href,
  onClick,
  ...props
}: AnchorProps & Omit<ComponentPropsWithoutRef<'a'>, keyof AnchorProps> & { href: string }) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <Anchor href={href} onClick={follow} {...props} />;
}
