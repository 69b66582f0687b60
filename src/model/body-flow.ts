import { pushTo } from "../collections.js";
import type { Entry, Value } from "./types.js";

/**
 * A request body is often built as a dict or object and then changed before it is sent:
 * `params["max_tokens"] = n`, `params.disable_reasoning = true`, `kwargs.update(top_p=0.9)`,
 * `Object.assign(body, {...})`. The lowerers record each change; this module gives the body a
 * request sends: the literal the name was given in the request's own function, with the changes
 * made to it between the literal and the request as `later` entries.
 */

/** One change of what a name holds: the entries it sets (a spread entry for what cannot be seen). */
export interface RawChange {
  /** The dict or object changed (`params`, `body.extra`). */
  name: string;
  /** Its function (start offset), -1 at module level. */
  scope: number;
  /** Where the changing statement starts. */
  at: number;
  entries: Entry[];
}

const key = (scope: number, name: string): string => `${scope}\u0000${name}`;

export class BodyFlow {
  private readonly changesOf = new Map<string, RawChange[]>();
  /** Names changed in a function other than the one that assigns them: what they hold is unknown. */
  private readonly changedElsewhere = new Set<string>();

  /**
   * @param assigned every whole assignment of a name, by scope and name, in file order
   * @param changes the changes the lowerer met
   */
  constructor(
    private readonly assigned: ReadonlyMap<string, readonly Value[]>,
    changes: readonly RawChange[],
  ) {
    for (const change of changes) {
      pushTo(this.changesOf, key(change.scope, change.name), change);
      if (!assigned.has(key(change.scope, change.name))) this.changedElsewhere.add(change.name);
    }
  }

  /**
   * The dict or object `name` holds where a request at `at` in `scope` uses it: the one literal it
   * is given in that function (or at module level), with the changes made to it before `at`.
   * Undefined when it is assigned more than once there, is no literal, or is changed where the
   * file cannot follow (in another function).
   */
  valueAt(name: string, scope: number, at: number): Value | undefined {
    const own = this.assigned.get(key(scope, name));
    const where = own ? scope : -1;
    const values = own ?? this.assigned.get(key(-1, name));
    if (!values || values.length !== 1) return undefined;
    const literal = values[0]!;
    if (literal.kind !== "object" || !literal.list || literal.range.start > at) return undefined;
    if (where === -1 && this.changedElsewhere.has(name)) return undefined;
    const later = (this.changesOf.get(key(where, name)) ?? []).filter((change) => change.at > literal.range.end && change.at < at);
    if (later.length === 0) return literal;
    const entries = [...literal.list.entries, ...later.flatMap((change) => change.entries)];
    return { ...literal, list: { ...literal.list, entries } };
  }
}

/** An entry set by a later statement; `range` is what a report points at (the statement or argument). */
export function laterEntry(entry: Entry): Entry {
  return { ...entry, later: true };
}
