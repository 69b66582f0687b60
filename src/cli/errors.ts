/** A usage, config or input error: exit code 2 with a one-line message, no stack trace. */
export class UsageError extends Error {}
