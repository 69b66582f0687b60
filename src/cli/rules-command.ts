import type { Rule } from "../model/rule.js";
import { UsageError } from "./errors.js";
import { didYouMean } from "./suggest.js";

export function listRules(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => ({
    id: rule.meta.id,
    severity: rule.meta.severity,
    fix: rule.meta.fix,
    on: rule.meta.enabledByDefault === false ? "off" : "on",
    summary: rule.meta.docs.summary,
  }));
  const idWidth = Math.max(4, ...rows.map((row) => row.id.length));
  let out = `${"rule".padEnd(idWidth)}  severity  fix     default  summary\n`;
  for (const row of rows) {
    out += `${row.id.padEnd(idWidth)}  ${row.severity.padEnd(8)}  ${row.fix.padEnd(6)}  ${row.on.padEnd(7)}  ${row.summary}\n`;
  }
  return out;
}

export function explainRule(rules: readonly Rule[], id: string): string {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) {
    throw new UsageError(`unknown rule \`${id}\`${didYouMean(id, rules.map((candidate) => candidate.meta.id))}`);
  }
  const { meta } = rule;
  const indent = (text: string): string => text.split("\n").map((line) => `    ${line}`).join("\n");
  return (
    `${meta.id} (${meta.severity}; fix: ${meta.fix}${meta.enabledByDefault === false ? "; off by default" : ""})\n\n` +
    `What it does\n  ${meta.docs.whatItDoes}\n\n` +
    `Why is this bad?\n  ${meta.docs.why}\n\n` +
    `Example\n${indent(meta.docs.example)}\n\n` +
    `Use instead\n${indent(meta.docs.useInstead)}\n\n` +
    `Source\n  ${meta.docs.source}\n`
  );
}
