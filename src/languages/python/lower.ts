import type { Node } from "web-tree-sitter";
import { RESPONSE_FIELDS, type RawFile } from "../../model/assemble.js";
import { UNLIMITED, type Budget } from "../../model/budget.js";
import { RawFileBuilder } from "../../model/raw-file-builder.js";
import { PYTHON_CONSTRUCTORS, PYTHON_MODULE_CLIENTS, PYTHON_REQUEST_FUNCTIONS, PYTHON_WRAPPERS } from "../../model/sdks.js";
import { visitAsPattern, visitAssignment, visitCall, visitFor, visitPair, visitParameter, visitReturn } from "./bindings.js";
import { pythonKit } from "./kit.js";
import { visitKey, visitRead } from "./reads.js";
import { definedFunction, visitImport, visitShadowing } from "./scopes.js";
import type { PythonLowering } from "./syntax.js";

// The walk over a tree-sitter-python tree. What each kind of node says is read by the parts:
// scopes.ts (imports and scopes), values.ts (values and calls), bindings.ts (what names hold),
// reads.ts (response field reads and message keys).

const TABLES = {
  constructors: PYTHON_CONSTRUCTORS,
  moduleClients: PYTHON_MODULE_CLIENTS,
  requestFunctions: PYTHON_REQUEST_FUNCTIONS,
  wrappers: PYTHON_WRAPPERS,
  passThroughMembers: new Set(["with_options", "copy", "with_raw_response", "with_streaming_response"]),
};

/** Node kinds that matter only as reads of a response field, visited where the text names one. */
const READ_ONLY = new Set(["attribute", "subscript", "comparison_operator"]);

/** The node kinds the lowering looks at; every other node is only walked through. */
const INTERESTING = new Set([
  "comparison_operator",
  "return_statement",
  "import_statement",
  "import_from_statement",
  "assignment",
  "typed_parameter",
  "default_parameter",
  "typed_default_parameter",
  "parameters",
  "lambda_parameters",
  "as_pattern",
  "call",
  "pair",
  "attribute",
  "subscript",
  "for_statement",
  // Names bound by patterns, comprehensions, walrus, classes: not modelled, but they shadow imports.
  "pattern_list",
  "tuple_pattern",
  "list_pattern",
  "list_splat_pattern",
  "for_in_clause",
  "named_expression",
  "class_definition",
]);

function visit(lowering: PythonLowering, node: Node, mentionsAField: boolean): void {
  switch (node.type) {
    case "import_statement":
    case "import_from_statement":
      return visitImport(lowering, node);
    case "return_statement":
      return visitReturn(lowering, node);
    case "assignment":
      return visitAssignment(lowering, node);
    case "typed_parameter":
    case "default_parameter":
    case "typed_default_parameter":
      return visitParameter(lowering, node);
    case "parameters":
    case "lambda_parameters":
      for (const child of node.namedChildren) if (child?.type === "identifier") visitParameter(lowering, child);
      return;
    case "as_pattern":
      return visitAsPattern(lowering, node);
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "list_splat_pattern":
    case "for_in_clause":
    case "named_expression":
    case "class_definition":
      return visitShadowing(lowering, node);
    case "call":
      if (mentionsAField) visitRead(lowering, node);
      return visitCall(lowering, node);
    case "pair":
      visitPair(lowering, node);
      return visitKey(lowering, node);
    case "attribute":
    case "subscript":
    case "comparison_operator":
      return visitRead(lowering, node);
    case "for_statement":
      return visitFor(lowering, node);
  }
}

/** Reads a tree-sitter-python tree into the facts the shared assembler needs. */
export function lowerPython(path: string, text: string, root: Node, budget: Budget = UNLIMITED): RawFile {
  const raw = new RawFileBuilder();
  // The kind of node at each depth of the walk (see PythonLowering.typeAbove).
  const types: string[] = [];
  let depth = 0;
  const lowering: PythonLowering = { raw, callById: new Map(), scope: -1, typeAbove: (levels) => types[depth - levels] };
  // Reads of response fields only matter in files that name one; elsewhere attribute and
  // subscript nodes, the most common of all, are never materialised.
  const fields = [...RESPONSE_FIELDS].filter((name) => text.includes(name));
  // The walk meets nodes in order of their start, so each field's next mention is searched for
  // only once it is passed: a search from every node would read the rest of the file each time.
  const nextMention = fields.map(() => -1);
  const mentionsField = (start: number, end: number): boolean =>
    fields.some((name, index) => {
      let at = nextMention[index]!;
      if (at < start) {
        const found = text.indexOf(name, start);
        nextMention[index] = at = found === -1 ? Infinity : found;
      }
      return at < end;
    });

  // A cursor walks the tree without building a Node object for every node: only the kinds
  // above are materialised, and comments and quotes are read straight off the text.
  const cursor = root.walk();
  let visited = 0;
  // Functions entered, innermost last: their depth in the tree and their start.
  const scopes: { depth: number; start: number }[] = [];
  try {
    for (;;) {
      if ((++visited & 4095) === 0) budget.check();
      const type = cursor.nodeType;
      types[depth] = type;
      if (type === "function_definition" || type === "lambda") {
        if (type === "function_definition") definedFunction(lowering, cursor.currentNode, cursor.startIndex, scopes.length > 0);
        scopes.push({ depth, start: cursor.startIndex });
        lowering.scope = cursor.startIndex;
      }
      if (type === "comment") {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        raw.comments.push({ range: { start, end }, text: text.slice(start, end) });
      } else if (type === "string_start") {
        raw.countQuote(text.slice(cursor.startIndex, cursor.endIndex).replace(/^[a-zA-Z]*/, ""));
      } else if (INTERESTING.has(type) && (!READ_ONLY.has(type) || mentionsField(cursor.startIndex, cursor.endIndex))) {
        visit(lowering, cursor.currentNode, fields.length > 0);
      }
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        // Leaving a node (to its sibling or its parent) leaves the functions opened at its depth.
        while (scopes.length > 0 && scopes.at(-1)!.depth >= depth) scopes.pop();
        lowering.scope = scopes.at(-1)?.start ?? -1;
        if (cursor.gotoNextSibling()) break;
        if (!cursor.gotoParent()) return raw.finish({ path, language: "python", text, kit: pythonKit(raw.preferredQuote), tables: TABLES });
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}
