// Writes .pre-commit-hooks.yaml with a `files:` pattern from the languages' own extension table:
// `npm run hooks` after adding a file kind (a test fails while the committed file is stale).
import { writeFileSync } from "node:fs";
import { hookFilesPattern } from "../dist/src/languages/index.js";

const files = `'${hookFilesPattern()}'`;
writeFileSync(
  new URL("../.pre-commit-hooks.yaml", import.meta.url),
  `# pre-commit hooks (https://pre-commit.com). In .pre-commit-config.yaml:
#   - repo: <this repository>
#     rev: <a tag or commit>
#     hooks:
#       - id: glm-migrate        # blocks the commit while problems remain
#       - id: glm-migrate-fix    # fixes the staged files (review, \`git add\`, commit again)
# \`files\` is generated from the file kinds glm-migrate reads (npm run hooks): pre-commit's type
# tags give .env, .mts, .cts and .jsonc files none, and would drift from the tool's own list.
- id: glm-migrate
  name: glm-migrate
  description: Find what must change for zai-glm-4.7 on Cerebras.
  entry: glm-migrate lint
  language: node
  files: ${files}
- id: glm-migrate-fix
  name: glm-migrate (fix)
  description: Apply glm-migrate's safe fixes to the files being committed.
  # Staged files always differ from HEAD, so the dirty-tree guard is off here.
  entry: glm-migrate fix --allow-dirty
  language: node
  files: ${files}
`,
);
