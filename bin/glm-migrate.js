#!/usr/bin/env node
// The published entry point: the compiled CLI lives in dist/ (built by `npm run build`).
import("../dist/src/bundle/main.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/src/bundle/main.js")) {
    process.stderr.write("glm-migrate: not built yet; run `npm run build` (npm ci does it for you)\n");
  } else {
    process.stderr.write(`glm-migrate: ${error && error.stack ? error.stack : error}\n`);
  }
  process.exitCode = 2;
});
