// Bundle entry.js (sigma, graphology, ForceAtlas2) into one minified IIFE inside the Python
// package, with the licence of every npm package that ends up in it: at the top of the bundle
// (so each HTML file that inlines it carries them) and as files in graphbuild/assets/licenses.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const assets = join(here, "..", "graphbuild", "assets");
const licences = join(assets, "licenses");
const options = {
  entryPoints: [join(here, "entry.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "none", // replaced by the full licence texts in the banner
  metafile: true,
  outfile: join(assets, "vendor.min.js"),
};

// the packages whose code is in the bundle (node_modules/<name>/ or node_modules/@scope/<name>/)
function bundledPackages(metafile) {
  const names = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) names.add(m[1]);
  }
  return [...names].sort().map((name) => {
    const dir = join(here, "node_modules", name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    if (!file) throw new Error(`${name}: the npm package has no licence file; add one by hand before shipping`);
    return { name, version: pkg.version, license: pkg.license, file: join(dir, file) };
  });
}

const probe = await build({ ...options, write: false });
const bundled = bundledPackages(probe.metafile);
const texts = bundled.map(({ name, version, license, file }) =>
  `${name} ${version} (${license})\n\n${readFileSync(file, "utf8").trim()}`);
if (texts.some((t) => t.includes("*/"))) throw new Error("a licence text contains '*/'");
const banner = `/*! graphbuild's view bundle: ${bundled.map((p) => `${p.name} ${p.version}`).join(", ")}.\n\n`
  + `${texts.join("\n\n----\n\n")}\n*/`;
await build({ ...options, metafile: false, banner: { js: banner } });

const code = readFileSync(options.outfile, "utf8");
if (/<\/script/i.test(code)) throw new Error("the bundle contains '</script', which would end the HTML's script element");

rmSync(licences, { recursive: true, force: true });
mkdirSync(licences, { recursive: true });
for (const { name, file } of bundled) copyFileSync(file, join(licences, `${name.replace("/", "__")}.txt`));
writeFileSync(join(licences, "BUNDLED.txt"),
  bundled.map((p) => `${p.name} ${p.version} ${p.license}`).join("\n") + "\n");
console.log(`vendor.min.js (${code.length} bytes): ${bundled.map((p) => `${p.name} ${p.version}`).join(", ")}`);
