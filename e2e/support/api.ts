import type { Page } from 'playwright-core';

/**
 * The API as the signed-in browser user (the page's cookies plus the session's CSRF token), for
 * setting up data quickly or checking what the UI saved.
 */
export async function apiAs(page: Page) {
  const me = await page.request.get('/api/v1/me');
  if (!me.ok()) throw new Error(`GET /api/v1/me answered ${me.status()}`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown) => {
    const res = await page.request.fetch(`/api/v1${path}`, {
      method,
      headers,
      ...(data === undefined ? {} : { data }),
    });
    const text = await res.text();
    return { status: res.status(), body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, data: unknown) => call('POST', path, data),
    patch: (path: string, data: unknown) => call('PATCH', path, data),
    delete: (path: string) => call('DELETE', path),
  };
}
