import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Builds dist/ so CLI tests run the same binary users do. */
export default function setup(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
}
