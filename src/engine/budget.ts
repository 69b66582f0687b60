import { UNLIMITED, type Budget } from "../model/budget.js";

/** A file took longer than its time budget: it is reported and skipped, and the run goes on. */
export class FileTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`took longer than ${seconds}s to analyse`);
  }
}

export function timeBudget(milliseconds: number | undefined): Budget {
  if (!milliseconds || milliseconds <= 0 || !Number.isFinite(milliseconds)) return UNLIMITED;
  const deadline = performance.now() + milliseconds;
  const expired = (): boolean => performance.now() > deadline;
  return {
    expired,
    check: () => {
      if (expired()) throw new FileTimeout(Math.round(milliseconds / 100) / 10);
    },
  };
}
