import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cycles, importGraph, importsOf, layerOf, wrongWay, type ImportEdge } from "./helpers/import-graph.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("the layers of src/ and rules/", () => {
  const edges = importGraph(ROOT);

  it("reads the imports of the whole tree", () => {
    // A floor, so a scanner that silently finds nothing cannot pass the checks below.
    expect(edges.length).toBeGreaterThan(150);
    expect(edges).toContainEqual({ from: "src/cli/program.ts", to: "src/engine/run.ts", typeOnly: false });
  });

  it("has no import running the wrong way", () => {
    expect(wrongWay(edges)).toEqual([]);
  });

  it("has no import circle", () => {
    expect(cycles(edges)).toEqual([]);
  });

  it("keeps the formatters, the model and the languages off the engine", () => {
    const offEngine = edges.filter(({ from, to }) => /^src\/(report|model|languages)\//.test(from) && to.startsWith("src/engine/"));
    expect(offEngine).toEqual([]);
  });

  it("keeps knowledge free of imports (but of other knowledge: the catalog's loader reads its JSON)", () => {
    expect(edges.filter(({ from, to, typeOnly }) => from.startsWith("rules/knowledge/") && !typeOnly && !to.startsWith("rules/knowledge/"))).toEqual([]);
  });
});

describe("the layer checker", () => {
  it("finds every kind of import", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type { B } from "./b.js";',
      'import { type C } from "./c.js";',
      'export { d } from "./d.js";',
      'import e = require("./e.cjs");',
      'const f = await import("./f.js");',
      'type G = import("./g.js").G;',
      'import external from "typescript";',
    ].join("\n");
    expect(importsOf("x.ts", text)).toEqual([
      { specifier: "./a.js", typeOnly: false },
      { specifier: "./b.js", typeOnly: true },
      { specifier: "./c.js", typeOnly: true },
      { specifier: "./d.js", typeOnly: false },
      { specifier: "./e.cjs", typeOnly: false },
      { specifier: "./f.js", typeOnly: false },
      { specifier: "./g.js", typeOnly: true },
    ]);
  });

  it("places files in their layers", () => {
    expect(["src/index.ts", "src/cli/main.ts", "src/report/json.ts", "rules/model-id.ts", "rules/common/body.ts", "rules/knowledge/models.ts", "src/collections.ts"].map(layerOf))
      .toEqual(["api", "cli", "report", "rules", "rules", "knowledge", "base"]);
  });

  it("flags a wrong-way import and lets a type-only model import from knowledge through", () => {
    const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly });
    expect(wrongWay([
      edge("src/model/assemble.ts", "src/engine/results.ts"),
      edge("src/report/json.ts", "src/engine/run.ts", true),
      edge("rules/knowledge/models.ts", "src/model/types.ts", true),
      edge("rules/knowledge/models.ts", "src/model/names.ts"),
      edge("src/engine/run.ts", "src/model/types.ts"),
    ])).toEqual([
      "src/model/assemble.ts (model) imports src/engine/results.ts (engine)",
      "src/report/json.ts (report) imports src/engine/run.ts (engine)",
      "rules/knowledge/models.ts (knowledge) imports src/model/names.ts (model)",
    ]);
  });

  it("finds a circle, type-only imports included", () => {
    expect(cycles([
      { from: "a.ts", to: "b.ts", typeOnly: false },
      { from: "b.ts", to: "c.ts", typeOnly: true },
      { from: "c.ts", to: "a.ts", typeOnly: false },
      { from: "c.ts", to: "d.ts", typeOnly: false },
    ])).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
