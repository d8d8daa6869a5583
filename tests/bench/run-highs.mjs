// Solves an LP file (CPLEX LP format, as lfrplan export-lp writes it) with
// HiGHS compiled to WebAssembly (the npm package `highs`), for bench_solver
// (docs/benchmarks.md). Prints one line:
//
//   highs status=Optimal objective=565.16 bound=565.16 seconds=12.3 version=1.8.0
//
// bound is "-" when this build of HiGHS does not report it.
//
//   node tests/bench/run-highs.mjs --highs-dir DIR [--seconds S] MODEL.lp
//
// DIR holds node_modules/highs (tests/bench/setup-highs.sh installs it).
// Exit 0 when HiGHS ran (whatever its status), 2 for bad usage or a model
// HiGHS refused to read (its message on standard error).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

function usage(message) {
  console.error(`run-highs: ${message}\nusage: node run-highs.mjs --highs-dir DIR [--seconds S] MODEL.lp`);
  process.exit(2);
}

let highsDir = null;
let seconds = 60;
let model = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  if (args[i] === "--highs-dir" && i + 1 < args.length) highsDir = args[++i];
  else if (args[i] === "--seconds" && i + 1 < args.length) seconds = Number(args[++i]);
  else if (!args[i].startsWith("--") && model === null) model = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!highsDir || !model) usage("--highs-dir and MODEL.lp are required");
if (!(seconds > 0)) usage("--seconds must be a positive number");

const require = createRequire(join(resolve(highsDir), "package.json"));
let packagePath;
try {
  packagePath = require.resolve("highs");
} catch {
  usage(`no highs package in ${highsDir} (run tests/bench/setup-highs.sh)`);
}
let version = "?";
try {
  version = JSON.parse(readFileSync(join(resolve(highsDir), "node_modules", "highs", "package.json"), "utf8")).version;
} catch {
  // a package without its package.json beside it: the version stays unknown
}
const loaded = await import(pathToFileURL(packagePath).href);
const loader = loaded.default ?? loaded;
const highs = await loader({});

// HiGHS's model status codes (HighsModelStatus), as its legacy API names them.
const statusNames = [
  "Not Set", "Load error", "Model error", "Presolve error", "Solve error", "Postsolve error", "Empty",
  "Optimal", "Infeasible", "Primal infeasible or unbounded", "Unbounded", "Bound on objective reached",
  "Target for objective reached", "Time limit reached", "Iteration limit reached", "Unknown",
  "Solution limit reached", "Interrupted",
];

const text = readFileSync(model, "utf8");
const start = process.hrtime.bigint();
let status;
let objective;
let bound;
try {
  if (typeof highs.createModel === "function") {
    // The persistent API also reports the MIP's dual bound.
    const m = highs.createModel({ format: "lp", data: text });
    try {
      m.options.set({ time_limit: seconds, output_flag: false });
      const run = m.run();
      status = statusNames[run.modelStatus] ?? `status ${run.modelStatus}`;
      objective = m.getObjectiveValue();
      try {
        bound = m.info.get("mip_dual_bound");
      } catch {
        bound = undefined; // an LP without integers has none
      }
    } finally {
      m.dispose();
    }
  } else {
    const result = highs.solve(text, { time_limit: seconds, output_flag: false });
    status = result.Status;
    objective = result.ObjectiveValue;
  }
} catch (error) {
  console.error(`run-highs: HiGHS did not solve ${model}: ${error && error.message ? error.message : error}`);
  process.exit(2);
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;

const number = (value) => (typeof value === "number" && Number.isFinite(value) ? String(value) : "-");
const hasSolution = status === "Optimal" || status === "Time limit reached" || status === "Interrupted";
console.log(
  `highs status=${String(status).replace(/\s+/g, "_")} objective=${hasSolution ? number(objective) : "-"} ` +
    `bound=${number(bound)} seconds=${elapsed.toFixed(2)} version=${version}`,
);
