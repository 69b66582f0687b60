import { currentCerebrasIds } from "../../rules/knowledge/catalog.js";
import { didYouMean } from "../suggest.js";

/**
 * Why a target model cannot be migrated to, or undefined when the catalog knows it as a current
 * Cerebras model. A typo here would be written into every model ID by a safe fix, so an ID the
 * catalog does not know needs the override named in `override`.
 */
export function unknownTargetReason(model: string, override: string): string | undefined {
  const current = currentCerebrasIds();
  if (current.includes(model)) return undefined;
  return (
    `\`${model}\` is not a current Cerebras model in the catalog${didYouMean(model, current)}; ` +
    `current: ${current.join(", ")} (${override} allows a model newer than the catalog)`
  );
}
