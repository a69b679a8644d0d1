// Small fetch helpers for the JSON HTTP API: errors come back as `{error: {code, message}}`.
// An ApiFailure's `message` is the server's English text (for logs); screens show
// `errorText(failure)` (i18n/wire.ts), written from the code in the reader's language.
import type { FieldError, PublicSessionInfo } from "../protocol.gen";
import type { ErrorBody } from "../api.gen";

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}


/** Fetches JSON; throws ApiFailure with the server's code and message on non-2xx. */
export async function api<T>(path: string, init: RequestInit & { bearer?: string; json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.bearer) headers.set("Authorization", `Bearer ${init.bearer}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, body });
  } catch {
    throw new ApiFailure(0, "NETWORK", "The server could not be reached. Check your connection.");
  }
  if (!res.ok) {
    // The typed envelope (api.gen.ts); anything else (a proxy's HTML page) falls back to the status.
    let parsed: Partial<ErrorBody> = {};
    try {
      parsed = (await res.json()) as Partial<ErrorBody>;
    } catch {
      // not JSON
    }
    const err = parsed.error;
    throw new ApiFailure(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `Request failed (${res.status})`, err?.fields ?? []);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Public info about a session (`GET /api/sessions/{code}`). */
export type SessionInfo = PublicSessionInfo;

export function sessionInfo(code: string): Promise<SessionInfo> {
  return api<SessionInfo>(`/api/sessions/${encodeURIComponent(code)}`);
}
