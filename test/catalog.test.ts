import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv2020 as AjvClass } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { CATALOG, type Catalog } from "../rules/knowledge/catalog.js";

const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as { Ajv2020: typeof AjvClass };
const schema = JSON.parse(readFileSync(new URL("../rules/knowledge/catalog.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every fact of the catalog with the sources it names, as `[where, sources]`. */
function facts(catalog: Catalog): [string, string[] | undefined][] {
  const found: [string, string[] | undefined][] = [];
  for (const prefix of catalog.prefixes) found.push([`prefix ${prefix.prefix}`, prefix.sources]);
  for (const model of catalog.models) {
    for (const key of ["status", "deprecatedOn", "retiredOn", "replacement", "contextTokens", "maxCompletionTokens", "guide", "reasoningEfforts"] as const) {
      const fact = model[key];
      if (fact) found.push([`${model.id} ${key}`, fact.sources]);
    }
    for (const spelling of model.spellings ?? []) found.push([`${model.id} spelling ${spelling.spelling}`, spelling.sources]);
  }
  return found;
}

/** What is wrong with a catalog's citations: a fact without a source, a source without a date. */
function citationProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [where, sources] of facts(catalog)) {
    if (!sources?.length) problems.push(`${where}: no source`);
    for (const id of sources ?? []) if (!catalog.sources[id]) problems.push(`${where}: unknown source ${id}`);
  }
  for (const [id, source] of Object.entries(catalog.sources)) {
    if (!source.url && !source.path) problems.push(`source ${id}: no url or path`);
    if (!source.date) problems.push(`source ${id}: no date`);
    else if (source.dateIs !== "version" && !DAY.test(source.date)) problems.push(`source ${id}: date ${source.date} is not a day`);
  }
  return problems;
}

describe("model catalog", () => {
  it("validates against its schema", () => {
    const ok = validate(CATALOG);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("cites a dated source for every fact", () => {
    expect(facts(CATALOG).length).toBeGreaterThan(30);
    expect(citationProblems(CATALOG)).toEqual([]);
  });

  it("catches a fact without a source and a source without a date", () => {
    const broken = structuredClone(CATALOG);
    broken.models[0]!.status.sources = [];
    delete (broken.sources["cerebras-deprecations"] as { date?: string }).date;
    expect(citationProblems(broken)).toEqual([`${broken.models[0]!.id} status: no source`, "source cerebras-deprecations: no date"]);
    expect(validate(broken)).toBe(false);
  });

  it("names only catalog models as replacements, and each ID once", () => {
    const ids = CATALOG.models.map((model) => model.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const model of CATALOG.models) if (model.replacement) expect(ids).toContain(model.replacement.value);
  });

  it("knows the target and Cerebras' other current model, with zai-glm-4.7's own output cap", () => {
    const current = CATALOG.models.filter((model) => model.provider === "cerebras" && model.status.value === "current").map((model) => model.id);
    expect(current).toEqual(expect.arrayContaining(["zai-glm-4.7", "gpt-oss-120b"]));
    const glm = CATALOG.models.find((model) => model.id === "zai-glm-4.7")!;
    expect(glm.maxCompletionTokens?.value).toBe(40960);
  });

  it("marks GLM 4.5-4.7 by their Cerebras and Z.ai names as the models the migration guide advises on", () => {
    const guided = CATALOG.models.filter((model) => model.guide?.value).map((model) => model.id).sort();
    expect(guided).toEqual(["glm-4.5", "glm-4.5-x", "glm-4.6", "glm-4.7", "zai-glm-4.6", "zai-glm-4.7"]);
  });
});
