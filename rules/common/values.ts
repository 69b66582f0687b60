import type { Target } from "../../src/model/rule.js";
import type { LoweredFile, Value } from "../../src/model/types.js";
import { catalogModel, guideAppliesTo } from "../knowledge/catalog.js";
import { parseModelId } from "../knowledge/models.js";
import type { RequestBody } from "./body.js";
import { pinnedToCerebras } from "./openrouter.js";

/** `CONFIG["temperature"]`, `CONFIG["retry"]["temperature"]`: string keys read off a dotted name. */
const SUBSCRIPTED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\[\s*(["'])[A-Za-z_$][\w$-]*\1\s*\])+$/;
const KEY = /\[\s*(["'])([A-Za-z_$][\w$-]*)\1\s*\]/g;

/** The dotted name a subscripted read stands for (`CONFIG.retry.temperature`). */
function subscriptName(source: string): string | undefined {
  if (!SUBSCRIPTED.test(source)) return undefined;
  const head = source.slice(0, source.indexOf("["));
  return [head, ...[...source.matchAll(KEY)].map((match) => match[2])].join(".");
}

/** A literal, or a name (or a constant dict's entry, `CONFIG["temperature"]`) assigned exactly once in the file to a literal. */
export function resolve(file: LoweredFile, value: Value): Value {
  if (value.kind === "name" && value.name) return file.constants.get(value.name) ?? value;
  if (value.kind === "other") {
    const name = subscriptName(file.text.slice(value.range.start, value.range.end));
    if (name) return file.constants.get(name) ?? value;
  }
  return value;
}

export function numberOf(file: LoweredFile, value: Value): number | undefined {
  const resolved = resolve(file, value);
  if (resolved.kind === "number") return resolved.number;
  // temperature=consts.TEMPERATURE: the number another module holds (read only, never edited from here).
  return value.kind === "name" && value.name ? file.importedNumbers?.get(value.name) : undefined;
}

export function booleanOf(file: LoweredFile, value: Value): boolean | undefined {
  const resolved = resolve(file, value);
  return resolved.kind === "boolean" ? resolved.boolean : undefined;
}

export function stringOf(file: LoweredFile, value: Value): string | undefined {
  const resolved = resolve(file, value);
  return resolved.kind === "string" ? resolved.string : undefined;
}

/** `None` or `null`: the client leaves the field out or sends the server default. */
export function isNull(file: LoweredFile, value: Value): boolean {
  return resolve(file, value).kind === "null";
}

/** The string literal itself, quotes included, even when the value is `env ?? "..."`. */
export function literalRange(value: Value): { start: number; end: number } {
  const content = value.contentRange!;
  const quoted = content.start > value.range.start && content.end < value.range.end;
  return quoted ? { start: content.start - 1, end: content.end + 1 } : content;
}

/** A literal number rendered the way people write it (`0.6`, not `0.6000000000000001`). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}


/**
 * Whether the migration guide's model advice applies to this request: it names the target or a
 * GLM 4.5-4.7 model. A request whose model this file does not show gets none of it, so the sampling
 * rules stay quiet on an OpenAI call to gpt-4o, Llama on Cerebras, or GLM-4-Flash on Z.ai.
 */
export function isGlmRequest(body: RequestBody, target: Target): boolean {
  // OpenRouter translates sampling and limits for the provider it is pinned to: only the model is ours.
  if (body.model === undefined || pinnedToCerebras(body)) return false;
  const id = parseModelId(body.model).id;
  // GLM 4.5 to 4.7 by any of their names, as the catalog marks them, and the target.
  return id === target.model || guideAppliesTo(id);
}

/**
 * The model the request will have once the migration is done, and whether that is the target
 * rather than the model it names today. model-id tells a request on a retired Cerebras ID (or on a
 * Z.ai ID it rewrites) to move to the target, so that request is checked as the target's; a current
 * model, or a retired one whose own limits the catalog states, keeps its own. Only a request bound
 * for Cerebras moves: `llama-3.3-70b` on Groq stays Llama.
 */
export function requestModel(body: RequestBody, target: Target): { id: string; onTarget: boolean } | undefined {
  if (body.model === undefined) return undefined;
  const { id, known } = parseModelId(body.model);
  if (id === target.model || body.endpoint !== "cerebras" || !known) return { id, onTarget: false };
  const ownLimits = catalogModel(id)?.maxCompletionTokens !== undefined;
  const moves = (known.kind === "cerebras-retired" && !ownLimits) || (known.kind === "zai" && known.autoFix);
  return moves ? { id: target.model, onTarget: true } : { id, onTarget: false };
}

/**
 * Whether model-id's own fix rewrites this request's model to the target (`zai-glm-4.6`), so that
 * a fix made for the target lands with it. A retired ID the user must replace by choice
 * (`llama-3.3-70b`: Cerebras suggests gpt-oss-120b) may end on another model: the target's
 * advice is reported there, and its fixes wait for that choice.
 */
export function targetIsCertain(body: RequestBody, target: Target): boolean {
  const known = body.model === undefined ? undefined : parseModelId(body.model).known;
  return requestModel(body, target)?.onTarget === true && known?.autoFix === true;
}

/** The docs' "What it follows" note of the rules that check a request by glmAdvice. */
export const FOLLOWS_REQUEST_MODEL =
  "What it follows. The model the request will have: a request on a retired Cerebras ID (`qwen-3-32b`, " +
  "`llama-3.3-70b`), which model-id tells to move to the target, is checked as a request on the target, and " +
  "the message says so. A request on another current model (`gpt-oss-120b`), or bound for another provider, " +
  "is not checked. A Z.ai-bound request is reported, and its fix comes only with its move to Cerebras: " +
  "one that cannot move yet, or a project that stays on Z.ai, keeps its values. On a retired model the user " +
  "must replace by choice (model-id gives no fix), the finding has no fix either until the model is chosen. The model is followed as " +
  "model-id follows it: constants, fields, a parameter's default and what the file's callers pass for it, a " +
  "setting's fallback (`cfg.get(\"model\", \"...\")`), a settings class of another module.";

/**
 * Whether the guide's sampling advice applies: "own" for a GLM request (see isGlmRequest), "target"
 * for a request that moves to a target the guide is for, each rule then saying it applies there.
 */
export function glmAdvice(body: RequestBody, target: Target): "own" | "target" | undefined {
  if (isGlmRequest(body, target)) return "own";
  // A default the request may not keep (a parameter's, a fallback) is not a model to move: the
  // code may well choose another one before it sends (`if self.model == "gpt-oss-120b": ...`).
  if (body.modelPossible) return undefined;
  const model = requestModel(body, target);
  return model?.onTarget && guideAppliesTo(target.model) ? "target" : undefined;
}
