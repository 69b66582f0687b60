// Copies the Python grammar into dist/wasm so the published package needs no native install step.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const target = new URL("../dist/wasm/", import.meta.url);
mkdirSync(target, { recursive: true });
copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), new URL("tree-sitter-python.wasm", target));
