import type { Rule } from "../model/rule.js";
import { ruleText } from "../report/rule-docs.js";
import { didYouMean } from "../suggest.js";
import { UsageError } from "./errors.js";

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

export function findRule(rules: readonly Rule[], id: string): Rule {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new UsageError(`unknown rule \`${id}\`${didYouMean(id, rules.map((candidate) => candidate.meta.id))}`);
  return rule;
}

export function explainRule(rules: readonly Rule[], id: string): string {
  return ruleText(findRule(rules, id));
}
