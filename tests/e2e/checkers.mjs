// The two accessibility checkers, shared by tests/e2e/a11y.test.mjs (Chromium, injected with
// playwright) and tests/engines/a11y.test.mjs (all three engines, injected through their
// drivers): their sources, what they check, and what counts as a failure, said once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

export const AXE = readFileSync(join(ROOT, "tools/node_modules/axe-core/axe.min.js"), "utf8");
// IBM Equal Access: the rule engine that the `accessibility-checker` tool downloads at run time,
// installed from npm and injected, so it runs offline in Debian's browsers (see README).
export const ACE = readFileSync(join(ROOT, "tools/node_modules/accessibility-checker-engine/ace.js"), "utf8");
export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * In the page, with axe-core loaded: its violations of `tags` over the whole document (open
 * shadow roots included), one readable string each: the rule, its impact and help, then up to
 * three elements, each with what axe says is wrong there (a contrast's colours and ratio, say).
 * Self-contained: it is sent to the page as source.
 */
export async function axeViolations(tags) {
  const { violations } = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => {
    const why = (n.failureSummary ?? "").split("\n").slice(1).map((l) => l.trim()).filter(Boolean).join("; ");
    return `${n.target.join(" >> ")}${why ? `: ${why}` : ""}`;
  }).join("\n    ")}${v.nodes.length > 3 ? `\n    and ${v.nodes.length - 3} more` : ""}`);
}

/**
 * In the page, with IBM's engine loaded (`window.ace`): violations (not "needs review") of the
 * IBM_Accessibility policy, as `rule: message @ path`; and, at any level, what this checker
 * reported on the build of 2026-11-28 (issue 18): links opening a new tab without saying so, an
 * empty list, no way to skip the list of countries, a page title that is no heading.
 * `english`: the page is in English; a_target_warning looks for the English words "new window"
 * or "new tab" only. Self-contained: it is sent to the page as source.
 */
export async function ibmViolations(english) {
  const report = await new window.ace.Checker().check(document, ["IBM_Accessibility"]);
  const reported = ["aria_child_valid", "html_skipnav_exists", "text_block_heading", ...(english ? ["a_target_warning"] : [])];
  return report.results.filter((r) => (r.value[0] === "VIOLATION" && r.value[1] === "FAIL") || (reported.includes(r.ruleId) && r.value[1] !== "PASS"))
    .map((r) => `${r.ruleId}: ${r.message} @ ${r.path?.dom}`);
}
