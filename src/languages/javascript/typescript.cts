// TypeScript's compiler, the copy ts-morph bundles (one copy for the scanner and --type-aware),
// handed to the ES modules through this CommonJS file. An ESM import of the 9 MB bundle makes
// Node scan all of it for named exports first (about half a second per run); this file's one
// export is found without that scan. The bundle alone is required, not ts-morph, so the scanning
// path loads no more than the compiler. Types: typescript-bundle.d.ts.
// Loaded through V8's code cache first: compile-cache.cts.
import "./compile-cache.cjs";
import ts = require("@ts-morph/common/dist/typescript.js");
export = ts;
