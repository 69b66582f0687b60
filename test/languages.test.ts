import { describe, expect, it } from "vitest";
import { isContainer, languageForPath, lowerSource } from "../src/languages/index.js";

describe("the language registry", () => {
  it("reads each file type as its language", () => {
    const paths = ["a.py", "a.pyi", "a.js", "a.mjs", "a.cjs", "a.jsx", "a.ts", "a.mts", "a.cts", "a.tsx", "a.yaml", "a.yml", "a.json", "a.jsonc", "a.toml", "a.env", ".env", ".env.local", "a.md", "a.mdx", "a.markdown", "a.ipynb", "a.sh", "a.bash", "a.zsh", "A.PY"];
    expect(paths.map(languageForPath)).toEqual([
      "python", "python", "javascript", "javascript", "javascript", "javascript", "typescript", "typescript", "typescript", "typescript",
      "yaml", "yaml", "json", "json", "toml", "env", "env", "env", "markdown", "markdown", "markdown", "notebook", "shell", "shell", "shell", "python",
    ]);
  });

  it("reads no other file, whatever its name", () => {
    expect(["a.txt", "Makefile", "a.constructor", "a.__proto__", "a.toString"].map(languageForPath)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("holds Markdown and notebooks as containers, not languages to lower", () => {
    expect((["markdown", "notebook", "python", "typescript", "env"] as const).map(isContainer)).toEqual([true, true, false, false, false]);
  });

  it("lowers through each language's adapter", async () => {
    const lowered = await Promise.all([
      lowerSource("a.py", "python", 'client.chat.completions.create(model="zai-glm-4.6")\n'),
      lowerSource("a.ts", "typescript", 'client.chat.completions.create({ model: "zai-glm-4.6" });\n'),
      lowerSource(".env", "env", "MODEL=zai-glm-4.6\n"),
      lowerSource("a.json", "json", '{ "model": "zai-glm-4.6" }'),
      lowerSource("a.json", "json", '{ "model": '),
    ]);
    expect(lowered.map((result) => ("file" in result ? result.file.language : "error"))).toEqual(["python", "typescript", "env", "json", "error"]);
    expect(lowered.slice(0, 4).map((result) => ("file" in result ? result.file.models.map((model) => model.value.string) : []))).toEqual([
      ["zai-glm-4.6"], ["zai-glm-4.6"], ["zai-glm-4.6"], ["zai-glm-4.6"],
    ]);
  });
});
