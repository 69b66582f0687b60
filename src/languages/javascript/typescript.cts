// TypeScript's compiler, handed to the ES modules through this CommonJS file. An ESM import of
// the 9 MB "typescript" bundle itself makes Node scan all of it for named exports first (about
// half a second per run); this file's one export is found without that scan.
import ts = require("typescript");
export = ts;
