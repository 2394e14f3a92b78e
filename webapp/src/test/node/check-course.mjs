#!/usr/bin/env node
// The built-in course in the browser engines: grades every reference answer in the TeaVM JS and Wasm GC builds and
// requires the very same verdict JSON the JVM wrote (target/course-verdicts.jsonl, by CourseVerdictsTest) — same
// verdict, same feedback text on every runtime. Also: step-by-step grading equals one-shot grading, and malformed
// or hostile exercises are refused with a message (nothing runs).
//
//   node check-course.mjs --verdicts FILE --js hopfield.js --wasm hopfield.wasm --runtime hopfield.wasm-runtime.js
//
// Needs Node >= 22 (Wasm GC). Prints one line per case and a closing "N passed, M failed"; exits 1 on any failure.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { readFileSync, existsSync } from "node:fs";

const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) opts[argv[i].replace(/^--/, "")] = argv[i + 1];
for (const k of ["verdicts", "js", "wasm", "runtime"]) {
  if (!opts[k] || !existsSync(opts[k])) {
    console.error(`check-course: --${k} missing or not found: ${opts[k]}` +
      (k === "verdicts" ? " (written by the webapp's CourseVerdictsTest: run the tests, not -DskipTests)" : ""));
    process.exit(2);
  }
}
if (Number(process.versions.node.split(".")[0]) < 22) {
  console.error(`check-course: Wasm GC needs Node >= 22, this is ${process.versions.node}; run tools/node24.sh`);
  process.exit(2);
}

const cases = readFileSync(opts.verdicts, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
if (cases.length === 0) { console.error("check-course: no cases in " + opts.verdicts); process.exit(2); }

const js = await import(pathToFileURL(resolve(opts.js)).href);
await import(pathToFileURL(resolve(opts.runtime)).href);
const wasm = (await globalThis.TeaVM.wasmGC.load(resolve(opts.wasm))).exports;
const engines = [["js", js], ["wasm", wasm]];

let passed = 0;
let failed = 0;
const ms = { js: 0, wasm: 0 };
function check(ok, line) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
}

for (const c of cases) {
  for (const [name, engine] of engines) {
    const json = engine.exerciseBuiltin(c.exercise);
    const t0 = performance.now();
    const got = engine.exerciseGrade(json, c.task, c.answer);
    const dt = performance.now() - t0;
    ms[name] += dt;
    const verdict = got ? JSON.parse(got).verdict : `(none: ${engine.lastError()})`;
    const same = got === c.verdict;
    check(same && verdict === c.expect, `${name.padEnd(4)} ${c.exercise}/${c.task} ${c.expect}: ${verdict}` +
      `${same ? "" : " — differs from the JVM's verdict:\n     JVM: " + c.verdict + "\n     got: " + got}` +
      `  ${dt.toFixed(0)} ms`);
  }
}

// step by step (as the lab grades, a few trials per call) gives the same verdict as at once
const heavy = cases.find((c) => c.exercise === "noise-switching" && c.task === "switch" && c.expect === "right");
for (const [name, engine] of engines) {
  const json = engine.exerciseBuiltin(heavy.exercise);
  const h = engine.exerciseGradeStart(json, heavy.task, heavy.answer);
  let calls = 0;
  let progress = 0;
  let monotone = true;
  while (engine.exerciseGradeStep(h, 4) === 0) {
    calls++;
    const p = engine.exerciseGradeProgress(h);
    monotone = monotone && p > progress;
    progress = p;
  }
  const v = engine.exerciseGradeVerdict(h);
  check(v === heavy.verdict && calls === 9 && monotone,
    `${name.padEnd(4)} stepwise grading of ${heavy.exercise}/${heavy.task}: ${calls + 1} calls of 4 trials, same verdict`);
}

// malformed and hostile exercises: a message, nothing runs
const base = JSON.parse(js.exerciseBuiltin("idp-existence"));
const hostile = [
  ["script tag", { ...base, instructions: "<script>alert(1)</script>" }, "raw HTML"],
  ["1 MB of text", { ...base, instructions: "x".repeat(1000000) }, "allowed: at most 200000"],
  ["bad spec", { ...base, spec: "model=idp&n=-5" }, "spec"],
  ["unknown task kind", { ...base, tasks: [{ ...base.tasks[0], kind: "essay" }] }, "unknown task kind 'essay'"],
  ["newer format", { ...base, format: 2 }, "newer than this lab reads"],
];
for (const [what, doc, words] of hostile) {
  for (const [name, engine] of engines) {
    const view = engine.exerciseView(JSON.stringify(doc));
    const err = engine.lastError();
    check(view === "" && err.includes(words), `${name.padEnd(4)} ${what}: refused — ${err.slice(0, 90)}`);
  }
}
const deep = "[".repeat(100000) + "]".repeat(100000);
for (const [name, engine] of engines) {
  const view = engine.exerciseView(`{"format": 1, "id": "x", "tasks": ${deep}}`);
  check(view === "" && engine.lastError().length > 0, `${name.padEnd(4)} deep nesting: refused without a stack overflow`);
}

console.log(`grading time: JS ${(ms.js / 1000).toFixed(1)} s, Wasm ${(ms.wasm / 1000).toFixed(1)} s ` +
  `for ${cases.length} reference answers (Wasm/JS ${(ms.wasm / ms.js).toFixed(2)})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
