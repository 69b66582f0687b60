import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A file at the package root (package.json, schema.json), found from this module whether it runs
 * from dist/src (built, published), from src (tests) or from the bundle in dist/src/bundle.
 */
export function packageFile(name: string): string {
  for (const candidate of [`../../${name}`, `../${name}`, `../../../${name}`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`glm-migrate's ${name} is missing from the package`);
}
