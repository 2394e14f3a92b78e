// Run loop and engine glue: a spec change restarts the engine's slots (main run, optional compare run), frames
// stream in while playing (a budget per animation frame keeps the page responsive), and the transport controls.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  // The single way the page changes its run: publish the spec, sync the controls, restart the engine.
  function setSpec(spec, opts) {
    opts = opts || {};
    S.st = L.spec.state(spec);
    S.spec = S.st.spec;
    if (S.st.values.cuepat) S.lastCue = { n: Number(S.st.values.n), pat: S.st.values.cuepat };
    L.link.publishSpec();
    L.controls.sync();
    return restart(opts.toStep || 0, opts.keepPlaying !== false);
  }

  // A control changed some keys ({key: value}) or asks for another edit of the core (a function returning the new
  // spec): apply it, or show the core's complaint next to the control.
  function tryChange(changes, el, what) {
    var spec;
    try { spec = typeof changes === "function" ? changes() : L.spec.change(changes); } catch (e) {
      L.fieldError(el, e.message);
      L.controls.sync();
      return false;
    }
    L.fieldError(null);
    return spec === S.spec || userSpec(spec, el, null, what);
  }

  // Every change a user makes (controls, the spec box, presets, input switches, drawings) comes here: a change of a
  // locked key is refused with a note saying why, on every path. Returns whether the spec was applied.
  function userSpec(spec, el, opts, what) {
    var locked = L.link.lockedChanges(spec);
    if (locked.length) {
      L.link.explainLock(locked, el, what);
      L.controls.sync();
      return false;
    }
    L.lockNote(null);
    setSpec(spec, opts);
    return true;
  }

  // (Re)creates the runs and fast-forwards them to toStep (a mid-run input switch replays the new spec from 0).
  function restart(toStep, play) {
    var gen = ++S.gen, p = Number(S.st.values.p);
    S.inflight = true;
    var cmp = S.compare ? L.spec.compareSpec(S.spec) : "";
    var pair = L.side.keptPair(p), track = pair || [0, Math.min(1, p - 1)];
    var jobs = [S.engine.call({ cmd: "create", slot: 0, spec: S.spec, toStep: toStep, track: track }),
      cmp ? S.engine.call({ cmd: "create", slot: 1, spec: cmp, toStep: toStep }) : S.engine.call({ cmd: "dispose", slot: 1 })];
    return S.restarting = Promise.all(jobs).then(function (res) {
      if (gen !== S.gen) return;   // a newer restart won
      S.inflight = false;
      if (res[0].error) {
        L.notice("The simulation could not start: " + V.esc(res[0].error), "error");
        return;
      }
      S.slots[0] = newSlot(res[0]);
      S.slots[1] = cmp && !res[1].error ? newSlot(res[1]) : null;
      L.side.reset();
      L.synapses.reset();
      L.display.build();
      ingest(0, res[0].frame);
      if (S.slots[1]) ingest(1, res[1].frame);
      if (!pair) {
        var chosen = L.side.choosePair(res[0]);
        // the samples so far tracked a placeholder pair: start the trajectory afresh
        if (chosen[0] !== track[0] || chosen[1] !== track[1]) S.slots[0].proj = [];
      }
      L.side.refresh(true);
      L.display.drawAll();
      setPlaying(play && !res[0].frame.finished);
    });
  }

  // Page-side record of one run: the samples for the plots plus what the views need from the engine's answer.
  function newSlot(info) {
    var st = info.spec === S.spec ? S.st : L.spec.state(info.spec), kv = st.values;
    var slot = { info: info, values: kv, dt: Number(kv.dt), T: Number(kv.t), t: [], m: [], e: [], win: [], proj: [],
      frame: null, model: kv.model, emph: [] };
    for (var mu = 0; mu < info.p; mu++) { slot.m.push([]); slot.emph.push(false); }
    slot.cue = kv.cuepat ? L.spec.unpackCue(kv.cuepat, info.n) : null;   // the drawn cue, for the picture
    // memories some window drives are drawn bold everywhere
    info.windows.forEach(function (w) { if (w.target >= 0) slot.emph[w.target] = true; });
    var kinds = L.spec.windows(info.spec);
    info.windows.forEach(function (w, i) { w.kind = kinds[i].code; });
    return slot;
  }

  function ingest(k, f) {
    var s = S.slots[k];
    if (!s || !f) return;
    var b = f.samples;
    for (var i = 0; i < b.t.length; i++) {
      s.t.push(b.t[i]);
      for (var mu = 0; mu < s.info.p; mu++) s.m[mu].push(b.m[i][mu]);
      s.e.push(b.e[i]);
      s.win.push(b.win[i]);
      if (b.proj && b.proj[i]) s.proj.push(b.proj[i]);
    }
    s.frame = f;
    s.dirty = true;
    if (f.diverged && !s.divergedShown) {
      s.divergedShown = true;
      L.notice("The run diverged: " + V.esc(f.diverged) + " Lower dt or the noise.", "error");
      setPlaying(false);
    }
  }

  function setPlaying(on) {
    S.playing = !!on;
    document.body.classList.toggle("playing", S.playing);
    $("play").setAttribute("aria-label", S.playing ? "Pause" : "Play");
  }

  function frameLoop(ts) {
    requestAnimationFrame(frameLoop);
    S.fps.push(ts);
    if (S.fps.length > 600) S.fps.shift();
    if (!S.playing || !S.slots[0]) { S.lastRunTs = 0; return; }
    if (S.inflight) return;
    var steps = L.core.speedSteps(S.view.speed);
    if (steps === Infinity) { runSteps(1e9, 12); return; }
    // the speed is steps per 1/60 s: when drawing makes frames slower, ask for the time that passed since the last
    // request (up to half a second), so the run keeps its pace; the worker's budget then fits those steps
    var frames = S.lastRunTs ? Math.min(30, Math.max(1, (ts - S.lastRunTs) * 0.06)) : 1;
    S.lastRunTs = ts;
    runSteps(Math.round(steps * frames), 40);
  }

  // One engine request: up to `steps` steps (or to untilStep) within `budget` ms; one request in flight at a time.
  function runSteps(steps, budget, untilStep) {
    var gen = S.gen;
    S.inflight = true;
    return S.engine.call({ cmd: "run", steps: steps, budget: budget, untilStep: untilStep }).then(function (r) {
      if (gen !== S.gen) return;
      S.inflight = false;
      ingest(0, r.frames[0]);
      if (r.frames[1]) ingest(1, r.frames[1]);
      if (r.frames[0].finished && (!r.frames[1] || r.frames[1].finished)) setPlaying(false);
      L.side.refresh(false);
      L.display.drawAll();
    }, function (e) { S.inflight = false; L.notice("Engine error: " + V.esc(e.message), "error"); setPlaying(false); });
  }

  // Runs (paused) until both slots reach `step` or finish; resolves with the main frame (test hooks).
  function runTo(step) {
    setPlaying(false);
    var loop = function () {
      return runSteps(1e9, 1e9, step).then(function () {
        var f = S.slots[0].frame, f1 = S.slots[1] && S.slots[1].frame;
        if ((f.finished || f.step >= step) && (!f1 || f1.finished || f1.step >= step)) return L.hooks.frame();
        return loop();
      });
    };
    return loop();
  }

  // Compare mode is part of the link (view=compare), so a shared link opens side by side too.
  function setCompare(on) {
    S.compare = !!on;
    $("compare").checked = S.compare;
    if (S.compare) S.view.view = "compare";
    else if (S.view.view === "compare") S.view.view = S.tab;
    L.link.publishSpec();
    return restart(0, true);
  }

  function speedLabel() {
    var v = L.core.speedSteps(S.view.speed);
    $("speed-label").textContent = v === Infinity ? "as fast as possible" : v + " step" + (v > 1 ? "s" : "") + "/frame";
  }

  // The speed slider's range and default come from the schema's view key; a change is kept in the link.
  function setSpeed(k) { S.view.speed = k; $("speed").value = String(k); speedLabel(); }

  function buildSpeed() {
    var k = L.spec.keyInfo("speed"), el = $("speed");
    el.min = k.min; el.max = k.max; el.step = k.step;
    el.closest("[data-key]").title = k.label + ": " + k.help;
  }

  function wire() {
    $("play").addEventListener("click", function () {
      var s = S.slots[0];
      if (s && s.frame && s.frame.finished) { restart(0, true); return; }
      setPlaying(!S.playing);
    });
    $("reset").addEventListener("click", function () { restart(0, true); });
    $("step").addEventListener("click", function () {
      var s = S.slots[0];
      if (!s || S.inflight) return;
      setPlaying(false);
      runSteps(Math.max(1, Math.round(0.1 / s.dt)), 1e9);
    });
    buildSpeed();
    $("speed").addEventListener("input", function () { S.view.speed = Number($("speed").value); speedLabel(); });
    $("speed").addEventListener("change", function () { L.link.publishSpec(); });
    $("compare").addEventListener("change", function () { setCompare($("compare").checked); });
    document.addEventListener("keydown", function (ev) {
      if (ev.target.matches("input,textarea,select")) return;
      if (ev.key === " ") { ev.preventDefault(); $("play").click(); }
      else if (ev.key === "ArrowRight") $("step").click();
      else if (ev.key === "r" || ev.key === "R") $("reset").click();
    });
  }

  L.run = { setSpec: setSpec, tryChange: tryChange, userSpec: userSpec, restart: restart, setPlaying: setPlaying, frameLoop: frameLoop,
    runTo: runTo, setCompare: setCompare, setSpeed: setSpeed, wire: wire };
})(window.HLab = window.HLab || {});
