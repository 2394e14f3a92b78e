#!/usr/bin/env node
// Determinism check: the TeaVM JS and Wasm GC builds must reproduce, bit for bit, the JVM's golden checksums
// (simulator/src/test/resources/golden-checksums.tsv: spec <TAB> trial <TAB> checksum, pinned by the JVM tests).
//
//   node check-golden.mjs --golden FILE --js hopfield.js --wasm hopfield.wasm --runtime hopfield.wasm-runtime.js
//
// Needs Node >= 22 (Wasm GC). Prints one line per case and a closing "N passed, M failed"; exits 1 on any mismatch.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { readFileSync, existsSync } from "node:fs";

const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) opts[argv[i].replace(/^--/, "")] = argv[i + 1];
for (const k of ["golden", "js", "wasm", "runtime"]) {
  if (!opts[k] || !existsSync(opts[k])) {
    console.error(`check-golden: --${k} missing or not found: ${opts[k]}`);
    process.exit(2);
  }
}
if (Number(process.versions.node.split(".")[0]) < 22) {
  console.error(`check-golden: Wasm GC needs Node >= 22, this is ${process.versions.node}; run tools/node24.sh`);
  process.exit(2);
}

const cases = readFileSync(opts.golden, "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => { const [spec, trial, checksum] = l.split("\t"); return { spec, trial: Number(trial), checksum: checksum.trim() }; });
if (cases.length === 0) { console.error("check-golden: no cases in " + opts.golden); process.exit(2); }

const js = await import(pathToFileURL(resolve(opts.js)).href);
await import(pathToFileURL(resolve(opts.runtime)).href);
const wasm = (await globalThis.TeaVM.wasmGC.load(resolve(opts.wasm))).exports;

let passed = 0;
let failed = 0;
for (const c of cases) {
  for (const [name, engine] of [["js", js], ["wasm", wasm]]) {
    const t0 = performance.now();
    const got = engine.runChecksum(c.spec, c.trial);
    const ms = (performance.now() - t0).toFixed(1);
    const ok = got === c.checksum;
    if (ok) passed++; else failed++;
    console.log(`${ok ? "ok  " : "FAIL"} ${name.padEnd(4)} ${got} (JVM ${c.checksum}) ${ms} ms  ${c.spec} #${c.trial}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
