// Bundles the app into WEBAPP_DIST (the war's web resources): index.html, assets/app.js, assets/app.css.
// Prints the gzipped size and fails over the budget: the app loads fast on a phone.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// The budget of an app with an upload library (tus-js-client); without one the app would stay under 200 KiB.
const BUDGET_BYTES = 350 * 1024;
const dist = process.env.WEBAPP_DIST ?? "../../../target/webapp-dist";

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "assets"), { recursive: true });
const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning" };
await build({
  ...common,
  entryPoints: ["src/main.ts"],
  outfile: join(dist, "assets/app.js"),
  format: "iife",
  target: ["chrome109", "firefox115", "safari16"],
});
await build({ ...common, entryPoints: ["src/app.css"], outfile: join(dist, "assets/app.css") });
copyFileSync("src/index.html", join(dist, "index.html"));

let total = 0;
const sizes = ["index.html", "assets/app.js", "assets/app.css"].map((file) => {
  const bytes = readFileSync(join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  return `${file} ${bytes.length} B (${gzipped} B gzipped)`;
});
console.log(`web app bundle: ${sizes.join(", ")}; total ${(total / 1024).toFixed(1)} KiB gzipped, budget ${BUDGET_BYTES / 1024} KiB`);
if (total > BUDGET_BYTES) {
  console.error(`web app bundle over its budget: ${total} > ${BUDGET_BYTES} bytes gzipped`);
  process.exit(1);
}
