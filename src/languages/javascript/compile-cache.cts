// Compiling those 9 MB is most of a one-file TypeScript run (about 190 ms of a 300 ms run on the
// machine the bench ran on; 20 ms from V8's code cache). Node 20 has no module compile cache
// (`module.enableCompileCache` came in Node 22), and v8-compile-cache saves its cache when the
// process exits, which a worker thread ended by the time limit never does; so the compiler alone
// is compiled here with V8's cached data (https://nodejs.org/docs/latest-v20.x/api/vm.html,
// `cachedData`, `script.createCachedData()`), kept in a folder of the user's own under the
// temporary folder. V8 rejects data made by another V8 version or with other flags; it is then
// made again. The module is registered in `require.cache` as `require` would: typescript.cts's
// `require` and ts-morph's (with --type-aware) get this instance, not a second compiler.
import fs = require("node:fs");
import os = require("node:os");
import path = require("node:path");
import vm = require("node:vm");
import Module = require("node:module");

const COMPILER = require.resolve("@ts-morph/common/dist/typescript.js");

/** A folder only this user can write, or undefined (then nothing is cached). */
function cacheFolder(): string | undefined {
  if (process.env.GLM_MIGRATE_COMPILE_CACHE === "0") return undefined;
  const folder = path.join(os.tmpdir(), `glm-migrate-compile-cache-${process.getuid?.() ?? "user"}`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(folder);
    // Another user's folder (or a link to one) could hand this process code to run.
    if (!stat.isDirectory() || (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o077) !== 0))) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/** Loads the compiler into `require.cache`, where the `require` of typescript.cts finds it. */
function loadCompiler(): void {
  const cached = require.cache[COMPILER];
  if (cached?.loaded) return;
  const source = fs.readFileSync(COMPILER, "utf8");
  const folder = cacheFolder();
  const stat = fs.statSync(COMPILER);
  const cacheFile = folder && path.join(folder, `typescript-${process.versions.v8}-${stat.size}-${Math.round(stat.mtimeMs)}.bin`);
  let data: Buffer | undefined;
  try {
    if (cacheFile) data = fs.readFileSync(cacheFile);
  } catch {
    data = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: COMPILER, ...(data ? { cachedData: data } : {}) });
  const module = new Module(COMPILER, require.main);
  module.filename = COMPILER;
  module.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(path.dirname(COMPILER));
  require.cache[COMPILER] = module;
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(COMPILER), module, COMPILER, path.dirname(COMPILER));
    module.loaded = true;
  } catch (error) {
    delete require.cache[COMPILER];
    throw error;
  }
  if (cacheFile && (!data || script.cachedDataRejected)) {
    // Written whole under a temporary name, then renamed: a run reading meanwhile sees the old or the new.
    const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temporary, cacheFile);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}

loadCompiler();
