import { distance } from "fastest-levenshtein";
import { TEST_PLACES } from "../src/model/literals.js";
import { words } from "../src/model/names.js";
import { Fix, type Rule } from "../src/model/rule.js";
import type { ModelRef } from "../src/model/types.js";
import { CATALOG, type CatalogModel } from "./knowledge/catalog.js";
import { parseModelId } from "./knowledge/models.js";
import { CEREBRAS_TRIGGERS } from "./common/triggers.js";
import { OTHER_PROVIDER_WORDS } from "./knowledge/endpoints.js";
import { literalRange } from "./common/values.js";
import { FOLLOWS } from "./common/follows.js";

const ALL_LANGUAGES = ["python", "javascript", "typescript", "env", "yaml", "json", "toml", "shell"] as const;

const CEREBRAS_MODELS = CATALOG.models.filter((model) => model.provider === "cerebras");

/** Case, hyphens, dots and underscores are what typos and other providers' spellings change. */
function normalized(id: string): string {
  return id.toLowerCase().replace(/[-_.\s]/g, "");
}

/** A size or version number that differs names another model, not a typo (`gpt-oss-20b`, `zai-glm-4.8`). */
function digits(id: string): string {
  return id.replace(/\D/g, "");
}

/** Other tools' spellings of Cerebras models, as the catalog records them (`openai/gpt-oss-120b`). */
const SPELLINGS = new Map(CEREBRAS_MODELS.flatMap((model) => (model.spellings ?? []).map((entry) => [entry.spelling.toLowerCase(), model] as const)));

interface Miss {
  model: CatalogModel;
  /** The intended ID is certain: same letters and numbers, or a spelling the catalog records. */
  certain: boolean;
}

/** The catalog model an unknown ID is a close miss of, when there is exactly one. */
function closeMiss(id: string): Miss | undefined {
  const spelled = SPELLINGS.get(id.toLowerCase());
  if (spelled) return { model: spelled, certain: true };
  const same = CEREBRAS_MODELS.filter((model) => normalized(model.id) === normalized(id));
  if (same.length === 1) return { model: same[0]!, certain: true };
  const near = CEREBRAS_MODELS.filter((model) => digits(model.id) === digits(id) && distance(model.id, id.toLowerCase()) <= 2);
  return near.length === 1 ? { model: near[0]!, certain: false } : undefined;
}

/** Strings that are templates or expressions rather than IDs are nobody's model name. */
const ID_SHAPE = /^[A-Za-z0-9][\w.:/-]*$/;

function dateOf(model: CatalogModel): string | undefined {
  return (model.status.value === "deprecated" ? model.deprecatedOn : (model.retiredOn ?? model.deprecatedOn))?.value;
}

/** What the close miss's model is now, for the message: nothing to add when it is served. */
function statusOf(model: CatalogModel): string {
  const status = model.status.value;
  if (status === "current" || status === "reported") return "";
  const suggestion = model.replacement ? `; Cerebras suggests \`${model.replacement.value}\`` : "";
  return ` (which Cerebras ${status === "deprecated" ? "deprecated" : "retired"} on ${dateOf(model)}${suggestion})`;
}

function boundForCerebras(ref: ModelRef, prefixEndpoint: string | undefined): boolean {
  if (prefixEndpoint !== undefined) return prefixEndpoint === "cerebras";
  if (ref.endpoint !== "cerebras") return false;
  // Configuration beside a Cerebras key often sets other providers' models too (`OPENAI_MODEL`,
  // `HUGGINGFACE_MODEL` next to `CEREBRAS_MODEL`): a key that names another provider is not a
  // Cerebras deployment.
  return ref.position !== "config" || !words(ref.key).some((word) => OTHER_PROVIDER_WORDS.has(word));
}

