// Writes schema.json from the built rules: `npm run schema` after changing a rule's options.
import { writeFileSync } from "node:fs";
import { RULES } from "../dist/rules/index.js";
import { configSchema } from "../dist/src/config/schema.js";

writeFileSync(new URL("../schema.json", import.meta.url), `${JSON.stringify(configSchema(RULES), null, 2)}\n`);
