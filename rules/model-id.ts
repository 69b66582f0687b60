import { pushTo } from "../src/collections.js";
import { Fix, type FixSafety, type Rule, type Target } from "../src/model/rule.js";
import { words } from "../src/model/names.js";
import type { Endpoint, LoweredFile, ModelRef, Value } from "../src/model/types.js";
import { MODEL_TRIGGERS, parseModelId, type KnownModel } from "./knowledge/models.js";

const ALL_LANGUAGES = ["python", "javascript", "typescript", "env", "yaml", "json", "toml", "shell"] as const;

/** Names that say the value is old on purpose (`LEGACY_MODEL`, `previousModelId`): upgrade logic, not a setting. */
const HISTORICAL = new Set(["legacy", "old", "deprecated", "previous", "prev", "retired", "former", "outdated"]);

/** Router prefixes that name Z.ai become Cerebras' when the model moves. */
function movedPrefix(prefix: string): string {
  return prefix.replace(/^(zai|zhipuai)\//, "cerebras/");
}

function describe(model: KnownModel): string {
  if (model.kind === "zai") return `\`${model.id}\` is Z.ai's model ID`;
  return `\`${model.id}\` was ${model.status ?? "retired"} by Cerebras on ${model.retired}`;
}

/** The string literal itself, quotes included, even when the value is `env ?? "..."`. */
function literalRange(value: Value): { start: number; end: number } {
  const content = value.contentRange!;
  const quoted = content.start > value.range.start && content.end < value.range.end;
  return quoted ? { start: content.start - 1, end: content.end + 1 } : content;
}

interface Plan {
  ref: ModelRef;
  message: string;
  /** The rewritten string, when the finding has a fix. */
  next?: string;
  safety?: FixSafety;
}

/**
 * Where a model string's request goes. A constant or list in a file whose every client talks to
 * Cerebras is taken to be for Cerebras too, but only as a guess: its fix is then unsafe.
 */
function endpointOf(file: LoweredFile, ref: ModelRef, prefixEndpoint: Endpoint | undefined): { endpoint: Endpoint; guessed: boolean } {
  if (prefixEndpoint) return { endpoint: prefixEndpoint, guessed: false };
  if (ref.endpoint !== "unknown" || ref.position === "argument" || ref.position === "provider") return { endpoint: ref.endpoint, guessed: false };
  const cerebrasOnly = file.clients.length > 0 && file.clients.every((client) => client.endpoint === "cerebras");
  return cerebrasOnly ? { endpoint: "cerebras", guessed: true } : { endpoint: "unknown", guessed: false };
}

function plan(file: LoweredFile, ref: ModelRef, target: Target): Plan | undefined {
  const { prefix, known, prefixEndpoint } = parseModelId(ref.value.string ?? "");
  if (!known || !ref.value.contentRange) return undefined;
  if (words(ref.key).some((word) => HISTORICAL.has(word))) return undefined;
  const { endpoint, guessed } = endpointOf(file, ref, prefixEndpoint);
  const next = movedPrefix(prefix) + target.model;

  if (known.kind === "cerebras-retired") {
    // The ID is Cerebras' own, wrong wherever it is sent; only a known Cerebras (or unknown)
    // endpoint makes the rewrite safe. A proxy elsewhere may map its own aliases.
    if (prefixEndpoint === "other") return undefined;
    if (!known.autoFix) {
      const suggestion = known.replacement ? `; Cerebras suggests \`${known.replacement}\`` : "";
      return { ref, message: `${describe(known)}${suggestion}. Choose a current model such as \`${target.model}\`` };
    }
    const safe = endpoint === "cerebras" || endpoint === "unknown";
    return { ref, message: `${describe(known)}; use \`${target.model}\``, next, safety: safe ? "safe" : "unsafe" };
  }

  // Z.ai's own IDs: valid on Z.ai, so only a problem where the code is moving to Cerebras.
  if (endpoint !== "cerebras" && endpoint !== "zai") return undefined;
  if (!known.autoFix) {
    return { ref, message: `${describe(known)}, ${known.note} with no Cerebras equivalent; choose a model Cerebras serves, such as \`${target.model}\`` };
  }
  if (endpoint === "cerebras") {
    return { ref, message: `${describe(known)}; on Cerebras the model is \`${target.model}\``, next, safety: guessed ? "unsafe" : "safe" };
  }
  return {
    ref,
    message: `${describe(known)} and this request still goes to Z.ai; move it to Cerebras and use \`${target.model}\``,
    next,
    safety: "unsafe",
  };
}

/**
 * In a list, several IDs may rewrite to the same target: only one of them gets the fix (a safe
 * one first), and none does when the target is listed already.
 */
function dropDuplicateFixes(plans: Plan[]): void {
  const groups = new Map<Value[], Plan[]>();
  for (const item of plans) {
    if (item.ref.siblings && item.next) pushTo(groups, item.ref.siblings, item);
  }
  for (const [siblings, members] of groups) {
    const byTarget = new Map<string, Plan[]>();
    for (const item of members) pushTo(byTarget, item.next!, item);
    for (const [next, candidates] of byTarget) {
      const listed = siblings.some((sibling) => sibling.string === next);
      const winner = listed ? undefined : (candidates.find((item) => item.safety === "safe") ?? candidates[0]);
      for (const item of candidates) {
        if (item === winner) continue;
        delete item.next;
        item.message += " (already listed here)";
      }
    }
  }
}

/** A setting other files send as their model: the message names where, so the fix here makes sense there. */
function usedAt(ref: ModelRef): string {
  const [first, ...more] = ref.usedAt ?? [];
  if (first === undefined) return "";
  return ` (used as the model in ${first}${more.length > 0 ? ` and ${more.length} more` : ""})`;
}

export const modelId: Rule = {
  meta: {
    id: "model-id",
    severity: "error",
    fix: "safe",
    languages: ALL_LANGUAGES,
    triggers: MODEL_TRIGGERS,
    docs: {
      summary: "Retired Cerebras model IDs and Z.ai's own IDs where the code talks to Cerebras.",
      whatItDoes:
        "Finds model IDs in model positions (a `model=`/`model:` argument, a variable or key named like a model, " +
        "`cerebras(\"...\")` of the Vercel AI SDK, an environment variable's default, a config value under a model " +
        "key) that Cerebras has retired, or that are Z.ai's names for GLM. `zai-glm-4.6` becomes `zai-glm-4.7`, " +
        "also inside prefixed forms such as LiteLLM's `cerebras/zai-glm-4.6`. Z.ai IDs (`glm-4.7`, `glm-4.6`, " +
        "`glm-4.5`) are rewritten where the call goes to Cerebras; where it still goes to Z.ai the rewrite is an " +
        "unsafe fix, since the endpoint must move too. Other retired IDs, and Z.ai's flash, air and vision " +
        "variants, are reported without a fix. Names that say the value is old on purpose (`LEGACY_MODEL`) are " +
        "left alone, and a list never gets the same ID twice. A setting defined in one module and used as the model " +
        "in another (`from config import MODEL`) is reported and fixed once, at its definition, naming a use.",
      why:
        "Cerebras deprecated `zai-glm-4.6` on 2026-01-20 in favour of GLM 4.7, and has retired the other IDs " +
        "listed; a request naming them fails. Z.ai's IDs are not Cerebras model names.",
      example: 'client.chat.completions.create(model="zai-glm-4.6", messages=messages)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=messages)',
      source: "API-FACTS.md §2 (Cerebras deprecation page; Z.ai model list)",
    },
  },
  check({ file, target, report }) {
    const plans = file.models.map((ref) => plan(file, ref, target)).filter((item): item is Plan => item !== undefined);
    dropDuplicateFixes(plans);
    for (const item of plans) {
      const content = item.ref.value.contentRange!;
      report({
        range: literalRange(item.ref.value),
        message: item.message + usedAt(item.ref),
        fix: item.next && item.safety ? Fix.of(item.safety, [{ start: content.start, end: content.end, text: item.next }], `Use \`${item.next}\``) : undefined,
      });
    }
  },
};