export const unknownModel: Rule = {
  meta: {
    id: "unknown-model",
    severity: "warning",
    fix: "safe",
    languages: ALL_LANGUAGES,
    triggers: CEREBRAS_TRIGGERS,
    messages: {
      "close-miss": "`{id}` is not a Cerebras model ID; did you mean `{intended}`{status}?",
      unknown: "`{id}` is not a Cerebras model the catalog knows; check it with `glm-migrate models --check`",
      "unknown-not-listed": "`{id}` is not a Cerebras model the catalog knows, and the Cerebras API does not list it for this account",
      "not-listed": "`{id}` is in the catalog, but the Cerebras API does not list it for this account now",
      "target-not-listed": "`{id}` is the target, but the Cerebras API does not list it for this account now",
    },
    docs: {
      summary: "A model ID sent to Cerebras that the model catalog does not know (typos, other providers' spellings).",
      whatItDoes:
        "Checks the model ID of each request bound for Cerebras, and of each Cerebras deployment in configuration " +
        "(`CEREBRAS_MODEL=...`, a `cerebras/` prefix), followed as model-id follows it (constants, fields, parameter " +
        "defaults and callers, `cfg.get(\"model\", \"...\")` fallbacks), against the model catalog (`glm-migrate models`). An ID that " +
        "is a close miss of a Cerebras ID, or another tool's spelling of one (`llama3.3-70b`, `llama-3.1-8b`, " +
        "`zai-glm4.7`), is an error with a did-you-mean; the safe fix rewrites it only where the intended ID is " +
        "certain (same letters and numbers, or a spelling the catalog records) and that model is served today. Any " +
        "other unknown ID is a warning: Cerebras releases models after the catalog is written, so check it with " +
        "`glm-migrate models --check`. With `lint --check-models`, IDs the live API no longer lists are reported too. " +
        "Z.ai's own IDs and retired Cerebras IDs are `model-id`'s.",
      why:
        "Cerebras answers a request naming a model it does not serve with an error; a misspelt ID fails only at " +
        "run time. Cerebras spells its IDs inconsistently (`llama3.1-8b` has no hyphen after llama, `llama-3.3-70b` " +
        "has one), and other providers spell the same models differently.",
      follows: [FOLLOWS.requestModels, FOLLOWS.wrapperModels],
      example: 'client.chat.completions.create(model="zai-glm4.7", messages=messages)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=messages)',
      setup: "from cerebras.cloud.sdk import Cerebras\nclient = Cerebras()\nmessages = []\n",
      source:
        "rules/knowledge/catalog.json: Cerebras, *Deprecations* (inference-docs.cerebras.ai/support/deprecation, 2026-04-22) " +
        "and model pages, each fact with its source and date",
    },
  },
  check({ file, target, report }) {
    const live = target.liveModels ? new Set(target.liveModels) : undefined;
    for (const ref of file.models) {
      const text = ref.value.string;
      if (text === undefined || !ref.value.contentRange || !ID_SHAPE.test(text)) continue;
      // A comparison, mapping key or `case` label reads an ID someone else sends; it is not sent here.
      if (ref.place && TEST_PLACES.has(ref.place)) continue;
      // A model-shaped string outside a model position (a catalog entry) is checked only where it
      // reaches a Cerebras request: a prefix alone does not make a list of names a deployment.
      if (ref.position === "literal" && ref.endpoint !== "cerebras") continue;
      const { prefix, id, known, prefixEndpoint } = parseModelId(text);
      if (!boundForCerebras(ref, prefixEndpoint)) continue;
      const range = literalRange(ref.value);
      if (known) {
        // Z.ai's IDs and retired Cerebras IDs are model-id's; a served one is checked only live.
        if (known.kind === "cerebras-current" && live && !live.has(id)) {
          report({ range, messageId: "not-listed", data: { id } });
        }
        continue;
      }
      if (live?.has(id)) continue;
      if (id === target.model) {
        // A target newer than the catalog (--allow-unknown-target) is only checked live.
        if (live) report({ range, messageId: "target-not-listed", data: { id } });
        continue;
      }
      const miss = closeMiss(id);
      if (miss) {
        const fixable = miss.certain && miss.model.status.value === "current";
        const content = ref.value.contentRange;
        report({
          range,
          severity: "error",
          messageId: "close-miss",
          data: { id, intended: miss.model.id, status: statusOf(miss.model) },
          fix: fixable ? Fix.safe([{ start: content.start, end: content.end, text: prefix + miss.model.id }], `Use \`${miss.model.id}\``) : undefined,
        });
        continue;
      }
      // A bare word (`model`, `default`, `test`) is a placeholder in tests and samples, not a model
      // name: model IDs carry a version, a size or at least a hyphen.
      if (!/[\d-]/.test(id) && !live) continue;
      report({ range, messageId: live ? "unknown-not-listed" : "unknown", data: { id } });
    }
  },
};
