// Hopfield Lab simulation worker (classic worker, so it also runs where module workers are not supported).
// Loads the TeaVM Wasm GC build when the browser supports it, else the TeaVM JS build; both give identical bits.
"use strict";
importScripts("engine-core.js", "exercise-engine.js");   // exercise-engine: stepped grading of exercises

var engines = {};

function loadJs() {
  if (!engines.js) {
    // The UMD build attaches its exports to a global `exports` object when one exists (avoids globals such as
    // `window`, `step` and `n` clashing with the worker's own).
    self.exports = {};
    importScripts("hopfield-classic.js");
    engines.js = new self.HLEngineCore(self.exports, "js");
    delete self.exports;
  }
  return Promise.resolve(engines.js);
}

function loadWasm() {
  if (engines.wasm) return Promise.resolve(engines.wasm);
  importScripts("../wasm/hopfield.wasm-runtime.js");
  return self.TeaVM.wasmGC.load(new URL("../wasm/hopfield.wasm", self.location.href).href).then(function (m) {
    engines.wasm = new self.HLEngineCore(m.exports, "wasm");
    return engines.wasm;
  });
}

function load(which) {
  if (which === "js") return loadJs();
  if (which === "wasm") return loadWasm();
  return loadWasm().catch(function (e) {
    self.wasmProblem = String(e && e.message || e);
    return loadJs();
  });
}

var main = null;

self.onmessage = function (ev) {
  var msg = ev.data;
  var p;
  if (msg.cmd === "init") {
    p = load(msg.prefer || "auto").then(function (e) {
      main = e;
      var info = e.handle({ cmd: "info" });
      info.wasmProblem = self.wasmProblem || "";
      return info;
    });
  } else if (msg.engine && (!main || msg.engine !== main.name)) {
    p = load(msg.engine).then(function (e) { return e.handle(msg); });
  } else {
    p = Promise.resolve().then(function () { return main.handle(msg); });
  }
  p.then(function (res) {
    var transfer = [];
    collect(res, transfer, 0);
    self.postMessage({ seq: msg.seq, res: res }, transfer);
    if (main && main.play) schedule(0);
  }, function (err) {
    self.postMessage({ seq: msg.seq, err: String(err && err.stack || err) });
  });
};

// While the page plays, the engine steps in slices of SLICE_MS between messages (so "pause", a theory request or a
// new spec wait at most one slice) and pushes frames the page asked for. A zero wait goes through a MessageChannel:
// nested setTimeout(0) is clamped to 4 ms, which would idle the worker between slices.
var SLICE_MS = 8, timer = 0, queued = false, channel = new MessageChannel();
channel.port1.onmessage = function () { queued = false; tick(); };

function schedule(wait) {
  if (wait < 0 || queued) return;
  if (timer) { clearTimeout(timer); timer = 0; }
  if (wait === 0) { queued = true; channel.port2.postMessage(0); } else timer = setTimeout(function () { timer = 0; tick(); }, wait);
}

function tick() {
  if (!main || !main.play) return;
  var r;
  try { r = main.tick(SLICE_MS); } catch (e) {
    main.play = null;
    self.postMessage({ playError: String(e && e.stack || e) });
    return;
  }
  if (r.push) {
    var transfer = [];
    collect(r.push, transfer, 0);
    self.postMessage({ push: r.push }, transfer);
  }
  schedule(r.wait);
}

function collect(o, out, depth) {
  if (!o || typeof o !== "object" || depth > 4) return;
  if (ArrayBuffer.isView(o)) { if (out.indexOf(o.buffer) < 0) out.push(o.buffer); return; }
  for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) collect(o[k], out, depth + 1);
}
