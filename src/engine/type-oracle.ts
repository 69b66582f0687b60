import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { CallExpression, Node, Project, SourceFile } from "ts-morph";
import type { RawFile } from "../model/assemble.js";
import { requestMethod } from "../model/linked-names.js";
import type { Client } from "../model/types.js";

type TsMorph = typeof import("ts-morph");

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

/**
 * Built on ts-morph's `Project`: it loads the tsconfig.json, keeps the texts a fix pass has
 * changed in memory (they are never saved from here; the engine writes files), and rebuilds the
 * type checker from the previous program when a text changes.
 */
export class TypeOracle {
  /** One project per tsconfig.json: built on first need, kept for the run. */
  private readonly projects = new Map<string, Project | undefined>();

  constructor(
    private readonly morph: TsMorph,
    private readonly root: string,
  ) {}

  /** ts-morph (and the compiler it bundles) is loaded here only, so runs without the flag never pay for it. */
  static async load(root: string): Promise<TypeOracle> {
    return new TypeOracle(await import("ts-morph"), root);
  }

  /** The clients the checker sees behind the receivers of this file's request calls, by call start. */
  clientsOf(raw: RawFile): Map<number, Client> {
    const found = new Map<number, Client>();
    const requests = raw.calls.flatMap((call) => {
      const method = requestMethod(call);
      return method ? [{ call, depth: method.split(".").length }] : [];
    });
    if (requests.length === 0) return found;
    const source = this.sourceFor(resolve(raw.path), raw.text);
    if (!source) return found;
    for (const { call, depth } of requests) {
      const node = this.findCall(source, call.range.start, call.range.end);
      const receiver = node && this.receiverOf(node, depth);
      if (!receiver) continue;
      const type = receiver.getType();
      const declaration = (type.getAliasSymbol() ?? type.getSymbol())?.getDeclarations()[0];
      const file = declaration?.getSourceFile().getFilePath() ?? "";
      const known = SDK_PACKAGES.find(([pattern]) => pattern.test(file));
      if (known) found.set(call.range.start, { sdk: known[1], endpoint: known[2], range: { start: 0, end: 0 } });
    }
    return found;
  }

  /** The file in the project of the nearest tsconfig.json, holding this text (a fix pass checks text not yet on disk). */
  private sourceFor(path: string, text: string): SourceFile | undefined {
    const config = nearestTsconfig(dirname(path), this.root);
    if (!config) return undefined;
    if (!this.projects.has(config)) this.projects.set(config, this.projectOf(config));
    const source = this.projects.get(config)?.getSourceFile(path);
    if (source && source.getFullText() !== text) source.replaceWithText(text);
    return source;
  }

  private projectOf(config: string): Project | undefined {
    try {
      return new this.morph.Project({ tsConfigFilePath: config, compilerOptions: { noEmit: true } });
    } catch {
      // A tsconfig.json that does not load leaves this file to the model alone, as without the flag.
      return undefined;
    }
  }

  private findCall(source: SourceFile, start: number, end: number): CallExpression | undefined {
    for (let node: Node | undefined = source.getDescendantAtPos(start); node && node.getStart() === start; node = node.getParent()) {
      if (node.getEnd() === end && this.morph.Node.isCallExpression(node)) return node;
    }
    return undefined;
  }

  private receiverOf(call: CallExpression, depth: number): Node | undefined {
    let current: Node = call.getExpression();
    for (let step = 0; step < depth; step++) {
      if (!this.morph.Node.isPropertyAccessExpression(current)) return undefined;
      current = current.getExpression();
    }
    return current;
  }
}

function nearestTsconfig(dir: string, root: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (current === root || dirname(current) === current) return undefined;
  }
}
