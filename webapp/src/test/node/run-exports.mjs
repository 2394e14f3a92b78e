#!/usr/bin/env node
// Calls one export of the TeaVM build of org.hopfieldlab.web.LabExports under Node and prints one JSON line.
//
//   node run-exports.mjs --js   target/lab/js/hopfield.js --call addTest 1.5 2.25 [--expect 3.75]
//   node run-exports.mjs --wasm target/lab/wasm/hopfield.wasm --runtime target/lab/wasm/hopfield.wasm-runtime.js \
//        --call runChecksum --args-json '["{\"n\":64}"]' [--expect ...]
//   (without --call: lists the exports)
//
// Positional arguments that look like numbers are passed as numbers, others as strings; --args-json gives them
// exactly. --expect passes when the result equals the expected value (as a number when it is one, else as text).
// Exit codes: 0 ok, 1 wrong result or the call threw, 2 usage or environment problem (e.g. Node too old for Wasm GC).
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { existsSync } from "node:fs";

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function fail(code, message, extra = {}) {
  console.log(JSON.stringify({ ok: false, error: message, ...extra }));
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { args: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(2, `missing value after ${a}`);
      return argv[++i];
    };
    if (a === "--js") opts.js = next();
    else if (a === "--wasm") opts.wasm = next();
    else if (a === "--runtime") opts.runtime = next();
    else if (a === "--call") opts.call = next();
    else if (a === "--expect") opts.expect = next();
    else if (a === "--args-json") opts.argsJson = next();
    else if (a.startsWith("--")) fail(2, `unknown option ${a}`);
    else opts.args.push(NUMBER.test(a) ? Number(a) : a);
  }
  if (opts.argsJson !== undefined) {
    let parsed;
    try { parsed = JSON.parse(opts.argsJson); } catch (e) { fail(2, `--args-json is not JSON: ${e.message}`); }
    if (!Array.isArray(parsed)) fail(2, "--args-json must be a JSON array");
    opts.args = opts.args.concat(parsed);
  }
  if (!opts.js === !opts.wasm) fail(2, "give exactly one of --js <hopfield.js> or --wasm <hopfield.wasm>");
  if (opts.wasm && !opts.runtime) fail(2, "--wasm needs --runtime <loader js copied by copy-webassembly-gc-runtime>");
  for (const f of [opts.js, opts.wasm, opts.runtime]) {
    if (f !== undefined && !existsSync(f)) fail(2, `file not found: ${f}`);
  }
  return opts;
}

async function loadJs(path) {
  // TeaVM JS output with jsModuleType ES2015: the @JSExport methods are named ES-module exports.
  return await import(pathToFileURL(resolve(path)).href);
}

async function loadWasm(path, runtime) {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) {
    fail(2, `Wasm GC needs Node >= 22 but this is Node ${process.versions.node} (${process.execPath}); ` +
      "run tools/node24.sh and put its bin directory first on PATH");
  }
  // The copied runtime (non-modular flavour) is a classic script: it sets globalThis.TeaVM.wasmGC = {load, ...}.
  await import(pathToFileURL(resolve(runtime)).href);
  const wasmGC = globalThis.TeaVM?.wasmGC;
  if (typeof wasmGC?.load !== "function") fail(2, `${runtime} did not define TeaVM.wasmGC.load`);
  // Under Node, load() reads the path with node:fs; in a browser it fetch()es the URL.
  const teavm = await wasmGC.load(resolve(path));
  return teavm.exports;
}

function matches(result, expectRaw) {
  if (typeof result === "number" && NUMBER.test(expectRaw)) return result === Number(expectRaw);
  return String(result) === expectRaw;
}

const opts = parseArgs(process.argv.slice(2));
const target = opts.js ? "js" : "wasm";
let exportsObj;
try {
  exportsObj = opts.js ? await loadJs(opts.js) : await loadWasm(opts.wasm, opts.runtime);
} catch (e) {
  fail(1, `loading the ${target} build failed: ${e?.stack ?? e}`, { target });
}
// Wasm GC exports are non-enumerable properties, so list own property names rather than Object.keys.
const names = Object.getOwnPropertyNames(exportsObj).filter((n) => typeof exportsObj[n] === "function").sort();
if (!opts.call) {
  console.log(JSON.stringify({ ok: true, target, node: process.versions.node, exports: names }));
  process.exit(0);
}
const fn = exportsObj[opts.call];
if (typeof fn !== "function") fail(1, `no exported function '${opts.call}'`, { target, exports: names });

const t0 = performance.now();
let result;
try {
  result = fn(...opts.args);
} catch (e) {
  fail(1, `${opts.call} threw: ${e?.stack ?? e}`, { target, call: opts.call, args: opts.args });
}
const ms = Math.round((performance.now() - t0) * 1000) / 1000;
const ok = opts.expect === undefined || matches(result, opts.expect);
const line = { ok, target, node: process.versions.node, call: opts.call, args: opts.args, result, ms };
if (opts.expect !== undefined) line.expect = opts.expect;
console.log(JSON.stringify(line, (k, v) => (typeof v === "bigint" ? v.toString() : v)));
process.exit(ok ? 0 : 1);
