import { type Person, people } from './tokens';

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small HTTP client for the API tests: JSON in, JSON (or problem+json) out. */
export function httpClient(base: () => string) {
  async function request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as?: Person | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const who = options.as === undefined ? 'caseworker' : options.as;
    if (who) headers.authorization = `Bearer ${people[who].token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${base()}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the docs page)
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return {
    request,
    get: <T = Record<string, unknown>>(path: string, as?: Person | null) =>
      request<T>('GET', path, { as: as === undefined ? 'caseworker' : as }),
    post: <T = Record<string, unknown>>(
      path: string,
      body: unknown,
      as?: Person | null,
      headers?: Record<string, string>,
    ) =>
      request<T>('POST', path, {
        as: as === undefined ? 'caseworker' : as,
        body,
        ...(headers ? { headers } : {}),
      }),
  };
}

/** Retries an assertion until it holds: visibility (lists) is eventually consistent. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
