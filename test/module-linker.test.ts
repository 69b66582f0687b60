import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ModuleLinker } from "../src/engine/project.js";
import { lowerSource } from "../src/languages/index.js";
import { UNLIMITED } from "../src/model/budget.js";
import type { ModuleLinks } from "../src/model/types.js";
import { tempDir } from "./helpers/cli.js";

/**
 * A package whose modules import each other (numpy's `core` and its helpers do), imported by many
 * files: the package is read a bounded number of times, not once per importer, and what each
 * importer learns does not depend on which file read the package first.
 */
function cyclicProject(importers: number): { root: string; files: string[] } {
  const root = tempDir("glm-cycles-");
  mkdirSync(join(root, "pkg"));
  mkdirSync(join(root, "app"));
  writeFileSync(join(root, "pkg", "__init__.py"), "from .core import MODEL, client\n");
  writeFileSync(join(root, "pkg", "core.py"), 'from .helpers import make_client\nMODEL = "zai-glm-4.6"\nclient = make_client()\n');
  writeFileSync(join(root, "pkg", "helpers.py"), "from cerebras.cloud.sdk import Cerebras\nfrom .core import MODEL\n\ndef make_client():\n    return Cerebras()\n\nDEFAULT = MODEL\n");
  const files = [join(root, "pkg", "helpers.py")];
  for (let i = 0; i < importers; i++) {
    const file = join(root, "app", `f${i}.py`);
    writeFileSync(file, "from pkg import MODEL, client\nclient.chat.completions.create(model=MODEL, messages=[])\n");
    files.push(file);
  }
  return { root, files };
}

async function linksOf(linker: ModuleLinker, file: string): Promise<ModuleLinks> {
  let links: ModuleLinks | undefined;
  const link = linker.linkFor(UNLIMITED);
  const lowered = await lowerSource(file, "python", readFileSync(file, "utf8"), UNLIMITED, async (raw) => (links = await link(raw)));
  expect("file" in lowered).toBe(true);
  return links!;
}

describe("module links across a package with import cycles", () => {
  it("read each module a bounded number of times, however many files import it", async () => {
    const { root, files } = cyclicProject(40);
    const linker = new ModuleLinker(root);
    for (const file of files) await linksOf(linker, file);
    // Three modules, each read under at most a few different chains of importers (not 40 times).
    expect(linker.modulesRead).toBeLessThanOrEqual(12);
    expect(linker.modulesRead).toBeGreaterThanOrEqual(3);
  });

  it("give every importer the same names whichever file read the package first", async () => {
    const { root, files } = cyclicProject(3);
    const importer = files[1]!;
    const alone = await linksOf(new ModuleLinker(root), importer);
    expect([...alone.imported.keys()].sort()).toEqual(["MODEL", "client"]);
    for (const order of [files, [...files].reverse()]) {
      const linker = new ModuleLinker(root);
      let seen: ModuleLinks | undefined;
      for (const file of order) {
        const links = await linksOf(linker, file);
        if (file === importer) seen = links;
      }
      expect(seen!.imported).toEqual(alone.imported);
      expect(new Set(seen!.deps)).toEqual(new Set(alone.deps));
    }
  });
});

describe("a module's reading shared between importers", () => {
  it("is not changed by what one importer does with an imported client", async () => {
    const root = tempDir("glm-shared-client-");
    mkdirSync(join(root, "pkg"));
    writeFileSync(join(root, "pkg", "core.py"), "from zai import ZaiClient\nfrom .helpers import MODEL\nclient = ZaiClient()\nDEFAULT = MODEL\n");
    writeFileSync(join(root, "pkg", "helpers.py"), 'MODEL = "glm-4.6"\n');
    const first = join(root, "a.py");
    const second = join(root, "b.py");
    // The first importer also makes a Z.ai client of its own, and uses the imported one for images.
    writeFileSync(first, "from zai import ZaiClient\nfrom pkg.core import client\nother = ZaiClient()\nclient.images.generations(prompt='x')\nclient.chat.completions.create(model='glm-4.6', messages=[])\n");
    writeFileSync(second, "from pkg.core import client\nclient.chat.completions.create(model='glm-4.6', messages=[])\n");
    const alone = await linksOf(new ModuleLinker(root), second);
    const shared = new ModuleLinker(root);
    await linksOf(shared, first);
    const after = await linksOf(shared, second);
    expect(after.imported.get("client")).toEqual(alone.imported.get("client"));
  });
});
