import { describe, expect, it } from "vitest";
import { LIBRARIES, type ClientLibrary } from "../rules/knowledge/libraries.js";
import { JS_CONSTRUCTORS, PYTHON_CONSTRUCTORS, PYTHON_REQUEST_FUNCTIONS } from "../src/model/sdks.js";

const libraries = LIBRARIES as readonly ClientLibrary[];

describe("the client libraries' data", () => {
  it("cites a source for every library", () => {
    expect(libraries.filter((library) => library.source.trim().length < 10).map((library) => library.id)).toEqual([]);
  });

  it("gives each library a way in: a constructor, a module client or a request function", () => {
    const none = libraries.filter((library) => !library.constructors?.length && !library.moduleClients?.length && !library.requestFunctions?.length);
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
      requestFields: true,
    });
    expect(JS_CONSTRUCTORS.get("openai.default")?.sdk).toBe("openai");
    expect(JS_CONSTRUCTORS.get("openai.default")?.baseUrlKeys).toEqual(["baseURL"]);
    expect(PYTHON_REQUEST_FUNCTIONS.get("litellm.acompletion")).toBe("litellm");
  });
});
