/** A signal that ends a request when its time is up or when `parent` aborts. */
export interface Deadline {
  signal: AbortSignal;
  /** True once the time ran out (not when `parent` aborted). */
  readonly expired: boolean;
  /** Stops the timer and stops listening to `parent`; call it when the request is over. */
  clear(): void;
}

/**
 * A deadline held by a timer of our own. `AbortSignal.timeout` inside `AbortSignal.any` is
 * not: on Node 20 a garbage collection can drop it, and the request then runs unbounded.
 * `ms` may be any number (fractions of a millisecond are rounded up).
 */
export function deadline(parent: AbortSignal, ms: number): Deadline {
  const controller = new AbortController();
  let expired = false;
  const onParentAbort = (): void => controller.abort(parent.reason);
  const timer = setTimeout(
    () => {
      expired = true;
      controller.abort(Object.assign(new Error(`timeout: no answer within ${Math.ceil(ms)} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' }));
    },
    Math.max(1, Math.ceil(ms)),
  );
  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    clear() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}
