/** Splits `DEFAULT_MODEL`, `defaultModelId`, `self.model_name` into lower-case words. */
export function words(name: string): string[] {
  const last = name.slice(name.lastIndexOf(".") + 1);
  return last
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export type ModelNameKind = "single" | "list";

/**
 * Whether a variable, keyword or key names a model (`model`, `MODEL_ID`, `defaultModel`,
 * `llm_model_name`) or a list of them (`MODELS`, `supportedModelIds`). `model_provider` or
 * `model_kwargs` do not: the last word decides.
 */
export function modelNameKind(name: string): ModelNameKind | undefined {
  // Asked for every assignment, keyword and key: most names have no "model" in them at all.
  if (!/model/i.test(name)) return undefined;
  const parts = words(name);
  const last = parts.at(-1);
  const beforeLast = parts.at(-2);
  if (last === "model") return "single";
  if (last === "models") return "list";
  if (beforeLast === "model" && (last === "id" || last === "name")) return "single";
  if (beforeLast === "model" && (last === "ids" || last === "names")) return "list";
  return undefined;
}
