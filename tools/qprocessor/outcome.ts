/**
 * What the worker does with its k-th message (counting from 1). Injected failures come first, in
 * this order: crash, lose, nack (retry later), reject (do not retry); otherwise it is processed.
 */
export type Outcome = 'crash' | 'lose' | 'nack' | 'reject' | 'process';

export interface FailureRates { crashEvery?: number; loseEvery?: number; nackEvery?: number; rejectEvery?: number }

const every = (n: number | undefined, k: number): boolean => !!n && n > 0 && k % n === 0;

export function outcomeFor(k: number, r: FailureRates): Outcome {
  if (every(r.crashEvery, k)) return 'crash';
  if (every(r.loseEvery, k)) return 'lose';
  if (every(r.nackEvery, k)) return 'nack';
  if (every(r.rejectEvery, k)) return 'reject';
  return 'process';
}

/** The fake work: delayPerChar seconds per character of the body, as the lab sheet's worker. */
export function workMillis(body: string, delayPerChar: number): number {
  return Math.round(body.length * delayPerChar * 1000);
}
