// The parameter panel: memories, dynamics, start state, model switch, preset picker and the raw spec box.
// sync() writes the spec into the controls; every control change goes through run.tryChange, so the core
// validates it and the link always describes what runs.
(function (L) {
  "use strict";

  var S = L.S, $ = L.$;

  function sync() {
    var kv = S.kv;
    setVal("f-n", kv.n); setVal("f-p", kv.p); setVal("f-chars", kv.chars || "");
    // β on a log slider: position 0..4 ↔ β 0.1..1000
    setVal("f-beta", Math.log10(Number(kv.beta)) + 1); $("o-beta").textContent = kv.beta;
    setVal("f-noise", kv.noise); $("o-noise").textContent = kv.noise;
    setVal("f-dt", kv.dt); setVal("f-t", kv.t); setVal("f-seed", kv.seed); setVal("f-pulse", kv.pulse);
    setVal("f-cue", kv.cue || 1); setVal("f-mask", kv.mask || 0); setVal("f-flip", kv.flip || 0); setVal("f-camp", kv.camp || 1);
    setVal("f-map", kv.map || "linear"); setVal("f-lambda", kv.lambda || 1); setVal("f-deg", kv.deg || 3);
    setVal("f-gamma", kv.gamma || 1); $("o-gamma").textContent = kv.gamma || "1";
    setVal("f-update", kv.update || "async");
    segOn("mem-kind", "mem", kv.mem);
    segOn("x0-kind", "x0", kv.x0);
    document.querySelectorAll(".model-switch button").forEach(function (b) {
      b.classList.toggle("on", b.dataset.model === kv.model);
      b.setAttribute("aria-checked", b.dataset.model === kv.model ? "true" : "false");
    });
    var cueWin = L.spec.hasCueWindow(kv);
    show("[data-key=chars]", kv.mem === "glyphs");
    show(".modern-only", kv.model === "modern");
    show("[data-key=lambda]", kv.map === "softmax");
    show("[data-key=deg]", kv.map === "poly");
    show(".discrete-only", kv.model === "discrete");
    show("[data-key=cue]", kv.x0 === "cue");
    show("[data-key=mask]", kv.x0 === "cue" || cueWin);
    show("[data-key=flip]", kv.x0 === "cue" || cueWin);
    show("[data-key=camp]", cueWin || L.spec.hasDrawnWindow(kv));
    syncCue(kv);
    $("compare-label").textContent = kv.model === "discrete" ? "Compare (not for discrete)" : "Compare with " + (kv.model === "classic" ? "IDP" : "classic");
    $("compare").disabled = !L.spec.compareSpec(S.spec) || L.link.isLocked("compare");
    L.schedule.render();
    var match = S.presets.filter(function (p) { return p.spec === S.spec; })[0];
    $("preset").value = match ? match.name : "";
    $("preset-desc").textContent = match ? match.description : "Your own experiment — copy the link to share it exactly.";
    L.link.applyTeacher();
  }

  // The "Draw a cue…" button shows the cue in use (a thumbnail) and is off when N is not a square picture.
  function syncCue(kv) {
    var n = Number(kv.n), side = L.memories.cueSide(n), cue = kv.cuepat ? L.spec.unpackCue(kv.cuepat, n) : null;
    $("open-cue").disabled = !side;
    $("open-cue").title = side ? "Draw a partial or noisy picture: the network completes it" : "A cue is drawn on a square picture: N must be a square number";
    $("open-cue-label").textContent = cue ? "Edit the drawn cue…" : "Draw a cue…";
    $("cue-thumb").hidden = !cue;
    $("open-cue").classList.toggle("has-cue", !!cue);
    if (cue) {
      var lv = new Uint8Array(n);
      for (var i = 0; i < n; i++) lv[i] = cue[i] > 0 ? 255 : 0;
      L.V.drawPicture($("cue-thumb"), lv, n, side);
    }
  }

  // Never overwrite the field the user is typing in.
  function setVal(id, v) { var el = $(id); if (document.activeElement !== el) el.value = v; }
  function segOn(id, attr, val) { $(id).querySelectorAll("button").forEach(function (b) { b.classList.toggle("on", b.dataset[attr] === val); }); }
  function show(sel, on) { document.querySelectorAll(sel).forEach(function (el) { el.classList.toggle("na", !on); }); }
  function val(id) { return $(id).value.trim(); }

  function bind(id, key) {
    $(id).addEventListener("change", function () { var ch = {}; ch[key] = val(id); L.run.tryChange(ch, $(id)); });
  }

  function betaFromSlider() { var v = Math.pow(10, Number($("f-beta").value) - 1); return String(Number(v.toPrecision(v < 1 ? 2 : 3))); }

  // A slider shows its value while dragging and changes the spec once, on release.
  function slider(id, out, key, read) {
    $(id).addEventListener("input", function () { $(out).textContent = read(); });
    $(id).addEventListener("change", function () { var ch = {}; ch[key] = read(); L.run.tryChange(ch, $(id)); });
  }

  function fillPresets() {
    var html = ['<option value="">Custom experiment</option>'];
    S.presets.forEach(function (p, i) { html.push('<option value="' + p.name + '">' + (i + 1) + ". " + L.V.esc(p.title) + "</option>"); });
    $("preset").innerHTML = html.join("");
  }

  function wire() {
    document.querySelectorAll(".model-switch button").forEach(function (b) {
      b.addEventListener("click", function () {
        var ch = { model: b.dataset.model };
        // the discrete model counts whole update sweeps without noise; coming back restores continuous defaults
        if (b.dataset.model === "discrete") { ch.noise = "0"; ch.dt = "1"; ch.t = String(Math.min(50, Number(S.kv.t))); }
        else if (S.kv.model === "discrete") { ch.dt = "0.01"; ch.noise = "8"; }
        L.run.tryChange(ch, b);
      });
    });
    $("mem-kind").querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () {
        var m = b.dataset.mem, n = Number(S.kv.n), p = Number(S.kv.p), ch = { mem: m };
        if (m === "custom") { L.memories.openDraw(); return; }
        if (m === "glyphs") {
          // letters are drawn on a square grid of a multiple of 10 pixels
          var chars = "HOPFIELD".substring(0, Math.min(8, Math.max(2, p)));
          ch.chars = chars; ch.p = chars.length;
          var side = Math.round(Math.sqrt(n)); if (side * side !== n || side % 10) ch.n = 400;
          ch["in"] = L.spec.fixSchedule(S.kv["in"], chars.length);
        }
        if (m === "orthogonal" && (n & (n - 1))) ch.n = Math.pow(2, Math.round(Math.log2(n)));   // Hadamard sizes
        L.run.tryChange(ch, b);
      });
    });
    $("x0-kind").querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () {
        // a drawn start needs a picture: draw one first when there is none yet
        if (b.dataset.x0 === "drawn" && !L.spec.cueFor(S.kv)) { L.memories.openCue({ start: true }); return; }
        L.run.tryChange({ x0: b.dataset.x0 }, b);
      });
    });
    bind("f-n", "n"); bind("f-dt", "dt"); bind("f-t", "t"); bind("f-seed", "seed"); bind("f-pulse", "pulse");
    bind("f-cue", "cue"); bind("f-mask", "mask"); bind("f-flip", "flip"); bind("f-camp", "camp");
    bind("f-lambda", "lambda"); bind("f-deg", "deg"); bind("f-map", "map"); bind("f-update", "update");
    $("f-p").addEventListener("change", function () {
      var p = val("f-p"), ch = { p: p, "in": L.spec.fixSchedule(S.kv["in"], Number(p)) };
      if (S.kv.mem === "glyphs") ch.chars = L.spec.fitChars(S.kv.chars, Number(p));
      L.run.tryChange(ch, $("f-p"));
    });
    $("f-chars").addEventListener("change", function () {
      var c = $("f-chars").value.toUpperCase().replace(/[^A-Z0-9]/g, "");
      L.run.tryChange({ chars: c, p: c.length, "in": L.spec.fixSchedule(S.kv["in"], c.length) }, $("f-chars"));
    });
    slider("f-beta", "o-beta", "beta", betaFromSlider);
    slider("f-noise", "o-noise", "noise", function () { return $("f-noise").value; });
    slider("f-gamma", "o-gamma", "gamma", function () { return $("f-gamma").value; });
    $("preset").addEventListener("change", function () {
      var name = $("preset").value;
      if (!name) return;
      L.notice(null);
      L.run.setSpec(L.core.presetSpec(name));
    });
    $("spec-text").addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      var c = L.core.canonical($("spec-text").value.trim());
      if (!c) { L.fieldError($("spec-text"), L.core.lastError() + (L.core.lastErrorKey() ? " (key " + L.core.lastErrorKey() + ")" : "")); return; }
      L.fieldError(null);
      L.run.setSpec(c);
    });
    $("notice-close").addEventListener("click", function () { L.notice(null); });
  }

  L.controls = { sync: sync, fillPresets: fillPresets, wire: wire };
})(window.HLab = window.HLab || {});
