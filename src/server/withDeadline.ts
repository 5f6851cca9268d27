/**
 * `promise`, or a rejection saying what did not answer once `ms` have passed. The promise itself goes on (a NATS
 * request cannot be taken back); its late result is dropped, so nothing waits on it for ever.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${(Math.max(0, ms) / 1000).toFixed(1)} s`)), Math.max(0, ms));
  });
  promise.catch(() => {}); // a late failure is not unhandled
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
