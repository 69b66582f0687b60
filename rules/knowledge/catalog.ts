/**
 * The model catalog: `catalog.json`, typed. The JSON is the data (validated against
 * `catalog.schema.json` by the tests); this module only gives it types and a few look-ups, so
 * the next migration is an edit to the JSON. Knowledge imports nothing but data.
 */
import data from "./catalog.json" with { type: "json" };

export type SourceId = string;

export interface CatalogSource {
  title: string;
  url?: string;
  /** An SDK source file (or this project's fact sheet) when the fact was read there. */
  path?: string;
  /** A day, YYYY-MM-DD, or a package version when `dateIs` is "version". */
  date: string;
  dateIs: "published" | "read" | "version";
  publisher: string;
  note?: string;
}

export interface Fact<T> {
  value: T;
  sources: SourceId[];
}

export type ModelStatus = "current" | "deprecated" | "retired" | "reported";

export interface CatalogModel {
  id: string;
  provider: "cerebras" | "zai";
  name?: string;
  status: Fact<ModelStatus>;
  deprecatedOn?: Fact<string>;
  retiredOn?: Fact<string>;
  replacement?: Fact<string>;
  contextTokens?: Fact<number>;
  maxCompletionTokens?: Fact<number>;
  /** The `reasoning_effort` values the model takes. */
  reasoningEfforts?: Fact<string[]>;
  /** How other tools spell this model (LiteLLM, OpenRouter, pydantic-ai, ...). */
  spellings?: { spelling: string; tools: string; sources: SourceId[] }[];
  /** The migration guide's sampling and prompting advice is for this model (GLM 4.5-4.7). */
  guide?: Fact<boolean>;
  /** For Z.ai IDs with no Cerebras equivalent: "a flash variant", "a vision model". */
  variant?: string;
  /** Another provider serves the same ID (Groq): only a Cerebras-bound request makes it Cerebras'. */
  sharedWith?: Fact<string>;
  note?: string;
  /** Policy: model-id may rewrite this ID to the target model. */
  rewrite: boolean;
}

export interface CatalogPrefix {
  prefix: string;
  /** The endpoint the prefix names, whatever client sends the string; none for `openai/`. */
  endpoint?: "cerebras" | "zai" | "other";
  tools: string;
  sources: SourceId[];
}

export interface Catalog {
  about?: string;
  sources: Record<SourceId, CatalogSource>;
  prefixes: CatalogPrefix[];
  models: CatalogModel[];
}

export const CATALOG: Catalog = data as Catalog;

const byId = new Map(CATALOG.models.map((model) => [model.id, model]));

export function catalogModel(id: string): CatalogModel | undefined {
  return byId.get(id);
}

/** Cerebras IDs a request may name today: the target must be one of these (or be allowed explicitly). */
export function currentCerebrasIds(): string[] {
  return CATALOG.models.filter((model) => model.provider === "cerebras" && model.status.value === "current").map((model) => model.id);
}

/** Whether the migration guide's model advice (sampling, prompting) is for this ID. */
export function guideAppliesTo(id: string): boolean {
  return byId.get(id)?.guide?.value === true;
}

/** The model's own output limit, when a source states it; undefined means nothing is checked. */
export function maxCompletionTokensOf(id: string): number | undefined {
  return byId.get(id)?.maxCompletionTokens?.value;
}

/** How a router spells this model (`z-ai/glm-4.7` on OpenRouter), from the catalog's spellings. */
export function spellingWithPrefix(id: string, prefix: string): string | undefined {
  return byId.get(id)?.spellings?.find((entry) => entry.spelling.startsWith(prefix))?.spelling;
}
