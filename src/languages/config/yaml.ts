import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type Scalar } from "yaml";
import type { EntryList, LoweredFile, ParseError, Range, Value } from "../../model/types.js";
import { configFile, hashComments, type ConfigValue } from "./common.js";

function lowerScalar(node: Scalar): Value {
  const [start, valueEnd] = node.range ?? [0, 0];
  const range = { start, end: valueEnd };
  if (typeof node.value !== "string") return { kind: "other", range };
  if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") {
    return { kind: "string", range, contentRange: { start: start + 1, end: valueEnd - 1 }, string: node.value };
  }
  if (node.type === "PLAIN") return { kind: "string", range, contentRange: range, string: node.value };
  // Block scalars: a model ID never needs one, and editing them safely is not worth the risk.
  return { kind: "other", range };
}

function lowerNode(node: unknown): Value {
  if (isScalar(node)) return lowerScalar(node);
  const [start, end] = (node as YamlNode | undefined)?.range ?? [0, 0];
  const range = { start, end };
  if (isSeq(node)) {
    const entries = node.items.map((item) => {
      const value = lowerNode(item);
      return { key: null, value, range: value.range };
    });
    const list: EntryList = { entries, range, inner: range };
    return { kind: "array", range, list };
  }
  return { kind: "other", range };
}

/** YAML, every document of a multi-document stream. */
export function lowerYaml(path: string, text: string): LoweredFile | { error: ParseError } {
  const documents = parseAllDocuments(text, { lineCounter: new LineCounter() });
  const list = Array.isArray(documents) ? documents : [documents];
  const values: ConfigValue[] = [];
  for (const document of list) {
    const error = document.errors[0];
    if (error) return { error: { range: { start: error.pos[0], end: error.pos[1] }, message: `syntax error: ${error.message.split("\n")[0]}` } };
    visit(document.contents, [], values);
  }
  return configFile(path, "yaml", text, values, hashComments(text), "#");
}

/**
 * `- LLM_MODEL=zai-glm-4.6` in a docker-compose `environment:` list: the part after `=` is the
 * variable's value.
 */
function assignmentItem(item: Scalar): { key: string; keyRange: Range; value: Value } | undefined {
  const lowered = lowerScalar(item);
  const match = lowered.kind === "string" ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(lowered.string!) : null;
  if (!match || !lowered.contentRange) return undefined;
  const offset = lowered.contentRange.start + match[1]!.length + 1;
  const content = { start: offset, end: lowered.contentRange.end };
  const keyRange = { start: lowered.contentRange.start, end: lowered.contentRange.start + match[1]!.length };
  return { key: match[1]!, keyRange, value: { kind: "string", range: lowered.range, contentRange: content, string: match[2]! } };
}

/** Kubernetes env entries (`- name: LLM_MODEL` / `value: zai-glm-4.6`): the variable's name and value scalars. */
function envItem(node: unknown): { name: Scalar; value?: Scalar; range: Range } | undefined {
  if (!isMap(node)) return undefined;
  const scalarOf = (key: string): Scalar | undefined => {
    const pair = node.items.find((candidate) => isPair(candidate) && isScalar(candidate.key) && candidate.key.value === key);
    return pair && isScalar(pair.value) ? pair.value : undefined;
  };
  const name = scalarOf("name");
  const value = scalarOf("value");
  // `valueFrom: {secretKeyRef: ...}`: a variable whose value lives elsewhere.
  const from = node.items.some((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === "valueFrom");
  if (!name || typeof name.value !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.value) || (!value && !from)) return undefined;
  const [start, end] = node.range ?? [0, 0];
  return { name, ...(value ? { value } : {}), range: { start, end } };
}

const rangeOf = (node: Scalar): Range | undefined => {
  const lowered = lowerScalar(node);
  return lowered.kind === "string" ? lowered.contentRange : undefined;
};

/**
 * `parent` is the mapping around this node's mapping (a LiteLLM deployment around its
 * `litellm_params`); `envList` the siblings of a Kubernetes `env:` list this mapping is an entry of,
 * since its variables are read together.
 */
function visit(node: unknown, keyPath: string[], values: ConfigValue[], parent?: ReadonlyMap<string, string>, envList?: ReadonlyMap<string, string>): void {
  if (isMap(node)) {
    const siblings = new Map<string, string>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      siblings.set(String(pair.key.value), isScalar(pair.value) ? String(pair.value.value) : "");
    }
    const env = envList ? envItem(node) : undefined;
    if (env && envList) {
      const keyRange = rangeOf(env.name);
      const value: Value = env.value ? lowerScalar(env.value) : { kind: "other", range: env.range };
      values.push({ keyPath: [...keyPath, String(env.name.value)], value, siblings: envList, ...(keyRange ? { keyRange } : {}) });
      // Its `name` and `value` are that one variable, not settings of their own.
      return;
    }
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const path = [...keyPath, String(pair.key.value)];
      const keyRange = rangeOf(pair.key);
      if (isScalar(pair.value) || isSeq(pair.value)) {
        values.push({ keyPath: path, value: lowerNode(pair.value), siblings, ...(keyRange ? { keyRange } : {}), ...(parent ? { parent } : {}) });
      }
      visit(pair.value, path, values, siblings);
    }
  } else if (isSeq(node)) {
    const assignments = node.items.filter(isScalar).map(assignmentItem);
    const siblings = new Map(assignments.flatMap((item) => (item ? [[item.key, item.value.string!] as const] : [])));
    for (const item of assignments) {
      if (item) values.push({ keyPath: [...keyPath, item.key], value: item.value, siblings, keyRange: item.keyRange });
    }
    const envs = node.items.map(envItem);
    const envList = envs.some(Boolean) ? new Map(envs.flatMap((item) => (item ? [[String(item.name.value), String(item.value?.value ?? "")] as const] : []))) : undefined;
    for (const item of node.items) visit(item, keyPath, values, parent, envList);
  }
}
