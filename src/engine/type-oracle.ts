import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { RawFile } from "../model/assemble.js";
import { requestMethod } from "../model/linked-names.js";
import type { Client } from "../model/types.js";
import type ts from "../languages/javascript/typescript.cjs";

type TypeScript = typeof ts;

/**
 * `--type-aware`: where the shared model cannot tell which client a request's receiver holds (a
 * generic wrapper, a registry lookup, a value passed in), TypeScript's type checker can tell its
 * class. The class says the SDK; only the Cerebras SDK also says the endpoint, since the OpenAI
 * SDK's base URL is a run-time value no type carries.
 */
const SDK_PACKAGES: [RegExp, Client["sdk"], Client["endpoint"]][] = [
  [/[\\/]node_modules[\\/]@cerebras[\\/]cerebras_cloud_sdk[\\/]/, "cerebras", "cerebras"],
  [/[\\/]node_modules[\\/]openai[\\/]/, "openai", "unknown"],
];

export class TypeOracle {
  /** One program per tsconfig.json: built on first need, kept for the run. */
  private readonly programs = new Map<string, { program: ts.Program; rootNames: string[]; options: ts.CompilerOptions } | undefined>();

  constructor(
    private readonly ts: TypeScript,
    private readonly root: string,
  ) {}

  static async load(root: string): Promise<TypeOracle> {
    const { default: typescript } = await import("../languages/javascript/typescript.cjs");
    return new TypeOracle(typescript, root);
  }

  /** The clients the checker sees behind the receivers of this file's request calls, by call start. */
  clientsOf(raw: RawFile): Map<number, Client> {
    const found = new Map<number, Client>();
    const typescript = this.ts;
    const requests = raw.calls.flatMap((call) => {
      const method = requestMethod(call);
      return method ? [{ call, depth: method.split(".").length }] : [];
    });
    if (requests.length === 0) return found;
    const path = resolve(raw.path);
    const program = this.programFor(path, raw.text);
    const source = program?.getSourceFile(path);
    if (!program || !source) return found;
    const checker = program.getTypeChecker();
    for (const { call, depth } of requests) {
      const node = findCall(typescript, source, call.range.start, call.range.end);
      const receiver = node && receiverOf(typescript, node.expression, depth);
      if (!receiver) continue;
      const type = checker.getTypeAtLocation(receiver);
      const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
      const file = declaration?.getSourceFile().fileName ?? "";
      const known = SDK_PACKAGES.find(([pattern]) => pattern.test(file));
      if (known) found.set(call.range.start, { sdk: known[1], endpoint: known[2], range: { start: 0, end: 0 } });
    }
    return found;
  }

  /**
   * The program of the nearest tsconfig.json, with this file's text as given: a fix pass checks
   * text that is not on disk yet, so the program is rebuilt from the last one, re-reading only it.
   */
  private programFor(path: string, text: string): ts.Program | undefined {
    const config = nearestTsconfig(dirname(path), this.root);
    if (!config) return undefined;
    const typescript = this.ts;
    let entry = this.programs.get(config);
    if (entry === undefined && !this.programs.has(config)) {
      const host = { ...typescript.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
      const parsed = typescript.getParsedCommandLineOfConfigFile(config, {}, host);
      const options = parsed ? { ...parsed.options, noEmit: true } : undefined;
      entry = parsed && options ? { program: typescript.createProgram({ rootNames: parsed.fileNames, options }), rootNames: parsed.fileNames, options } : undefined;
      this.programs.set(config, entry);
    }
    if (!entry) return undefined;
    const current = entry.program.getSourceFile(path);
    if (current && current.text !== text) {
      const host = typescript.createCompilerHost(entry.options);
      const read = host.getSourceFile.bind(host);
      host.getSourceFile = (fileName, language, ...rest) =>
        resolve(fileName) === path ? typescript.createSourceFile(fileName, text, language) : (entry!.program.getSourceFile(fileName) ?? read(fileName, language, ...rest));
      entry.program = typescript.createProgram({ rootNames: entry.rootNames, options: entry.options, host, oldProgram: entry.program });
    }
    return entry.program;
  }
}

function nearestTsconfig(dir: string, root: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (current === root || dirname(current) === current) return undefined;
  }
}

function findCall(typescript: TypeScript, source: ts.SourceFile, start: number, end: number): ts.CallExpression | undefined {
  const visit = (node: ts.Node): ts.CallExpression | undefined => {
    if (node.getStart(source) === start && node.end === end && typescript.isCallExpression(node)) return node;
    return node.pos <= start && end <= node.end ? typescript.forEachChild(node, visit) : undefined;
  };
  return visit(source);
}

function receiverOf(typescript: TypeScript, callee: ts.Expression, depth: number): ts.Expression | undefined {
  let current: ts.Expression = callee;
  for (let step = 0; step < depth; step++) {
    if (!typescript.isPropertyAccessExpression(current)) return undefined;
    current = current.expression;
  }
  return current;
}
