/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie
 * (same-origin). Every error response is problem+json; it becomes an ApiError carrying the
 * field issues, so a form can put each message under the field it names.
 */

export type Issue = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly issues: Issue[];
  /** Seconds to wait before retrying (429), when the server says. */
  readonly retryAfter: number | undefined;

  constructor(status: number, title: string, detail: string, issues: Issue[], retryAfter?: number) {
    super(detail || title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.issues = issues;
    this.retryAfter = retryAfter;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

async function toError(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get("retry-after"));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's HTML error page, a dropped connection): fall back to the status line.
  }
  const p = (body ?? {}) as { title?: unknown; detail?: unknown; issues?: unknown };
  const issues = Array.isArray(p.issues)
    ? p.issues.filter(
        (i): i is Issue =>
          typeof i === "object" && i !== null && typeof i.path === "string" && typeof i.message === "string",
      )
    : [];
  const title = typeof p.title === "string" ? p.title : res.statusText || `HTTP ${res.status}`;
  const detail = typeof p.detail === "string" ? p.detail : title;
  return new ApiError(res.status, title, detail, issues, retryAfter);
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { accept: "application/json" }
          : { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      "No connection",
      "Could not reach the server. Check your connection and try again.",
      [],
    );
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};
