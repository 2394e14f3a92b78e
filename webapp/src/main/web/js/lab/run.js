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
    if (pushMode()) stopWorkerPlay();   // before the new runs are made, so the worker steps neither half-made
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
    // and the memory the start state is a damaged copy of (a run with the input off has no window target)
    if (kv.x0 === "cue" && kv.cue && Number(kv.cue) <= info.p) slot.emph[Number(kv.cue) - 1] = true;
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
    var was = S.playing;
    S.playing = !!on;
    if (pushMode() && S.slots[0]) {
      if (S.playing) startWorkerPlay(); else if (was) stopWorkerPlay();
    }
    if (!S.playing) {
      S.lastRunTs = 0;
      // the last answer and the charts in full (they may have skipped frames while playing), not left for a frame
      draw();
    }
    document.body.classList.toggle("playing", S.playing);
    $("play").setAttribute("aria-label", S.playing ? "Pause" : "Play");
  }

  // ---- playing with a Web Worker: the worker keeps its own pace (engine-core.js, cmd_play) and pushes a frame each
  // time the page has drawn the last one, so stepping never waits for the drawing nor the drawing for a request ----

  function pushMode() { return !!S.engine && S.engine.kind === "worker"; }

  function rate() { return L.core.speedSteps(S.view.speed) * 60; }   // the speed is steps per 1/60 s

  function startWorkerPlay() {
    S.playToken = (S.playToken || 0) + 1;
    S.engine.onPush = onPush;
    S.engine.call({ cmd: "play", rate: rate(), token: S.playToken });
  }

  // The worker answers the state it stopped at: its samples since the last push are in that answer only, so it is
  // always taken in (unless a restart replaced the runs meanwhile).
  function stopWorkerPlay() {
    var gen = S.gen;
    S.playToken = (S.playToken || 0) + 1;
    return S.engine.call({ cmd: "pause" }).then(function (r) {
      if (gen !== S.gen || !r.frames) return;
      ingest(0, r.frames[0]);
      if (r.frames[1]) ingest(1, r.frames[1]);
      if (S.playing) S.drawPending = true; else draw();
    });
  }

  function onPush(push, error) {
    if (error) { L.notice("Engine error: " + V.esc(error), "error"); setPlaying(false); return; }
    if (!S.slots[0]) return;
    ingest(0, push.frames[0]);
    if (push.frames[1]) ingest(1, push.frames[1]);
    if (push.frames[0].finished && (!push.frames[1] || push.frames[1].finished)) setPlaying(false);
    else S.drawPending = true;
  }

  // The animation frame draws the newest frame (once, however many came since). With a worker it then asks for the
  // next frame; without one (main-thread engine) it asks for the steps owed when none are on their way.
  function frameLoop(ts) {
    requestAnimationFrame(frameLoop);
    S.fps.push(ts);
    if (S.fps.length > 600) S.fps.shift();
    if (!pushMode() && S.playing && S.slots[0] && !S.inflight) playRequest(performance.now());
    if (S.drawPending) {
      draw();
      if (pushMode() && S.playing) S.engine.call({ cmd: "want", token: S.playToken });
    }
  }

  // While playing: the steps owed since the last request (the speed is steps per 1/60 s, up to half a second's
  // worth when the page or the engine fell behind). A budget caps one answer's time, so a slow engine answers
  // often with what it managed rather than rarely.
  function playRequest(now) {
    var steps = L.core.speedSteps(S.view.speed), since = S.lastRunTs ? now - S.lastRunTs : 0;
    S.lastRunTs = now;
    if (steps === Infinity) { runSteps(1e9, 12, undefined, true); return; }
    runSteps(Math.round(steps * Math.min(30, Math.max(1, since * 0.06))), 40, undefined, true);
  }

  function draw() {
    S.drawPending = false;
    L.side.refresh(false);
    L.display.drawAll();
  }

  // One engine request: up to `steps` steps (or to untilStep) within `budget` ms; one request in flight at a time.
  // A playing request's answer is drawn by the next animation frame, and when a frame's worth of time has passed
  // since the request the next one leaves at once, so the worker steps while the page draws. Other answers (step,
  // runTo) are drawn at once, so the page shows them when the promise resolves.
  function runSteps(steps, budget, untilStep, playing) {
    var gen = S.gen;
    S.inflight = true;
    return S.engine.call({ cmd: "run", steps: steps, budget: budget, untilStep: untilStep }).then(function (r) {
      if (gen !== S.gen) return;
      S.inflight = false;
      ingest(0, r.frames[0]);
      if (r.frames[1]) ingest(1, r.frames[1]);
      if (r.frames[0].finished && (!r.frames[1] || r.frames[1].finished)) setPlaying(false);
      if (playing && S.playing) {
        S.drawPending = true;
        var now = performance.now();
        if (now - S.lastRunTs >= 1000 / 60 || L.core.speedSteps(S.view.speed) === Infinity) playRequest(now);
      } else draw();
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
  function setSpeed(k) { S.view.speed = k; $("speed").value = String(k); speedLabel(); speedToWorker(); }

  // a new speed while the worker plays: the same play (token) at the new rate
  function speedToWorker() { if (pushMode() && S.playing) S.engine.call({ cmd: "play", rate: rate(), token: S.playToken }); }

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
    $("speed").addEventListener("input", function () { S.view.speed = Number($("speed").value); speedLabel(); speedToWorker(); });
    $("speed").addEventListener("change", function () { L.link.publishSpec(); });
    $("compare").addEventListener("change", function () { setCompare($("compare").checked); });
    // The shortcuts act on the page, never instead of the focused control: Space on a focused button, tab, chip or
    // menu presses that control (keyboard users rely on it), and nothing reaches the run behind an open dialog.
    document.addEventListener("keydown", function (ev) {
      if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target instanceof Element ? ev.target : document.body;
      if (t.closest("input,textarea,select,[contenteditable],dialog")) return;
      if (ev.key === " " && t.closest("button,summary,a[href],[role=button],[role=tab],[role=radio],[role=menuitem],[tabindex]")) return;
      if (ev.key === " ") { ev.preventDefault(); $("play").click(); }
      else if (ev.key === "ArrowRight" && !t.closest("[role=tabpanel]")) $("step").click();   // a focused panel scrolls
      else if (ev.key === "r" || ev.key === "R") $("reset").click();
    });
  }

  L.run = { setSpec: setSpec, tryChange: tryChange, userSpec: userSpec, restart: restart, setPlaying: setPlaying, frameLoop: frameLoop,
    runTo: runTo, setCompare: setCompare, setSpeed: setSpeed, wire: wire };
})(window.HLab = window.HLab || {});
