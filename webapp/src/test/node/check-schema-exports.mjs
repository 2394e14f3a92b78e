#!/usr/bin/env node
// The schema helper's exports under the real TeaVM builds: replays the calls SchemaExportsTest made on the JVM
// (target/schema-export-cases.json: [{name, call, args, expect, session?, advance?}]) against the JS and the Wasm GC
// build and requires the very same answers (strings equal, numbers bit for bit).
//
//   node check-schema-exports.mjs --cases FILE --js hopfield.js --wasm hopfield.wasm --runtime hopfield.wasm-runtime.js
//
// Numbers in args/expect are {"i": int} or {"d": double | "NaN"}; a case with "session" creates a simulation of that
// spec (trial 0), advances it, and passes its id first. Exits 1 on any difference.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { readFileSync, existsSync } from "node:fs";

const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) opts[argv[i].replace(/^--/, "")] = argv[i + 1];
for (const k of ["cases", "js", "wasm", "runtime"]) {
  if (!opts[k] || !existsSync(opts[k])) {
    console.error(`check-schema-exports: --${k} missing or not found: ${opts[k]}`);
    process.exit(2);
  }
}
if (Number(process.versions.node.split(".")[0]) < 22) {
  console.error(`check-schema-exports: Wasm GC needs Node >= 22, this is ${process.versions.node}`);
  process.exit(2);
}
const cases = JSON.parse(readFileSync(opts.cases, "utf8"));
if (!cases.length) { console.error("check-schema-exports: no cases"); process.exit(2); }

const num = (v) => (v && typeof v === "object" ? (v.d === "NaN" ? NaN : v.d !== undefined ? v.d : v.i) : v);
const same = (a, b) => (typeof b === "number" ? Object.is(a, b) : a === b);

const js = await import(pathToFileURL(resolve(opts.js)).href);
await import(pathToFileURL(resolve(opts.runtime)).href);
const wasm = (await globalThis.TeaVM.wasmGC.load(resolve(opts.wasm))).exports;

let passed = 0, failed = 0;
for (const c of cases) {
  const args = c.args.map(num), expect = num(c.expect);
  for (const [name, e] of [["js", js], ["wasm", wasm]]) {
    let got;
    try {
      if (c.session) {
        const id = e.create(c.session, 0);
        if (id < 0) throw new Error("create failed: " + e.lastError());
        e.advance(id, c.advance);
        got = e[c.call](id, ...args);
        e.dispose(id);
      } else {
        got = e[c.call](...args);
      }
    } catch (err) {
      got = "threw: " + (err?.stack ?? err);
    }
    const ok = same(got, expect);
    if (ok) passed++; else failed++;
    const show = (v) => { const s = String(v); return s.length > 160 ? s.slice(0, 160) + "…" : s; };
    console.log(`${ok ? "ok  " : "FAIL"} ${name.padEnd(4)} ${c.name}: ${c.call}` + (ok ? "" : `\n     got ${show(got)}\n     JVM ${show(expect)}`));
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
