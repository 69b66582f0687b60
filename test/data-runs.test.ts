import { describe, expect, it } from "vitest";
import { lintSource } from "../src/index.js";
import { blankDataRuns } from "../src/languages/data-runs.js";

const numbers = (count: number): string => Array.from({ length: count }, (_, index) => String((index * 37) % 1000)).join(", ");

describe("long runs of numbers are parsed as blanks", () => {
  it("blanks a long run in brackets to spaces of the same length, and nothing else", () => {
    const long = `v = [${numbers(300)}, 7]\nw = (${numbers(300)},)\n`;
    const blanked = blankDataRuns(long);
    expect(blanked.length).toBe(long.length);
    expect(blanked.split("\n").map((line) => line.replace(/ +/g, " "))).toEqual(["v = [ 7]", "w = ( )", ""]);
    // Short lists, runs outside brackets and words are left as they are.
    const kept = [`a = [${numbers(20)}]`, `b = ${numbers(300)}`, `c = ["${"x, ".repeat(300)}"]`, `d = [${numbers(300).replace("0, ", "x, ")}]`].join("\n");
    expect(blankDataRuns(kept)).toBe(kept);
  });

  it("still reports and fixes what the file holds around them, in Python and TypeScript, and keeps the numbers", async () => {
    const python = `from cerebras.cloud.sdk import Cerebras\nclient = Cerebras()\nids = [${numbers(2000)}]\nr = client.chat.completions.create(model="zai-glm-4.6", messages=[], stop=[${numbers(300)}])\n`;
    const typescript = `import Cerebras from "@cerebras/cerebras_cloud_sdk";\nconst client = new Cerebras();\nconst ids = [${numbers(2000)}];\nconst r = await client.chat.completions.create({ model: "zai-glm-4.6", messages: [], seed: [${numbers(300)}] });\n`;
    for (const [filePath, text] of [["a.py", python], ["a.ts", typescript]] as const) {
      const linted = await lintSource(text, { filePath });
      expect(linted.messages.filter((message) => message.message.includes("zai-glm-4.6")).map((message) => message.line)).toEqual([4]);
      const fixed = await lintSource(text, { filePath, fix: true });
      expect(fixed.output).toBe(text.replace("zai-glm-4.6", "zai-glm-4.7"));
    }
  });
});
