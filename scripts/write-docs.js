// Writes docs/rules/<id>.md from the built rules (`npm run docs`); SARIF's helpUri points there.
import { mkdirSync, writeFileSync } from "node:fs";
import { RULES } from "../dist/rules/index.js";
import { ruleMarkdown } from "../dist/src/report/rule-docs.js";

const dir = new URL("../docs/rules/", import.meta.url);
mkdirSync(dir, { recursive: true });
for (const rule of RULES) writeFileSync(new URL(`${rule.meta.id}.md`, dir), ruleMarkdown(rule));
