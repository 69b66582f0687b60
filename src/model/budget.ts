/**
 * A time limit for one file, checked at points the parsers and the rule loop pass often. The
 * engine makes one per file (engine/budget.ts); the languages only see this interface.
 */
export interface Budget {
  expired(): boolean;
  /** Throws once the time is up (the engine's FileTimeout). */
  check(): void;
}

export const UNLIMITED: Budget = { expired: () => false, check: () => undefined };
