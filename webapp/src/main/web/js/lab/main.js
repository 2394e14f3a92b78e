// Start-up (presets, the link, the engine) and the test/automation hooks on window.hopfieldLab.
// Loads last: every other js/lab/*.js module has registered itself on window.HLab by now.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  function start() {
    // the DOM in the order the CSS shows (base.js): before anything has the focus, and again when a width moves a block
    L.followOrder();
    window.addEventListener("resize", L.followOrder);
    S.presets = String(L.core.presetNames()).split(",").map(function (n) {
      return { name: n, title: L.core.presetTitle(n), description: L.core.presetDescription(n), spec: L.core.presetSpec(n) };
    });
    L.controls.fillPresets();
    var link = L.link.readLink(location.search);
    L.link.applyView(link.view);
    if (link.notes.length) L.notice(link.notes.join("<br>"), "warn");
    S.compare = S.view.view === "compare";
    $("compare").checked = S.compare;
    [L.run, L.link, L.controls, L.schedule, L.memories, L.display, L.side, L.synapses, L.exporter].forEach(function (m) { m.wire(); });
    L.run.setSpeed(S.view.speed);
    S.tab = L.side.initialTab(link.spec);
    L.side.showTab(S.tab);
    // installable and offline after the first visit: only over http(s) (from file:// Chromium refuses the manifest
    // with a CORS error, and service workers do not exist)
    if (/^https?:$/.test(location.protocol)) {
      var mf = document.createElement("link");
      mf.rel = "manifest";
      mf.href = "manifest.webmanifest";
      document.head.appendChild(mf);
    }
    if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
      navigator.serviceWorker.register("sw.js").then(function () { document.body.setAttribute("data-sw", "registered"); },
        function (e) { document.body.setAttribute("data-sw", "failed: " + e.message); });
    }
    HLEngine.create(S.view.engine).then(function (engine) {
      S.engine = engine;
      var label = engine.name === "wasm" ? "WebAssembly" : "JavaScript", worker = engine.kind === "worker";
      $("engine-badge").textContent = label + (worker ? " · worker" : " · main thread");
      $("engine-badge").title = "Simulation engine: TeaVM " + label + (worker ? " in a Web Worker" : " on the main thread, time-sliced (opened from disk)");
      $("foot-engine").textContent = "Engine: TeaVM " + label + (worker ? " in a Web Worker" : ", main thread");
      document.body.setAttribute("data-engine", engine.name);
      document.body.setAttribute("data-engine-kind", engine.kind);
      requestAnimationFrame(L.run.frameLoop);
      // exercise mode (js/lab/exercise.js): "#exercise=…" opens beside the lab with its task's spec and locks
      return L.exercise.begin(link.spec).then(function (r) { return L.run.setSpec(r.spec, r.opts); });
    }).catch(function (e) {
      L.notice("The lab could not start its engine: " + V.esc(e && e.message || e), "error");
      document.body.setAttribute("data-state", "error");
    });
  }

  function frame() {
    var s = S.slots[0], f = s && s.frame;
    return f ? { step: f.step, time: f.time, finished: f.finished, checksum: f.checksum, overlaps: Array.from(f.overlaps), window: f.window } : null;
  }

  L.hooks = { frame: frame };

  // Test and automation hooks (the Selenium tests drive the page through these and the data-* attributes).
  window.hopfieldLab = {
    spec: function () { return S.spec; },
    engine: function () { return S.engine && S.engine.name; },
    frame: frame,
    compareFrame: function () { var s = S.slots[1]; return s && s.frame ? { step: s.frame.step, finished: s.frame.finished, checksum: s.frame.checksum, overlaps: Array.from(s.frame.overlaps) } : null; },
    samples: function () { var s = S.slots[0]; return s ? s.t.length : 0; },
    maxDominantOverlap: function () {
      var s = S.slots[0], best = 0;
      if (!s) return 0;
      for (var i = 0; i < s.t.length; i++) { var w = s.win[i], tg = w >= 0 ? s.info.windows[w].target : -1; if (tg >= 0) best = Math.max(best, s.m[tg][i]); }
      return best;
    },
    setSpeed: L.run.setSpeed,
    play: function () { L.run.setPlaying(true); }, pause: function () { L.run.setPlaying(false); },
    load: function (spec) { return L.run.setSpec(L.link.readLink(spec).spec); },
    // a whole link (spec and view keys) as if the page had been opened with it; play = false keeps it paused
    openLink: function (query, play) {
      var link = L.link.readLink(query);
      L.link.applyView(link.view);
      L.notice(link.notes.length ? link.notes.join("<br>") : null, "warn");
      S.compare = S.view.view === "compare";
      $("compare").checked = S.compare;
      L.run.setSpeed(S.view.speed);
      return L.run.setSpec(link.spec, { keepPlaying: play !== false });
    },
    switchInput: L.schedule.switchInput,
    runToEnd: function () { return L.run.runTo(1e9); },
    runTo: L.run.runTo,
    call: function (msg) { return S.engine.call(msg); },
    fps: function () { var a = S.fps, out = []; for (var i = 1; i < a.length; i++) out.push(a[i] - a[i - 1]); return out; },
    selectTab: L.side.selectTab,
    setSynapseDiff: L.synapses.setDiff,
    setCompare: L.run.setCompare,
    settled: function () { return Promise.resolve(S.restarting).then(function () { return frame(); }); }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})(window.HLab = window.HLab || {});
