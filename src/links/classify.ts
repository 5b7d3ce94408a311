/**
 * What one response or one error means for a link. Pure: no I/O, no clock except the `now`
 * passed in.
 *
 * - `alive`: 2xx, or a status the host's config accepts.
 * - `redirect`: 3xx with a Location.
 * - `gone`: 404 / 410 — dead once a second attempt agrees.
 * - `head-refused`: an answer to HEAD that a GET may not give (405, 403, 501, other 4xx/5xx).
 * - `retry`: 429, 5xx, timeouts, resets — worth another try after a pause.
 * - `unverifiable`: the site would not tell us (401, 403, 999, bot protection, …).
 */
export type Outcome =
  | { kind: 'alive' }
  | { kind: 'redirect' }
  | { kind: 'gone'; reason: string }
  | { kind: 'head-refused' }
  | { kind: 'retry'; reason: string }
  | { kind: 'unverifiable'; reason: string };

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  999: 'Request Denied',
};

export function describeStatus(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : String(status);
}

export function classifyResponse(
  status: number,
  headers: Record<string, string>,
  method: string,
  acceptStatus: readonly number[],
): Outcome {
  if (acceptStatus.includes(status)) return { kind: 'alive' };
  const mitigated = headers['cf-mitigated'];
  if (mitigated) return { kind: 'unverifiable', reason: `bot protection (cf-mitigated: ${mitigated})` };
  if (status >= 200 && status < 300) return { kind: 'alive' };
  if (status >= 300 && status < 400 && headers['location']) return { kind: 'redirect' };
  if (status === 404 || status === 410) return { kind: 'gone', reason: describeStatus(status) };
  if (status === 429) return { kind: 'retry', reason: describeStatus(status) };
  if (method === 'HEAD' && status >= 400 && status !== 401) return { kind: 'head-refused' };
  if (status >= 500 && status < 600) return { kind: 'retry', reason: describeStatus(status) };
  return { kind: 'unverifiable', reason: describeStatus(status) };
}

/**
 * Errors without a response. A refused connection is dead (something answered: nobody
 * listens there); a name the DNS says does not exist is dead, decided by the caller with
 * `NxdomainJudge` (see resolver.ts); anything else that may pass is retried; what remains is
 * unverifiable.
 */
export function classifyError(error: unknown): { kind: 'gone' | 'retry' | 'unverifiable'; reason: string; code: string } {
  const code = errorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'gone', reason: 'connection refused', code };
    case 'ERR_FORBIDDEN_ADDRESS':
      return { kind: 'unverifiable', reason: (error as Error).message, code };
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return { kind: 'retry', reason: `timeout (${code})`, code };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return { kind: 'retry', reason: `connection reset (${code})`, code };
    case 'EAI_AGAIN':
      return { kind: 'retry', reason: 'name resolution failed temporarily (EAI_AGAIN)', code };
    default:
      return { kind: 'unverifiable', reason: code ? `${code}: ${(error as Error).message}` : String(error), code };
  }
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  if (name === 'AbortError' || name === 'TimeoutError') return 'ABORTED';
  return cause ? errorCode(cause) : '';
}

/**
 * How long a host asks us to wait: `Retry-After` (seconds or an HTTP date) or
 * `x-ratelimit-reset` (epoch seconds, as GitHub sends) when the limit is spent. Null when the
 * response says nothing.
 */
export function requestedPauseMs(status: number, headers: Record<string, string>, now: number): number | null {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers['x-ratelimit-reset']);
  const spent = status === 429 || headers['x-ratelimit-remaining'] === '0';
  if (spent && Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  return null;
}
