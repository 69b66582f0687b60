import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LIBRARIES, type ClientLibrary } from "../rules/knowledge/libraries.js";
import { JS_CONSTRUCTORS, PYTHON_CONSTRUCTORS, PYTHON_REQUEST_FUNCTIONS } from "../src/model/sdks.js";

const libraries = LIBRARIES as readonly ClientLibrary[];

describe("the client libraries' data", () => {
  it("cites a source for every library", () => {
    expect(libraries.filter((library) => library.source.trim().length < 10).map((library) => library.id)).toEqual([]);
  });

  it("gives each library a way in: a constructor, a module client or a request function", () => {
    const none = libraries.filter((library) => !library.constructors?.length && !library.moduleClients?.length && !library.requestFunctions?.length && !library.wrappers?.length);
    expect(none.map((library) => library.id)).toEqual([]);
  });

  it("names each library once per language, and each constructor or function once", () => {
    for (const language of ["python", "javascript"] as const) {
      const own = libraries.filter((library) => library.language === language);
      const ids = own.map((library) => library.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), language).toEqual([]);
      const names = own.flatMap((library) => [...(library.constructors ?? []), ...(library.moduleClients ?? []), ...(library.requestFunctions ?? [])]);
      expect(names.filter((name, index) => names.indexOf(name) !== index), language).toEqual([]);
    }
  });

  it("builds the adapters' tables from the entries", () => {
    expect(PYTHON_CONSTRUCTORS.get("langchain_openai.ChatOpenAI")).toEqual({
      sdk: "langchain-openai",
      defaultEndpoint: "unknown",
      baseUrlKeys: ["base_url", "openai_api_base"],
      apiKeyKeys: ["api_key", "openai_api_key"],
      modelKeys: ["model", "model_name"],
      requestFields: true,
    });
    expect(PYTHON_CONSTRUCTORS.get("dspy.LM")).toMatchObject({ sdk: "dspy", modelArgument: true, baseUrlKeys: ["api_base"] });
    expect(JS_CONSTRUCTORS.get("openai.default")?.sdk).toBe("openai");
    expect(JS_CONSTRUCTORS.get("openai.default")?.baseUrlKeys).toEqual(["baseURL"]);
    expect(PYTHON_REQUEST_FUNCTIONS.get("litellm.acompletion")).toBe("litellm");
  });
});

describe("the client libraries' fixtures", () => {
  const root = fileURLToPath(new URL("../fixtures/rules/", import.meta.url));
  const texts = readdirSync(root).flatMap((rule) =>
    readdirSync(join(root, rule)).filter((name) => !name.includes(".fixed.") && !name.endsWith(".snap")).map((name) => readFileSync(join(root, rule, name), "utf8")),
  );

  it("exercise every library: some rule fixture imports it", () => {
    const modulesOf = (library: ClientLibrary): string[] =>
      [...(library.constructors ?? []), ...(library.moduleClients ?? []), ...(library.requestFunctions ?? []), ...(library.wrappers ?? [])].map((name) => {
        // `openai.default`, `@mastra/core/agent.Agent`: the module is everything before the last dot
        // of the export, or the whole name for a CommonJS require of the module.
        const dot = name.lastIndexOf(".");
        return dot > name.lastIndexOf("/") && !name.endsWith("cerebras_cloud_sdk") ? name.slice(0, dot) : name;
      });
    const imported = (module: string, language: ClientLibrary["language"]): boolean =>
      texts.some((text) =>
        language === "python"
          ? new RegExp(`^\\s*(from ${module.replace(/\./g, "\\.")} import|import ${module.replace(/\./g, "\\.")}\\b)`, "m").test(text)
          : text.includes(`"${module}"`) || text.includes(`'${module}'`),
      );
    const missing = libraries.filter((library) => !modulesOf(library).some((module) => imported(module, library.language)));
    expect(missing.map((library) => `${library.language} ${library.id}`)).toEqual([]);
  });
});
