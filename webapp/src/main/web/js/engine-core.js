// Hopfield Lab engine core: drives the TeaVM exports (JS or Wasm GC, same API) and answers the page's requests.
// Shared by the Web Worker (js/worker.js) and the main-thread fallback for file:// (js/engine.js). Classic script:
// defines self.HLEngineCore. Every request is a plain object {cmd, ...}; every answer a plain object (typed arrays
// inside may be transferred).
(function (root) {
  "use strict";

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
      id: id, n: n, p: p, total: total, stride: c.sampleEvery(id), read: 0, chunk: 4,
      pending: null, diverged: "", lastWindow: -1, track: msg.track || null
    };
    if (s.track) c.track(id, s.track[0], s.track[1]);
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
    var skipped = 0;
    c.advance(id, 0);   // records sample 0 (step 0)
    if (msg.toStep > 0) skipped = this.advance(s, msg.toStep, 1e9);
    var frame = this.frame(s);
    return {
      slot: msg.slot, spec: c.spec(id), n: n, p: p, width: c.width(id), total: total, bars: c.barsShow(id),
      stride: s.stride, windows: windows, memories: memories, frame: frame, engine: this.name, fastForward: skipped
    };
  };

  EngineCore.prototype.newBatch = function () {
    return { t: [], step: [], m: [], e: [], win: [], proj: [] };
  };

  // Moves the samples the core's recorder took since the last call into the pending batch (one call per frame).
  // Overlaps are kept as doubles (Float64Array): exports print the core's values exactly, without float32 noise.
  EngineCore.prototype.drain = function (s) {
    var c = this.core, id = s.id, b = s.pending, count = c.samples(id);
    for (var k = s.read; k < count; k++) {
      var m = new Float64Array(s.p);
      for (var mu = 0; mu < s.p; mu++) m[mu] = c.sampleOverlap(id, k, mu);
      b.t.push(c.sampleTime(id, k));
      b.step.push(c.sampleStep(id, k));
      b.m.push(m);
      b.e.push(c.sampleEnergy(id, k));
      b.win.push(c.sampleWindow(id, k));
      if (s.track) b.proj.push([c.sampleProjection(id, k, 0), c.sampleProjection(id, k, 1)]);
    }
    s.read = count;
  };

  // Advances to targetStep (or until the time budget in ms runs out) through the core's run loop, in chunks sized
  // to take about 2 ms each so the budget is kept without a call per step.
  EngineCore.prototype.advance = function (s, targetStep, budgetMs) {
    var c = this.core, id = s.id, t0 = now(), done = 0;
    targetStep = Math.min(targetStep, s.total);
    while (!s.diverged) {
      var step = c.step(id);
      if (step >= targetStep) break;
      var t1 = now();
      var k = c.advance(id, Math.min(s.chunk, targetStep - step));
      if (k < 0) { s.diverged = c.lastError(); break; }
      done += k;
      var took = now() - t1;
      if (took < 1 && s.chunk < 65536) s.chunk *= 2;
      else if (took > 4 && s.chunk > 1) s.chunk = Math.max(1, s.chunk >> 1);
      if (now() - t0 > budgetMs) break;
    }
    return done;
  };

  EngineCore.prototype.frame = function (s) {
    var c = this.core, id = s.id, p = s.p;
    c.refresh(id);
    var ov = new Float64Array(p), gains = new Float64Array(p);
    for (var mu = 0; mu < p; mu++) {
      ov[mu] = c.overlap(id, mu);
      gains[mu] = c.gain(id, mu);
    }
    // a copy of our own: the answer's arrays are transferred, and the JS build's typed array is a view on the core's
    // own byte[] (transferring that buffer would detach the core's array)
    var lv = c.activationLevels(id), act = new Uint8Array(lv.buffer.slice(lv.byteOffset, lv.byteOffset + lv.length));
    this.drain(s);
    var b = s.pending;
    s.pending = this.newBatch();
    var w = c.window(id);
    var f = {
      step: c.step(id), time: c.time(id), window: w, inputOn: c.inputOn(id), overlaps: ov, gains: gains,
      act: act, samples: b, finished: c.finished(id) === 1, checksum: c.checksum(id),
      diverged: s.diverged, windowChanged: w !== s.lastWindow, recall: JSON.parse(c.recall(id)), line: c.barLine(id)
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

  // ---- playing: the worker paces itself (Web Worker only) ----
  // The page says the speed once ({cmd: "play", rate: steps per second, token}); the worker then steps on its own
  // clock in short slices, whether or not the page is busy drawing, and sends a frame (as a push, see worker.js)
  // each time the page asks for one ({cmd: "want"}, after it drew the last). "pause" stops and answers the frames
  // of the state it stopped at. Steps owed beyond half a second are dropped: a machine that cannot keep up runs at
  // its own pace instead of catching up forever.

  EngineCore.prototype.cmd_play = function (msg) {
    var old = this.play;
    var same = old && old.token === msg.token;   // a new speed for the same play: keep what the page asked for
    this.play = { rate: msg.rate, token: msg.token, last: now(), owed: same ? old.owed : 0, want: same ? old.want : true,
      moved: same ? old.moved : true };
    return {};
  };

  EngineCore.prototype.cmd_want = function (msg) {
    if (this.play && this.play.token === msg.token) this.play.want = true;
    return {};
  };

  EngineCore.prototype.cmd_pause = function () {
    this.play = null;
    return { frames: this.frames() };
  };

  EngineCore.prototype.frames = function () {
    var frames = [];
    for (var k = 0; k < this.slots.length; k++) frames.push(this.slots[k] ? this.frame(this.slots[k]) : null);
    return frames;
  };

  // One slice of playing (at most sliceMs of stepping). Returns {push, wait}: push is the message to send (or null),
  // wait the ms until the next slice is due (0: at once; -1: nothing to do until a message comes).
  EngineCore.prototype.tick = function (sliceMs) {
    var p = this.play, s0 = this.slots[0];
    if (!p || !s0) return { push: null, wait: -1 };
    var t = now(), done = true;
    for (var k = 0; k < this.slots.length; k++) {
      var s = this.slots[k];
      if (s && !s.diverged && this.core.step(s.id) < s.total) done = false;
    }
    if (!done) {
      var steps;
      if (p.rate === Infinity) steps = 1e9;
      else {
        p.owed = Math.min(p.owed + p.rate * (t - p.last) / 1000, Math.max(1, p.rate * 0.5));
        steps = Math.floor(p.owed);
      }
      p.last = t;
      if (steps > 0) {
        var before = this.core.step(s0.id), moved = this.advance(s0, before + steps, sliceMs);
        if (p.rate !== Infinity) p.owed -= moved;
        // the compare run catches up with the main run (a slice cut short for it is made up in the next)
        for (var j = 1; j < this.slots.length; j++) {
          var sj = this.slots[j];
          if (sj) moved += this.advance(sj, this.core.step(s0.id), Math.max(1, sliceMs - (now() - t)));
        }
        if (moved > 0 || s0.diverged || (this.slots[1] && this.slots[1].diverged)) p.moved = true;
      }
    }
    var push = null;
    if (p.want && p.moved) {
      p.want = false;
      p.moved = false;
      push = { play: p.token, frames: this.frames() };
    }
    if (done) return { push: push, wait: -1 };
    if (p.rate === Infinity || p.owed >= 1) return { push: push, wait: 0 };
    return { push: push, wait: Math.max(1, (1 - p.owed) / p.rate * 1000) };
  };

  EngineCore.prototype.cmd_dispose = function (msg) {
    var s = this.slots[msg.slot];
    if (s) { this.core.dispose(s.id); this.slots[msg.slot] = null; }
    return {};
  };

  EngineCore.prototype.cmd_track = function (msg) {
    var s = this.slots[msg.slot];
    if (s) {
      s.track = msg.track;
      this.core.track(s.id, msg.track ? msg.track[0] : -1, msg.track ? msg.track[1] : -1);
    }
    return {};
  };

  // A sample of the synapses W for the synapse view (the core computes it, see LabExports.synapses): W(α now), or
  // with msg.diff W(α now) − W(α of the previous input window) (the previous gains by the model's rule, in the core).
  // The neurons come sorted by their signs in the memories msg.order. Answers {note} when there is no such picture.
  EngineCore.prototype.cmd_synapse = function (msg) {
    var s = this.slots[msg.slot];
    if (!s) return {};
    var c = this.core, id = s.id, order = (msg.order || []).join(",");
    var text = msg.diff ? c.synapseChange(id, msg.size, order) : c.synapses(id, msg.size, order, "");
    if (!text) return { note: c.lastError() };
    var r = JSON.parse(text), sample = msg.diff ? r.sample : r, size = sample.size, w = new Float32Array(size * size);
    for (var k = 0; k < size * size; k++) w[k] = c.synapseWeight(id, k);
    return { size: size, w: w, step: c.step(id), neurons: Int32Array.from(sample.neurons), groups: Uint8Array.from(sample.groups),
      gains: sample.gains, previous: msg.diff ? r.previous : null };
  };

  // Energy over the plane x = a ξ^mu1 + b ξ^mu2, a, b in [-range, range] (the core says how far the plane reaches).
  EngineCore.prototype.cmd_heat = function (msg) {
    var s = this.slots[msg.slot];
    if (!s) return {};
    var c = this.core, res = msg.res, out = new Float32Array(res * res), r = c.landscapeRange(s.id);
    for (var y = 0; y < res; y++) {
      var b = r - (2 * r * (y + 0.5)) / res;
      for (var x = 0; x < res; x++) {
        var a = -r + (2 * r * (x + 0.5)) / res;
        out[y * res + x] = c.energyAt(s.id, msg.mu1, msg.mu2, a, b);
      }
    }
    // the time of the state the landscape was computed at (the engine may be ahead of the frame the page shows)
    return { res: res, e: out, range: r, mu1: msg.mu1, mu2: msg.mu2, time: c.time(s.id) };
  };

  // The theory panel: predictions, simulation and the core's verdict, all for the same step (see LabExports).
  EngineCore.prototype.cmd_theory = function (msg) {
    var s = this.slots[msg.slot];
    if (!s) return {};
    return JSON.parse(this.core.theoryReport(s.id));
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
