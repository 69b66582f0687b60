import type { Rule } from "../model/rule.js";

/** The headings Ruff uses, in its order; `explain` prints them and docs/rules/<id>.md is the same text. */
function sections(rule: Rule): [string, string, boolean][] {
  const { docs } = rule.meta;
  const follows: [string, string, boolean][] = docs.follows?.length ? [["What it follows", docs.follows.map((flow) => `- ${flow}`).join("\n"), false]] : [];
  return [
    ["What it does", docs.whatItDoes, false],
    ...follows,
    ["Why is this bad?", docs.why, false],
    ["Example", docs.example, true],
    ["Use instead", docs.useInstead, true],
    ["Source", docs.source, false],
  ];
}

function heading(rule: Rule): string {
  const { meta } = rule;
  return `${meta.id} (${meta.severity}; fix: ${meta.fix}${meta.enabledByDefault === false ? "; off by default" : ""})`;
}

export function ruleText(rule: Rule): string {
  const indent = (text: string): string => text.split("\n").map((line) => `    ${line}`).join("\n");
  const body = sections(rule)
    .map(([title, text, code]) => `${title}\n${code ? indent(text) : text.split("\n").map((line) => `  ${line}`).join("\n")}`)
    .join("\n\n");
  return `${heading(rule)}\n\n${body}\n`;
}

export function ruleMarkdown(rule: Rule): string {
  const language = rule.meta.languages.includes("python") ? "python" : "ts";
  const body = sections(rule)
    .map(([title, text, code]) => `## ${title}\n\n${code ? `\`\`\`${language}\n${text}\n\`\`\`` : text}`)
    .join("\n\n");
  return `# ${heading(rule)}\n\n${rule.meta.docs.summary}\n\n${body}\n`;
}
