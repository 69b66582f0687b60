import { CATALOG, type CatalogModel, type Fact } from "../../rules/knowledge/catalog.js";
import type { LiveModels } from "../engine/live-models.js";

/** A catalog model as `models --json` shows it, with what the live API said when asked. */
interface ModelRow {
  id: string;
  provider: CatalogModel["provider"];
  status: string;
  deprecatedOn?: string;
  retiredOn?: string;
  replacement?: string;
  contextTokens?: number;
  maxCompletionTokens?: number;
  sources: string[];
  /** Whether the Cerebras API lists it for this account now (`--check`, Cerebras models only). */
  live?: "listed" | "not listed";
  note?: string;
}

function factSources(model: CatalogModel): string[] {
  const facts: (Fact<unknown> | undefined)[] = [model.status, model.deprecatedOn, model.retiredOn, model.replacement, model.contextTokens, model.maxCompletionTokens, model.guide, model.reasoningEfforts];
  return [...new Set(facts.flatMap((fact) => fact?.sources ?? []))];
}

function rowOf(model: CatalogModel, live: Set<string> | undefined): ModelRow {
  return {
    id: model.id,
    provider: model.provider,
    status: model.status.value,
    ...(model.deprecatedOn ? { deprecatedOn: model.deprecatedOn.value } : {}),
    ...(model.retiredOn ? { retiredOn: model.retiredOn.value } : {}),
    ...(model.replacement ? { replacement: model.replacement.value } : {}),
    ...(model.contextTokens ? { contextTokens: model.contextTokens.value } : {}),
    ...(model.maxCompletionTokens ? { maxCompletionTokens: model.maxCompletionTokens.value } : {}),
    sources: factSources(model),
    ...(live && model.provider === "cerebras" ? { live: live.has(model.id) ? ("listed" as const) : ("not listed" as const) } : {}),
    ...(model.note ? { note: model.note } : {}),
  };
}

/** What the live check found beyond the per-model column: served models the catalog lacks, current ones gone. */
interface CheckSummary {
  url: string;
  listed: string[];
  notInCatalog: string[];
  currentNotListed: string[];
}

function summary(check: LiveModels & { ok: true }): CheckSummary {
  const known = new Set(CATALOG.models.map((model) => model.id));
  const listed = new Set(check.ids);
  return {
    url: check.url,
    listed: check.ids,
    notInCatalog: check.ids.filter((id) => !known.has(id)),
    currentNotListed: CATALOG.models.filter((model) => model.provider === "cerebras" && model.status.value === "current" && !listed.has(model.id)).map((model) => model.id),
  };
}

const tokens = (value: number | undefined): string => (value === undefined ? "-" : value.toLocaleString("en-US"));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

function modelTable(models: ModelRow[], withLive: boolean): string {
  const header = ["ID", "STATUS", "DEPRECATED", "RETIRED", "REPLACEMENT", "CONTEXT", "MAX OUTPUT", ...(withLive ? ["LIVE"] : []), "SOURCES"];
  const rows = models.map((row) => [
    row.id,
    row.status,
    row.deprecatedOn ?? "-",
    row.retiredOn ?? "-",
    row.replacement ?? "-",
    tokens(row.contextTokens),
    tokens(row.maxCompletionTokens),
    ...(withLive ? [row.live ?? "-"] : []),
    row.sources.join(", "),
  ]);
  return table([header, ...rows]);
}

/**
 * `glm-migrate models`: the catalog as a table (or JSON), with the source of each fact; with a
 * live check, what the Cerebras API lists now beside it. A failed check still shows the catalog.
 */
export function formatModels(check: LiveModels | undefined, json: boolean): string {
  const live = check?.ok ? new Set(check.ids) : undefined;
  const models = CATALOG.models.map((model) => rowOf(model, live));
  const checked = check?.ok ? summary(check) : undefined;
  if (json) {
    const checkJson = check === undefined ? {} : { check: checked ? { ok: true, ...checked } : { ok: false, reason: (check as { reason: string }).reason } };
    return `${JSON.stringify({ models, prefixes: CATALOG.prefixes, sources: CATALOG.sources, ...checkJson }, null, 2)}\n`;
  }
  const out: string[] = [];
  out.push("Cerebras models", modelTable(models.filter((row) => row.provider === "cerebras"), live !== undefined), "");
  out.push("Z.ai models (valid on Z.ai's API, not on Cerebras)", modelTable(models.filter((row) => row.provider === "zai"), false), "");
  const spellings = CATALOG.models.flatMap((model) => (model.spellings ?? []).map((entry) => `  ${entry.spelling} = ${model.id} (${entry.tools}; ${entry.sources.join(", ")})`));
  out.push("Other tools' spellings", ...spellings, "");
  out.push("Prefixes", ...CATALOG.prefixes.map((entry) => `  ${entry.prefix} -> ${entry.endpoint ?? "the client's base URL"} (${entry.tools})`), "");
  const notes = CATALOG.models.filter((model) => model.note).map((model) => `  ${model.id}: ${model.note}`);
  out.push("Notes", ...notes, "");
  out.push("Sources");
  for (const [id, source] of Object.entries(CATALOG.sources)) {
    out.push(`  ${id}: ${source.title}`, `    ${source.url ?? source.path} (${source.dateIs} ${source.date})`);
  }
  if (checked) {
    out.push("", `Live check: ${checked.url} lists ${checked.listed.length} model(s) for this account: ${checked.listed.join(", ") || "none"}`);
    if (checked.currentNotListed.length) out.push(`  current in the catalog but not listed now: ${checked.currentNotListed.join(", ")}`);
    if (checked.notInCatalog.length) out.push(`  listed but not in the catalog: ${checked.notInCatalog.join(", ")}`);
  }
  return `${out.join("\n")}\n`;
}
