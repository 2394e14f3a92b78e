// Hopfield Lab engine core: drives the TeaVM exports (JS or Wasm GC, same API) and answers the page's requests.
// Shared by the Web Worker (js/worker.js) and the main-thread fallback for file:// (js/engine.js). Classic script:
// defines self.HLEngineCore. Every request is a plain object {cmd, ...}; every answer a plain object (typed arrays
// inside may be transferred).
(function (root) {
  "use strict";

  var MAX_SAMPLES = 1500;

  function EngineCore(core, name) {
    this.core = core;
    this.name = name;
    this.slots = [null, null];
  }

  function now() { return (typeof performance !== "undefined" ? performance : Date).now(); }

  EngineCore.prototype.handle = function (msg) {
    var fn = this["cmd_" + msg.cmd];
    if (!fn) throw new Error("unknown engine command " + msg.cmd);
    return fn.call(this, msg);
  };

  EngineCore.prototype.cmd_info = function () {
    var c = this.core, names = String(c.presetNames()).split(","), presets = [];
    for (var k = 0; k < names.length; k++) {
      presets.push({ name: names[k], title: c.presetTitle(names[k]), description: c.presetDescription(names[k]),
        spec: c.presetSpec(names[k]) });
    }
    return { engine: this.name, version: c.version(), presets: presets };
  };

  // ---- simulation slots ----

  EngineCore.prototype.cmd_create = function (msg) {
    var c = this.core, old = this.slots[msg.slot];
    if (old) { c.dispose(old.id); this.slots[msg.slot] = null; }
    var id = c.create(msg.spec, msg.trial || 0);
    if (id < 0) return { error: c.lastError(), key: c.lastErrorKey() };
    var n = c.n(id), p = c.p(id), total = c.totalSteps(id);
    var s = {
      id: id, n: n, p: p, total: total, stride: Math.max(1, Math.ceil(total / MAX_SAMPLES)),
      pending: null, diverged: "", lastWindow: -1, track: msg.track || null
    };
    this.slots[msg.slot] = s;
    var windows = [];
    for (var w = 0; w < c.windows(id); w++) {
      var weights = [], gains = [];
      for (var mu = 0; mu < p; mu++) {
        weights.push(c.windowWeight(id, w, mu));
        gains.push(c.inputGain(id, w, mu));
      }
      windows.push({ start: c.windowStart(id, w), target: c.windowTarget(id, w), weights: weights, gains: gains });
    }
    var memories = null;
    if (n * p <= 64 * 4096) {
      memories = new Int8Array(n * p);
      for (var m = 0; m < p; m++) for (var i = 0; i < n; i++) memories[m * n + i] = c.memory(id, m, i) > 0 ? 1 : -1;
    }
    s.pending = this.newBatch();
    this.sample(s);
    var skipped = 0;
    if (msg.toStep > 0) skipped = this.advance(s, msg.toStep, 1e9);
    var frame = this.frame(s);
    return {
      slot: msg.slot, spec: c.spec(id), n: n, p: p, width: c.width(id), total: total,
      stride: s.stride, windows: windows, memories: memories, frame: frame, engine: this.name, fastForward: skipped
    };
  };

  EngineCore.prototype.newBatch = function () {
    return { t: [], step: [], m: [], e: [], win: [], proj: [] };
  };

  EngineCore.prototype.sample = function (s) {
    var c = this.core, id = s.id, b = s.pending, m = new Float32Array(s.p);
    c.refresh(id);
    for (var mu = 0; mu < s.p; mu++) m[mu] = c.overlap(id, mu);
    b.t.push(c.time(id));
    b.step.push(c.step(id));
    b.m.push(m);
    b.e.push(c.energy(id));
    b.win.push(c.window(id));
    if (s.track) b.proj.push([c.projection(id, s.track[0]), c.projection(id, s.track[1])]);
  };

  // Advances to targetStep (or until the time budget in ms runs out), sampling every `stride` steps.
  EngineCore.prototype.advance = function (s, targetStep, budgetMs) {
    var c = this.core, id = s.id, t0 = now(), done = 0;
    targetStep = Math.min(targetStep, s.total);
    while (!s.diverged) {
      var step = c.step(id);
      if (step >= targetStep) break;
      var next = Math.min(targetStep, (Math.floor(step / s.stride) + 1) * s.stride);
      var k = c.advance(id, next - step);
      if (k < 0) { s.diverged = c.lastError(); break; }
      done += k;
      var at = c.step(id);
      if (at % s.stride === 0 || at === s.total) this.sample(s);
      if (now() - t0 > budgetMs) break;
    }
    return done;
  };

  EngineCore.prototype.frame = function (s) {
    var c = this.core, id = s.id, p = s.p;
    c.refresh(id);
    var ov = new Float32Array(p), gains = new Float32Array(p);
    for (var mu = 0; mu < p; mu++) {
      ov[mu] = c.overlap(id, mu);
      gains[mu] = c.gain(id, mu);
    }
    var hex = c.activationsHex(id), act = new Uint8Array(s.n);
    for (var i = 0; i < s.n; i++) act[i] = parseInt(hex.substr(2 * i, 2), 16);
    var b = s.pending;
    s.pending = this.newBatch();
    var w = c.window(id);
    var f = {
      step: c.step(id), time: c.time(id), window: w, inputOn: c.inputOn(id), overlaps: ov, gains: gains,
      energy: c.energy(id), act: act, samples: b, finished: c.finished(id) === 1, checksum: c.checksum(id),
      diverged: s.diverged, windowChanged: w !== s.lastWindow
    };
    if (s.track) f.proj = [c.projection(id, s.track[0]), c.projection(id, s.track[1])];
    s.lastWindow = w;
    return f;
  };

  // Runs every live slot by up to `steps` steps within `budget` ms (shared); answers a frame per slot.
  EngineCore.prototype.cmd_run = function (msg) {
    var frames = [], t0 = now();
    for (var k = 0; k < this.slots.length; k++) {
      var s = this.slots[k];
      if (!s) { frames.push(null); continue; }
      var left = Math.max(1, msg.budget - (now() - t0));
      var target = this.core.step(s.id) + msg.steps;
      if (msg.untilStep != null) target = msg.untilStep;
      this.advance(s, target, msg.budget == null ? 1e9 : left);
      frames.push(this.frame(s));
    }
    return { frames: frames, ms: now() - t0 };
  };

  EngineCore.prototype.cmd_dispose = function (msg) {
    var s = this.slots[msg.slot];
    if (s) { this.core.dispose(s.id); this.slots[msg.slot] = null; }
    return {};
  };

  EngineCore.prototype.cmd_track = function (msg) {
    var s = this.slots[msg.slot];
    if (s) s.track = msg.track;
    return {};
  };

  // W(α)_ij = (1/N) Σ_μ α_μ ξ^μ_i ξ^μ_j (zero diagonal) for an even sample of `size` neurons, with the gains in force
  // now minus msg.minus (the gains of another moment, for a difference view). The neurons come sorted by their signs
  // in the memories msg.order (+ before −, the first memory most significant), so each memory's term shows as a
  // checkerboard of blocks; groups[k] is row k's sign pattern as bits (1 = −). O(size² · P), from the ±1 memories.
  EngineCore.prototype.cmd_synapse = function (msg) {
    var s = this.slots[msg.slot];
    if (!s) return {};
    var c = this.core, id = s.id, n = s.n, p = s.p, size = Math.min(msg.size, n), keys = msg.order || [];
    var rows = [];
    for (var k = 0; k < size; k++) {
      var i = Math.floor(k * n / size), code = 0;
      for (var q = 0; q < keys.length; q++) code = 2 * code + (c.memory(id, keys[q], i) > 0 ? 0 : 1);
      rows.push({ i: i, code: code, k: k });
    }
    rows.sort(function (a, b) { return a.code - b.code || a.k - b.k; });
    var xi = new Float64Array(p * size), groups = new Uint8Array(size), neurons = new Int32Array(size);
    rows.forEach(function (r, k) {
      neurons[k] = r.i;
      groups[k] = r.code;
      for (var mu = 0; mu < p; mu++) xi[mu * size + k] = c.memory(id, mu, r.i) > 0 ? 1 : -1;
    });
    var g = new Float64Array(p), gains = new Float32Array(p);
    for (var mu = 0; mu < p; mu++) { gains[mu] = c.gain(id, mu); g[mu] = c.gain(id, mu) - (msg.minus ? msg.minus[mu] : 0); }
    var out = new Float32Array(size * size);
    for (var a = 0; a < size; a++) {
      for (var b = a + 1; b < size; b++) {
        var w = 0;
        for (var nu = 0; nu < p; nu++) w += g[nu] * xi[nu * size + a] * xi[nu * size + b];
        out[a * size + b] = out[b * size + a] = w / n;
      }
    }
    return { size: size, w: out, step: c.step(id), neurons: neurons, groups: groups, gains: gains };
  };

  // Energy over the plane x = a ξ^mu1 + b ξ^mu2, a, b in [-range, range].
  EngineCore.prototype.cmd_heat = function (msg) {
    var s = this.slots[msg.slot];
    if (!s) return {};
    var c = this.core, res = msg.res, out = new Float32Array(res * res), r = msg.range;
    for (var y = 0; y < res; y++) {
      var b = r - (2 * r * (y + 0.5)) / res;
      for (var x = 0; x < res; x++) {
        var a = -r + (2 * r * (x + 0.5)) / res;
        out[y * res + x] = c.energyAt(s.id, msg.mu1, msg.mu2, a, b);
      }
    }
    return { res: res, e: out, range: r, mu1: msg.mu1, mu2: msg.mu2 };
  };

  EngineCore.prototype.cmd_theory = function (msg) {
    var s = this.slots[msg.slot];
    if (!s) return {};
    var c = this.core, id = s.id, rows = [];
    c.theory(id);
    c.refresh(id);
    for (var mu = 0; mu < s.p; mu++) {
      rows.push({
        exists: c.theoryExists(id, mu) === 1, stable: c.theoryStable(id, mu) === 1,
        amplitude: c.theoryAmplitude(id, mu), shifted: c.theoryShiftedGain(id, mu), depth: c.theoryDepth(id, mu),
        overlap: c.overlap(id, mu), projection: c.projection(id, mu)
      });
    }
    return { rows: rows, step: c.step(id) };
  };

  EngineCore.prototype.cmd_runChecksum = function (msg) {
    var t0 = now(), r = this.core.runChecksum(msg.spec, msg.trial || 0);
    return { checksum: r, ms: now() - t0, engine: this.name };
  };

  // Timing harness: `reps` runs after `warmup` runs; returns every time in ms.
  EngineCore.prototype.cmd_bench = function (msg) {
    var times = [], sum = "";
    for (var k = 0; k < (msg.warmup || 0); k++) this.core.runChecksum(msg.spec, 0);
    for (var r = 0; r < msg.reps; r++) {
      var t0 = now();
      sum = this.core.runChecksum(msg.spec, 0);
      times.push(now() - t0);
    }
    return { times: times, checksum: sum, engine: this.name };
  };

  root.HLEngineCore = EngineCore;
})(typeof self !== "undefined" ? self : this);
