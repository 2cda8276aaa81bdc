import type { ErrorBody } from '../../src/platform/contract.ts';

/** Every call to the backend goes through `apiRequest`: one place for credentials, CSRF and 401 handling. */
export const API_BASE = '/api/v1';

export type Issue = ErrorBody['issues'][number];

/** A failed call. `code` is the API's error code, or NETWORK / BAD_RESPONSE when no error body came back. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

type UnauthenticatedHandler = (error: ApiError) => void;
let onUnauthenticated: UnauthenticatedHandler | null = null;

/** The authentication layer registers here what to do when the session is gone (e.g. go to the login page). */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler | null): void {
  onUnauthenticated = handler;
}

let onPasswordChangeRequired: UnauthenticatedHandler | null = null;

/** 403 PASSWORD_CHANGE_REQUIRED: the user must change a temporary password before anything else works. */
export function setPasswordChangeRequiredHandler(handler: UnauthenticatedHandler | null): void {
  onPasswordChangeRequired = handler;
}

type HeaderProvider = (method: string) => Record<string, string>;

/** docs/security.md: unsafe requests carry X-CSRF-Token, readable from the non-HttpOnly `xiezuo_csrf` cookie. */
function csrfFromCookie(method: string): Record<string, string> {
  if (method === 'GET' || typeof document === 'undefined') return {};
  const match = document.cookie.match(/(?:^|;\s*)xiezuo_csrf=([^;]+)/);
  return match ? { 'X-CSRF-Token': decodeURIComponent(match[1]) } : {};
}
let headerProvider: HeaderProvider | null = csrfFromCookie;

/** The authentication layer adds its headers here (e.g. the CSRF token on POST/PATCH/DELETE). */
export function setRequestHeaderProvider(provider: HeaderProvider | null): void {
  headerProvider = provider;
}

/** Leaves out empty values so that `{ q: '' }` does not become `?q=`. */
export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as the raw request body (Excel imports), instead of a JSON `body`. */
  file?: { data: Blob; type: string };
  /** 'file': the answer is a download, returned as a `DownloadedFile`. */
  expect?: 'json' | 'file';
  signal?: AbortSignal;
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (filename* or filename), or null. */
  fileName: string | null;
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : null;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return !!value && typeof value === 'object' && typeof (value as ErrorBody).message === 'string' && typeof (value as ErrorBody).code === 'string';
}

export async function apiRequest<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: options.expect === 'file' ? '*/*' : 'application/json', ...headerProvider?.(method) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.type;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '');
  }
  if (response.status === 204) return undefined as T;
  if (response.ok && options.expect === 'file') {
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) } as T;
  }
  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }
  if (!response.ok) {
    const error = isErrorBody(payload)
      ? new ApiError(response.status, payload.code, payload.message, payload.issues ?? [], payload.details)
      : new ApiError(response.status, 'BAD_RESPONSE', '');
    if (response.status === 401 && onUnauthenticated) onUnauthenticated(error);
    if (response.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED' && onPasswordChangeRequired) onPasswordChangeRequired(error);
    throw error;
  }
  if (text && payload === undefined) throw new ApiError(response.status, 'BAD_RESPONSE', '');
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
  /** GET a file (Excel, XML) with the session cookie; save it with `saveFile` (ui/download.ts). */
  download: (path: string, query?: Query) => apiRequest<DownloadedFile>('GET', path, { query, expect: 'file' }),
  /** POST a file as the raw body; `type` is its Content-Type (XLSX_TYPE, CSV_TYPE in ui/sheets.ts). */
  upload: <T>(path: string, file: Blob, type: string, query?: Query) => apiRequest<T>('POST', path, { query, file: { data: file, type } }),
};

export function isAbort(err: unknown): boolean {
  return (err as Error)?.name === 'AbortError';
}
