// Hopfield Lab page: state in the URL (the core's canonical spec + teacher keys), controls, run loop, views.
// Classic script (works from file:// too). Test hooks: window.hopfieldLab and data-* attributes on <body>.
(function () {
  "use strict";

  var V = window.HLViews;
  var core = window.HopfieldCoreJs;           // spec handling on the main thread (canonical, withKey, presets…)
  var $ = function (id) { return document.getElementById(id); };

  // Keys of the page that are not part of the core spec: stripped before the spec reaches the core.
  var UI_KEYS = ["hide", "lock", "view", "speed", "engine", "preset"];
  var SPEEDS = [1, 2, 4, 8, 16, 32, 64, 128, 512, Infinity];
  var DEFAULT_PRESET = "sequence";

  var S = {
    spec: "", kv: {}, ui: { hide: [], lock: [], view: "", speed: 3, engine: "auto" },
    engine: null, presets: [], playing: false, inflight: false, gen: 0,
    slots: [null, null], compare: false, tab: "theory", heat: null, syn: null, theory: null,
    heatPair: null, lastHeatAt: 0, lastSynAt: 0, lastTheoryAt: 0, fps: []
  };

  // ---------- spec as key/value ----------

  function parseQuery(q) {
    var out = [];
    q = (q || "").replace(/^\?/, "");
    if (!q) return out;
    q.split("&").forEach(function (pair) {
      if (!pair) return;
      var eq = pair.indexOf("=");
      var k = eq < 0 ? pair : pair.substring(0, eq), v = eq < 0 ? "" : pair.substring(eq + 1);
      try { k = decodeURIComponent(k); v = decodeURIComponent(v.replace(/\+/g, " ")); } catch (e) { /* keep raw */ }
      out.push([k, v, eq < 0]);
    });
    return out;
  }

  function kvOf(spec) {
    var m = {};
    parseQuery(spec).forEach(function (p) { m[p[0]] = p[1]; });
    return m;
  }

  function enc(v) { return encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3A/g, ":"); }

  function toQuery(pairs) { return pairs.map(function (p) { return p[0] + "=" + enc(p[1]); }).join("&"); }

  // Keys that only apply in some settings (mirror of SpecCodec.relevant).
  function relevant(kv, key) {
    var cueWin = /(^|,)[^,:]*:c\d+/.test(kv["in"] || "");
    switch (key) {
      case "chars": return kv.mem === "glyphs";
      case "pat": return kv.mem === "custom";
      case "cue": return kv.x0 === "cue";
      case "mask": case "flip": return kv.x0 === "cue" || cueWin;
      case "camp": return cueWin;
      case "map": case "gamma": return kv.model === "modern";
      case "lambda": return kv.model === "modern" && kv.map === "softmax";
      case "deg": return kv.model === "modern" && kv.map === "poly";
      case "update": return kv.model === "discrete";
      default: return true;
    }
  }

  var DEFAULTS = { cue: "1", mask: "0.3", flip: "0.1", camp: "1", map: "softmax", lambda: "10", deg: "3", gamma: "0.5", update: "async" };

  // Applies changes {key: value|null} to the current spec; returns the canonical spec or throws {message, key}.
  function changed(changes, base) {
    var kv = kvOf(base || S.spec);
    Object.keys(changes).forEach(function (k) { if (changes[k] == null) delete kv[k]; else kv[k] = String(changes[k]); });
    // fill keys that become relevant, drop keys that no longer apply
    Object.keys(DEFAULTS).forEach(function (k) { if (kv[k] == null && relevant(kv, k)) kv[k] = DEFAULTS[k]; });
    if (kv.x0 === "cue" && kv.cue == null) kv.cue = "1";
    Object.keys(kv).forEach(function (k) { if (!relevant(kv, k)) delete kv[k]; });
    var q = toQuery(Object.keys(kv).map(function (k) { return [k, kv[k]]; }));
    var c = core.canonical(q);
    if (!c) throw { message: core.lastError(), key: core.lastErrorKey() };
    return c;
  }

  // Reads a link: strips teacher/UI keys, keeps what it can of a malformed spec and says what was dropped.
  function readLink(search) {
    var pairs = parseQuery(search), specPairs = [], ui = {}, notes = [];
    pairs.forEach(function (p) { if (UI_KEYS.indexOf(p[0]) >= 0) ui[p[0]] = p[1]; else specPairs.push(p); });
    var base = "";
    if (ui.preset) {
      if (S.presets.some(function (p) { return p.name === ui.preset; })) base = core.presetSpec(ui.preset);
      else notes.push("There is no preset '" + ui.preset + "'; known presets: " + S.presets.map(function (p) { return p.name; }).join(", ") + ".");
    }
    if (!specPairs.length && !base) return { spec: core.presetSpec(DEFAULT_PRESET), ui: ui, notes: notes, preset: ui.preset || DEFAULT_PRESET };
    var kv = kvOf(base);
    specPairs.forEach(function (p) { kv[p[0]] = p[1]; });
    var dropped = [];
    for (var attempt = 0; attempt < 30; attempt++) {
      var q = toQuery(Object.keys(kv).map(function (k) { return [k, kv[k]]; }));
      var c = core.canonical(q);
      if (c) {
        if (dropped.length) {
          var kept = Object.keys(kv).filter(function (k) { return k !== "v"; });
          notes.push("This link could not be read as it was. " + dropped.map(function (d) {
            return "<b>" + V.esc(d.key) + "</b>: " + V.esc(d.msg);
          }).join("; ") + ". Dropped " + dropped.map(function (d) { return "<code>" + V.esc(d.key) + "</code>"; }).join(", ")
            + (kept.length ? "; kept " + kept.map(function (k) { return "<code>" + V.esc(k) + "</code>"; }).join(", ") : "")
            + "; the rest are defaults.");
        }
        return { spec: c, ui: ui, notes: notes };
      }
      var key = core.lastErrorKey(), msg = core.lastError();
      if (key && kv.hasOwnProperty(key)) { dropped.push({ key: key, msg: msg }); delete kv[key]; continue; }
      // the error names no key of the link (e.g. a key without a value): drop that pair, else give up
      var bad = Object.keys(kv).filter(function (k) { return k === key || kv[k] === "" ; })[0];
      if (bad) { dropped.push({ key: bad, msg: msg }); delete kv[bad]; continue; }
      notes.push("This link could not be read: " + V.esc(msg) + (key ? " (key <code>" + V.esc(key) + "</code>)" : "")
        + ". Showing the default experiment instead.");
      return { spec: core.presetSpec(DEFAULT_PRESET), ui: ui, notes: notes };
    }
    notes.push("This link could not be read. Showing the default experiment instead.");
    return { spec: core.presetSpec(DEFAULT_PRESET), ui: ui, notes: notes };
  }

  function linkFor(spec) {
    var extra = [];
    if (S.ui.hide.length) extra.push("hide=" + S.ui.hide.join(","));
    if (S.ui.lock.length) extra.push("lock=" + S.ui.lock.join(","));
    if (S.ui.view) extra.push("view=" + S.ui.view);
    return "?" + spec + (extra.length ? "&" + extra.join("&") : "");
  }

  function publishSpec() {
    try { history.replaceState(null, "", linkFor(S.spec)); } catch (e) { /* file:// may refuse */ }
    if (window.parent !== window) {
      window.parent.postMessage({ type: "hopfield-lab:state", spec: S.spec }, "*");
    }
    $("spec-text").value = S.spec;
  }

  // ---------- notices ----------

  function notice(html, kind) {
    var n = $("notice");
    if (!html) { n.hidden = true; document.body.removeAttribute("data-notice"); return; }
    $("notice-text").innerHTML = html;
    n.className = "notice " + (kind || "warn");
    n.hidden = false;
    document.body.setAttribute("data-notice", kind || "warn");
  }

  var toastTimer = 0;
  function toast(text) {
    var t = $("toast");
    t.textContent = text;
    t.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.classList.remove("show"); }, 2200);
  }

  // ---------- applying a spec ----------

  function setSpec(spec, opts) {
    opts = opts || {};
    S.spec = spec;
    S.kv = kvOf(spec);
    publishSpec();
    syncControls();
    return restart(opts.toStep || 0, opts.keepPlaying !== false);
  }

  function tryChange(changes, el) {
    var spec;
    try { spec = changed(changes); } catch (e) {
      fieldError(el, e.message);
      syncControls(true);
      return;
    }
    fieldError(null);
    if (spec === S.spec) return;
    setSpec(spec);
  }

  var errTimer = 0;
  function fieldError(el, msg) {
    document.querySelectorAll(".field-error").forEach(function (x) { x.remove(); });
    document.querySelectorAll(".invalid").forEach(function (x) { x.classList.remove("invalid"); });
    if (!el || !msg) return;
    var holder = el.closest(".field, .seg, .panel") || el.parentNode;
    holder.classList.add("invalid");
    var d = document.createElement("div");
    d.className = "field-error";
    d.textContent = msg;
    (holder.closest(".panel") || holder).appendChild(d);
    clearTimeout(errTimer);
    errTimer = setTimeout(function () { fieldError(null); }, 9000);
  }

  function compareSpec(spec) {
    var kv = kvOf(spec);
    if (kv.model === "discrete") return "";
    var other = kv.model === "classic" ? "idp" : "classic";
    try { return changed({ model: other }, spec); } catch (e) { return ""; }
  }

  function heatAllowed() { return Number(S.kv.n) <= 1024 && Number(S.kv.p) >= 2 && S.kv.model !== "discrete"; }

  function defaultPair(info) {
    var targets = [];
    info.windows.forEach(function (w) { if (w.target >= 0 && targets.indexOf(w.target) < 0) targets.push(w.target); });
    var a = targets.length ? targets[0] : 0, b = targets.length > 1 ? targets[1] : (a === 0 ? 1 : 0);
    return [a, Math.min(b, info.p - 1)];
  }

  function restart(toStep, play) {
    var gen = ++S.gen;
    S.inflight = true;
    var cmp = S.compare ? compareSpec(S.spec) : "";
    var pair = S.heatPair && S.heatPair[0] < Number(S.kv.p) && S.heatPair[1] < Number(S.kv.p) ? S.heatPair : null;
    var jobs = [S.engine.call({ cmd: "create", slot: 0, spec: S.spec, toStep: toStep, track: pair || [0, Math.min(1, Number(S.kv.p) - 1)] })];
    jobs.push(cmp ? S.engine.call({ cmd: "create", slot: 1, spec: cmp, toStep: toStep }) : S.engine.call({ cmd: "dispose", slot: 1 }));
    return Promise.all(jobs).then(function (res) {
      if (gen !== S.gen) return;
      S.inflight = false;
      if (res[0].error) {
        notice("The simulation could not start: " + V.esc(res[0].error), "error");
        return;
      }
      S.slots[0] = newSlot(res[0]);
      S.slots[1] = cmp && !res[1].error ? newSlot(res[1]) : null;
      if (!pair) {
        S.heatPair = defaultPair(res[0]);
        S.engine.call({ cmd: "track", slot: 0, track: S.heatPair });
        if (S.slots[0].proj.length <= 1) S.slots[0].proj = [];
      }
      S.heat = null; S.syn = null; S.theory = null;
      S.lastHeatAt = S.lastSynAt = S.lastTheoryAt = 0;
      buildRunViews();
      ingest(0, res[0].frame);
      if (S.slots[1]) ingest(1, res[1].frame);
      refreshSideViews(true);
      drawAll();
      setPlaying(play && !res[0].frame.finished);
    });
  }

  function newSlot(info) {
    var kv = kvOf(info.spec);
    var slot = {
      info: info, kv: kv, dt: Number(kv.dt), T: Number(kv.t), t: [], m: [], e: [], win: [], proj: [],
      frame: null, model: kv.model
    };
    for (var mu = 0; mu < info.p; mu++) slot.m.push([]);
    slot.emph = [];
    for (var k = 0; k < info.p; k++) slot.emph.push(false);
    info.windows.forEach(function (w) { if (w.target >= 0) slot.emph[w.target] = true; });
    var kinds = (kv["in"] || "").split(",").map(function (s) { var w = s.split(":")[1] || ""; return w.charAt(0); });
    info.windows.forEach(function (w, i) { w.kind = kinds[i] || "d"; });
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
      notice("The run diverged: " + V.esc(f.diverged) + " Lower dt or the noise.", "error");
      setPlaying(false);
    }
  }

  // ---------- run loop ----------

  function setPlaying(on) {
    S.playing = !!on;
    document.body.classList.toggle("playing", S.playing);
    $("play").setAttribute("aria-label", S.playing ? "Pause" : "Play");
  }

  function frameLoop(ts) {
    requestAnimationFrame(frameLoop);
    S.fps.push(ts);
    if (S.fps.length > 600) S.fps.shift();
    if (!S.playing || S.inflight || !S.slots[0]) return;
    var steps = SPEEDS[S.ui.speed];
    runSteps(steps === Infinity ? 1e9 : steps, 12);
  }

  function runSteps(steps, budget, untilStep) {
    var gen = S.gen;
    S.inflight = true;
    return S.engine.call({ cmd: "run", steps: steps, budget: budget, untilStep: untilStep }).then(function (r) {
      if (gen !== S.gen) return;
      S.inflight = false;
      ingest(0, r.frames[0]);
      if (r.frames[1]) ingest(1, r.frames[1]);
      var f0 = r.frames[0];
      if (f0.finished && (!r.frames[1] || r.frames[1].finished)) setPlaying(false);
      refreshSideViews(false);
      drawAll();
    }, function (e) { S.inflight = false; notice("Engine error: " + V.esc(e.message), "error"); setPlaying(false); });
  }

  // ---------- building the run views ----------

  var charts = { ov: [null, null], en: null };

  function buildRunViews() {
    var s0 = S.slots[0], s1 = S.slots[1];
    ["overlap-plot", "overlap-plot-1", "energy-plot"].forEach(function (id) { $(id).innerHTML = ""; });
    charts.ov = [null, null];
    [s0, s1].forEach(function (s, k) {
      if (!s) return;
      var el = $(k ? "overlap-plot-1" : "overlap-plot");
      el.hidden = false;
      $("band-" + k).hidden = false;
      charts.ov[k] = V.overlapChart(el, s.info.p, s.emph, {
        T: s.T, height: s1 ? 170 : 230,
        hooks: { draw: [function (u) { V.drawBand($("band-" + k), u, s.info.windows, s.info.total, s.dt, { pulse: Number(s.kv.pulse) }); drawNowLine(u, s); }] }
      });
    });
    $("overlap-plot-1").hidden = !s1;
    $("band-1").hidden = !s1;
    charts.en = V.energyChart($("energy-plot"), s1 ? 2 : 1, { T: s0.T, height: 150 });
    $("tag-0").textContent = modelName(s0.model);
    $("pic-1").hidden = !s1;
    $("pictures").classList.toggle("two", !!s1);
    if (s1) $("tag-1").textContent = modelName(s1.model);
    document.body.setAttribute("data-model", s0.model);
    buildGallery(s0);
    buildLegend(s0);
    buildSwitchButtons(s0);
    buildHeatSelectors(s0);
    $("tend").textContent = V.fmt(s0.T, 2);
    var classicLike = s0.model === "classic" || s0.model === "discrete";
    $("bars-title").innerHTML = classicLike ? "Input weights ξ<sup>μ</sup>·u / N" : "Synaptic gains α<sub>μ</sub>(u)";
  }

  function drawNowLine(u, s) {
    if (!s.frame) return;
    var x = u.valToPos(s.frame.time, "x", true);
    var ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = V.cssVar("--muted");
    ctx.globalAlpha = 0.5;
    ctx.setLineDash([2, 3]);
    ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
    ctx.restore();
    // threshold line of retrieval
    var y = u.valToPos(Number(s.kv.thr || 0.9), "y", true);
    ctx.save();
    ctx.strokeStyle = V.cssVar("--accent");
    ctx.globalAlpha = 0.6;
    ctx.setLineDash([6, 4]);
    ctx.beginPath(); ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke();
    ctx.restore();
  }

  function modelName(m) { return { idp: "IDP", classic: "Classic", modern: "Modern", discrete: "Discrete" }[m] || m; }

  function buildGallery(s) {
    var g = $("gallery"), info = s.info;
    g.innerHTML = "";
    g.classList.toggle("many", info.p > 12);
    var levels = new Uint8Array(info.n);
    for (var mu = 0; mu < info.p; mu++) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "mem" + (s.emph[mu] ? " emph" : "");
      b.style.setProperty("--c", V.memColor(mu));
      b.title = "Memory " + (mu + 1) + ": click to make it the dominant input from now on";
      b.dataset.mu = mu;
      var c = document.createElement("canvas");
      c.width = 56; c.height = 56;
      if (info.memories) V.drawPicture(c, V.memoryLevels(info.memories, info.n, mu, levels), info.n, info.width);
      b.appendChild(c);
      var lab = document.createElement("span");
      lab.className = "mem-label";
      lab.innerHTML = "<i>ξ" + (mu + 1) + "</i><b>–</b>";
      b.appendChild(lab);
      var bar = document.createElement("span");
      bar.className = "mem-bar";
      bar.appendChild(document.createElement("span"));
      b.appendChild(bar);
      b.addEventListener("click", (function (m) { return function () { switchInput("d" + (m + 1)); }; })(mu));
      g.appendChild(b);
    }
  }

  function buildLegend(s) {
    var l = $("legend"), html = [];
    for (var mu = 0; mu < s.info.p && mu < 24; mu++) {
      html.push('<span class="lg' + (s.emph[mu] ? " emph" : "") + '"><i style="background:' + V.memColor(mu) + '"></i>ξ' + (mu + 1) + "</span>");
    }
    if (s.info.p > 24) html.push('<span class="lg">… ' + (s.info.p - 24) + " more</span>");
    html.push('<span class="lg thr"><i></i>threshold ' + (s.kv.thr || 0.9) + "</span>");
    l.innerHTML = html.join("");
  }

  function buildSwitchButtons(s) {
    var box = $("switch-buttons"), html = [];
    var max = Math.min(s.info.p, 16);
    for (var mu = 0; mu < max; mu++) {
      html.push('<button type="button" class="chip" data-what="d' + (mu + 1) + '" style="--c:' + V.memColor(mu) + '">ξ' + (mu + 1) + "</button>");
    }
    html.push('<button type="button" class="chip off" data-what="off">off</button>');
    box.innerHTML = html.join("");
  }

  function buildHeatSelectors(s) {
    ["heat-mu1", "heat-mu2"].forEach(function (id, k) {
      var sel = $(id), html = [];
      for (var mu = 0; mu < s.info.p; mu++) html.push('<option value="' + mu + '">ξ' + (mu + 1) + "</option>");
      sel.innerHTML = html.join("");
      sel.value = String(S.heatPair ? S.heatPair[k] : k);
    });
  }

  // ---------- drawing ----------

  function drawAll() {
    var s0 = S.slots[0];
    if (!s0 || !s0.frame) return;
    var f = s0.frame;
    $("time").textContent = f.time.toFixed(2);
    $("progress-bar").style.width = (100 * f.step / Math.max(1, s0.info.total)) + "%";
    [0, 1].forEach(function (k) {
      var s = S.slots[k];
      if (!s || !s.frame) return;
      var fr = s.frame;
      V.drawPicture($("state-" + k), fr.act, s.info.n, s.info.width);
      var best = 0;
      for (var mu = 1; mu < s.info.p; mu++) if (fr.overlaps[mu] > fr.overlaps[best]) best = mu;
      var thr = Number(s.kv.thr || 0.9);
      var th = $("thinks-" + k);
      th.innerHTML = fr.overlaps[best] > thr
        ? 'recalls <b style="color:' + V.memColor(best) + '">ξ' + (best + 1) + "</b> <span class=mono>m = " + fr.overlaps[best].toFixed(3) + "</span>"
        : '<span class="muted">no memory above ' + thr + " (best ξ" + (best + 1) + ", m = " + fr.overlaps[best].toFixed(2) + ")</span>";
      if (s.dirty && charts.ov[k]) {
        var data = [s.t].concat(s.m);
        charts.ov[k].setData(data);
      }
    });
    if (charts.en && (s0.dirty || (S.slots[1] && S.slots[1].dirty))) {
      var ed = [s0.t, s0.e];
      if (S.slots[1]) ed.push(alignTo(s0.t, S.slots[1].t, S.slots[1].e));
      charts.en.setData(ed);
    }
    s0.dirty = false;
    if (S.slots[1]) S.slots[1].dirty = false;
    updateGallery(s0);
    drawGains(s0);
    if (S.tab === "landscape") V.drawHeat($("heat"), S.heat, s0.proj, {});
    updateBody(s0);
  }

  function alignTo(xs, x2, y2) { var out = []; for (var i = 0; i < xs.length; i++) out.push(i < y2.length ? y2[i] : null); return out; }

  function updateGallery(s) {
    var f = s.frame, items = $("gallery").children;
    var best = 0;
    for (var mu = 1; mu < s.info.p; mu++) if (f.overlaps[mu] > f.overlaps[best]) best = mu;
    var thr = Number(s.kv.thr || 0.9);
    var w = f.window >= 0 ? s.info.windows[f.window] : null;
    for (var k = 0; k < items.length; k++) {
      var m = f.overlaps[k];
      items[k].querySelector("b").textContent = m.toFixed(2);
      items[k].querySelector(".mem-bar span").style.width = (100 * Math.min(1, m)) + "%";
      items[k].classList.toggle("recalled", k === best && m > thr);
      items[k].classList.toggle("driven", !!(w && w.target === k && f.inputOn));
    }
  }

  function currentBars(s) {
    var f = s.frame, p = s.info.p, vals = new Float32Array(p);
    if (s.model === "idp" || s.model === "modern") { for (var mu = 0; mu < p; mu++) vals[mu] = f.gains[mu]; }
    else if (f.window >= 0 && f.inputOn) { var g = s.info.windows[f.window].gains; for (var k = 0; k < p; k++) vals[k] = g[k]; }
    return vals;
  }

  function drawGains(s) {
    var vals = currentBars(s), beta = Number(s.kv.beta), p = s.info.p, sum = 0;
    for (var mu = 0; mu < p; mu++) sum += vals[mu];
    var idpLike = s.model === "idp" || s.model === "modern";
    // β α′ = 1 with α′ = α − Σα/N  →  α = 1/β + Σα/N
    V.drawBars($("bars"), vals, { emph: s.emph, threshold: idpLike ? 1 / beta + sum / s.info.n : null });
    var f = s.frame;
    var note = !f.inputOn ? "The input is off now: " + (idpLike ? "all gains are 0, so the synapses vanish and the state decays." : "nothing is added to the state.")
      : idpLike ? "The input sets how strongly each memory is stored right now. A memory's well exists when β α′ > 1 (dashed line)."
        : "The classic model adds u to the state; its synapses W stay fixed.";
    $("bars-note").textContent = note;
  }

  function updateBody(s) {
    var f = s.frame, b = document.body, best = 0;
    for (var mu = 1; mu < s.info.p; mu++) if (f.overlaps[mu] > f.overlaps[best]) best = mu;
    b.setAttribute("data-state", f.finished ? "finished" : (S.playing ? "running" : "paused"));
    b.setAttribute("data-step", String(f.step));
    b.setAttribute("data-checksum", f.checksum);
    b.setAttribute("data-best", String(best + 1));
    b.setAttribute("data-best-overlap", f.overlaps[best].toFixed(4));
    var tg = f.window >= 0 ? s.info.windows[f.window].target : -1;
    b.setAttribute("data-dominant-overlap", tg >= 0 ? f.overlaps[tg].toFixed(4) : "");
  }

  // ---------- side views: theory, landscape, synapses ----------

  function refreshSideViews(force) {
    var s = S.slots[0];
    if (!s || !s.frame) return;
    var t = performance.now(), f = s.frame, dynamicGains = s.model === "modern";
    var changedWin = f.windowChanged || force;
    if (S.tab === "theory" && (changedWin || t - S.lastTheoryAt > 400)) {
      S.lastTheoryAt = t;
      S.engine.call({ cmd: "theory", slot: 0 }).then(function (r) { S.theory = r; drawTheory(); });
    }
    if (S.tab === "landscape") {
      if (!heatAllowed()) { $("heat-note").textContent = "The landscape is computed for N ≤ 1024 (pick the “Energy landscape” preset)."; V.drawHeat($("heat"), null); }
      else if (changedWin || !S.heat || (dynamicGains && t - S.lastHeatAt > 1200)) {
        S.lastHeatAt = t;
        requestHeat();
      }
    }
    if (S.tab === "synapses" && S.kv.model !== "discrete" && (changedWin || !S.syn || (dynamicGains && t - S.lastSynAt > 800))) {
      S.lastSynAt = t;
      var size = Math.min(256, s.info.n);
      S.engine.call({ cmd: "synapse", slot: 0, size: size }).then(function (r) {
        S.syn = r;
        var max = V.drawSynapses($("syn"), r);
        $("syn-note").innerHTML = "W(u)<sub>ij</sub> for the first " + r.size + " × " + r.size + " neurons" + (s.info.n > r.size ? " (of " + s.info.n + ")" : "")
          + ", with the input in force at t = " + V.fmt(r.step * s.dt, 2) + ". Orange = excitatory, blue = inhibitory, scale ±" + V.fmt(max, 3)
          + ". " + (s.model === "classic" ? "Classic synapses never change." : "Switch the input and watch the pattern change: the input rewires the network.");
      });
    }
    if (S.tab === "synapses" && S.kv.model === "discrete") $("syn-note").textContent = "The discrete model uses the fixed Hebbian W.";
  }

  function heatRange(s) {
    var f = s.frame, max = 0.5;
    var vals = currentBars(s);
    for (var mu = 0; mu < s.info.p; mu++) max = Math.max(max, Math.abs(vals[mu]));
    if (s.model === "classic") max = Math.max(1.5, max + 1);
    return Math.min(80, max * 1.3);
  }

  function requestHeat() {
    var s = S.slots[0], n = s.info.n, res = n <= 256 ? 64 : n <= 512 ? 48 : 36;
    var pair = S.heatPair || [0, 1];
    if (pair[0] === pair[1]) { $("heat-note").textContent = "Pick two different memories."; return; }
    var range = heatRange(s);
    $("heat-note").textContent = "computing…";
    S.engine.call({ cmd: "heat", slot: 0, mu1: pair[0], mu2: pair[1], res: res, range: range }).then(function (r) {
      S.heat = r;
      $("heat-note").textContent = "E(x; u) at x = a ξ" + (pair[0] + 1) + " + b ξ" + (pair[1] + 1) + ", input at t = " + V.fmt(s.frame.time, 2) + ". Dark = deep well. White: the state's path.";
      V.drawHeat($("heat"), S.heat, s.proj, {});
    });
  }

  function drawTheory() {
    var s = S.slots[0], r = S.theory;
    if (!s || !r || !r.rows) return;
    var beta = Number(s.kv.beta), random = s.kv.mem === "random" || s.kv.mem === "glyphs" || s.kv.mem === "custom";
    var thr = Number(s.kv.thr || 0.9);
    var idpLike = s.model === "idp" || s.model === "modern";
    var rows = ['<thead><tr><th>memory</th><th title="shifted gain α′ = α − Σα/N">α′</th><th title="existence: β α′ > 1">β α′</th><th>well exists</th><th>stable</th>'
      + '<th title="predicted amplitude c: x* = c ξ">c theory</th><th title="projection ξ·x/N of the state">c sim</th><th title="predicted overlap tanh(β c)">m theory</th><th>m sim</th><th></th></tr></thead><tbody>'];
    var disagreements = 0;
    r.rows.forEach(function (row, mu) {
      var mPred = row.exists ? Math.abs(Math.tanh(beta * row.amplitude)) : 0;
      var atMu = row.overlap > 0.5;
      var bad = false, why = "";
      if (idpLike && atMu && !row.exists) { bad = true; why = "the state sits at a memory whose well should not exist"; }
      else if (idpLike && atMu && row.exists && row.stable && Math.abs(Math.abs(row.projection) - row.amplitude) > 0.05 * Math.max(1, row.amplitude)) { bad = true; why = "amplitude differs from the prediction"; }
      else if (idpLike && row.overlap > thr && row.exists && !row.stable) { bad = true; why = "held although predicted unstable"; }
      if (bad) disagreements++;
      rows.push('<tr class="' + (atMu ? "at " : "") + (bad ? "bad" : "") + '"><td><i class="dot" style="background:' + V.memColor(mu) + '"></i>ξ' + (mu + 1) + "</td>"
        + "<td>" + V.fmt(row.shifted, 3) + "</td><td>" + V.fmt(beta * row.shifted, 3) + "</td>"
        + "<td>" + (row.exists ? '<span class="yes">yes</span>' : '<span class="no">no</span>') + "</td>"
        + "<td>" + (row.exists ? (row.stable ? '<span class="yes">stable</span>' : '<span class="no">unstable</span>') : "–") + "</td>"
        + "<td>" + (row.exists ? V.fmt(row.amplitude, 3) : "0") + "</td><td>" + V.fmt(Math.abs(row.projection), 3) + "</td>"
        + "<td>" + V.fmt(mPred, 3) + "</td><td>" + V.fmt(row.overlap, 3) + "</td>"
        + "<td>" + (bad ? '<span class="flag" title="' + why + '">≠ ' + why + "</span>" : "") + "</td></tr>");
    });
    rows.push("</tbody>");
    $("theory-table").innerHTML = rows.join("");
    $("theory-head").innerHTML = "Predictions for the gains in force at t = " + V.fmt(s.frame.time, 2) + " (β = " + beta + "): the well of memory μ exists when β α′<sub>μ</sub> &gt; 1 and is stable when β sech²(β c<sub>μ</sub>) α′<sub>ν</sub> &lt; 1 for every other ν.";
    var crosstalk = Math.sqrt(s.info.p / s.info.n);
    $("theory-note").innerHTML = (!idpLike ? "These thresholds are derived for IDP (gains set by the input); the " + modelName(s.model) + " model is shown for reference. " : "")
      + (random ? "These memories are not orthogonal: the theory holds up to crosstalk ≈ √(P/N) = " + crosstalk.toFixed(3) + ". " : "Orthogonal memories: the theory is exact. ")
      + (disagreements ? '<span class="flag">' + disagreements + " disagreement" + (disagreements > 1 ? "s" : "") + " between theory and simulation.</span>" : "Theory and simulation agree.");
    document.body.setAttribute("data-theory-disagreements", String(disagreements));
  }

  // ---------- switching the input mid-run ----------

  function fmtTime(v) { return String(Number(v.toFixed(6))); }

  function switchInput(what) {
    var s = S.slots[0];
    if (!s || !s.frame) return;
    if (S.ui.lock.indexOf("in") >= 0 || S.ui.lock.indexOf("switch") >= 0) return;
    var step = s.frame.step;
    if (step >= s.info.total) { toast("The run has ended: reset to replay it, or make T longer."); return; }
    var items = (s.kv["in"] || "").split(",").filter(Boolean).filter(function (it) {
      return Math.round(Number(it.split(":")[0]) / s.dt) < step;
    });
    items.push(fmtTime(step * s.dt) + ":" + what);
    var spec;
    try { spec = changed({ "in": items.join(",") }); } catch (e) { notice(V.esc(e.message), "error"); return; }
    var wasPlaying = S.playing || !s.frame.finished;
    toast(what === "off" ? "Input off from t = " + fmtTime(step * s.dt) : "Input now drives ξ" + what.substring(1) + " from t = " + fmtTime(step * s.dt));
    setSpec(spec, { toStep: step, keepPlaying: wasPlaying && S.playing });
  }

  // ---------- schedule editor ----------

  function renderSchedule() {
    var box = $("schedule"), items = (S.kv["in"] || "").split(",").filter(Boolean), p = Number(S.kv.p);
    var html = [];
    items.forEach(function (it, i) {
      var parts = it.split(":"), start = parts[0], what = parts[1] || "off";
      var kind = what === "off" ? "off" : what.charAt(0), arg = what === "off" ? "" : what.substring(1);
      html.push('<div class="win" data-i="' + i + '">'
        + '<label class="field inline"><span>from t</span><input type="number" step="any" min="0" class="w-start" value="' + V.esc(start) + '"' + (i === 0 ? " disabled" : "") + "></label>"
        + '<select class="w-kind" aria-label="input kind">'
        + '<option value="d"' + (kind === "d" ? " selected" : "") + ">dominant ξ</option>"
        + '<option value="c"' + (kind === "c" ? " selected" : "") + ">cue of ξ</option>"
        + '<option value="w"' + (kind === "w" ? " selected" : "") + ">weights</option>"
        + '<option value="off"' + (kind === "off" ? " selected" : "") + ">off</option></select>"
        + (kind === "d" || kind === "c" ? '<input class="w-mu" type="number" min="1" max="' + p + '" value="' + V.esc(arg) + '" aria-label="memory" style="--c:' + V.memColor(Number(arg) - 1) + '">'
          : kind === "w" ? '<input class="w-weights" type="text" value="' + V.esc(arg.replace(/_/g, " ")) + '" aria-label="weights, one per memory" spellcheck="false">' : '<span class="w-gap"></span>')
        + (items.length > 1 ? '<button type="button" class="icon-btn w-del" aria-label="remove window">×</button>' : '<span></span>')
        + "</div>");
    });
    box.innerHTML = html.join("");
  }

  function scheduleFromEditor() {
    var rows = $("schedule").querySelectorAll(".win"), out = [], p = Number(S.kv.p);
    rows.forEach(function (r) {
      var start = r.querySelector(".w-start").value || "0", kind = r.querySelector(".w-kind").value;
      var what;
      if (kind === "off") what = "off";
      else if (kind === "w") {
        var wi = r.querySelector(".w-weights");
        var vals = wi ? wi.value.trim().split(/[\s,_;]+/).filter(Boolean) : [];
        if (!vals.length) { vals = []; for (var k = 0; k < p; k++) vals.push(k === 0 ? "1.5" : "1"); }
        what = "w" + vals.join("_");
      } else {
        var mi = r.querySelector(".w-mu");
        what = kind + (mi && mi.value ? mi.value : "1");
      }
      out.push(start + ":" + what);
    });
    return out.join(",");
  }

  // ---------- controls ----------

  function syncControls(keepErrors) {
    var kv = S.kv;
    setVal("f-n", kv.n); setVal("f-p", kv.p); setVal("f-chars", kv.chars || "");
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
    show("[data-key=chars]", kv.mem === "glyphs");
    show(".modern-only", kv.model === "modern");
    show("[data-key=lambda]", kv.map === "softmax");
    show("[data-key=deg]", kv.map === "poly");
    show(".discrete-only", kv.model === "discrete");
    var cueWin = /(^|,)[^,:]*:c\d+/.test(kv["in"] || "");
    show("[data-key=cue]", kv.x0 === "cue");
    show("[data-key=mask]", kv.x0 === "cue" || cueWin);
    show("[data-key=flip]", kv.x0 === "cue" || cueWin);
    show("[data-key=camp]", cueWin);
    var cmp = compareSpec(S.spec);
    $("compare-label").textContent = kv.model === "discrete" ? "Compare (not for discrete)" : "Compare with " + (kv.model === "classic" ? "IDP" : "classic");
    $("compare").disabled = !cmp || S.ui.lock.indexOf("compare") >= 0;
    renderSchedule();
    var match = S.presets.filter(function (p) { return p.spec === S.spec; })[0];
    $("preset").value = match ? match.name : "";
    $("preset-desc").textContent = match ? match.description : "Your own experiment — copy the link to share it exactly.";
    applyTeacher();
  }

  function setVal(id, v) { var el = $(id); if (document.activeElement !== el) el.value = v; }
  function segOn(id, attr, val) { $(id).querySelectorAll("button").forEach(function (b) { b.classList.toggle("on", b.dataset[attr] === val); }); }
  function show(sel, on) { document.querySelectorAll(sel).forEach(function (el) { el.classList.toggle("na", !on); }); }

  function applyTeacher() {
    document.querySelectorAll("[data-key],[data-section]").forEach(function (el) {
      var key = el.getAttribute("data-key") || el.getAttribute("data-section");
      var hidden = S.ui.hide.indexOf(key) >= 0, locked = S.ui.lock.indexOf(key) >= 0;
      el.classList.toggle("teacher-hidden", hidden);
      el.classList.toggle("locked", locked);
      el.querySelectorAll("input,select,button,textarea").forEach(function (c) { if (locked) c.disabled = true; });
      if (el.matches("input,select,button,textarea") && locked) el.disabled = true;
    });
    document.body.classList.toggle("teacher", S.ui.hide.length + S.ui.lock.length > 0);
  }

  function num(id) { return $(id).value.trim(); }

  function wireControls() {
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
    $("speed").addEventListener("input", function () { S.ui.speed = Number($("speed").value); speedLabel(); });
    document.querySelectorAll(".model-switch button").forEach(function (b) {
      b.addEventListener("click", function () {
        var ch = { model: b.dataset.model };
        if (b.dataset.model === "discrete") { ch.noise = "0"; ch.dt = "1"; ch.t = String(Math.min(50, Number(S.kv.t))); }
        else if (S.kv.model === "discrete") { ch.dt = "0.01"; ch.noise = "8"; }
        tryChange(ch, b);
      });
    });
    $("compare").addEventListener("change", function () { S.compare = $("compare").checked; restart(0, true); });
    $("mem-kind").querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () {
        var m = b.dataset.mem, n = Number(S.kv.n), p = Number(S.kv.p), ch = { mem: m };
        if (m === "custom") { openDraw(); return; }
        if (m === "glyphs") {
          var chars = "HOPFIELD".substring(0, Math.min(8, Math.max(2, p)));
          ch.chars = chars; ch.p = chars.length;
          var side = Math.round(Math.sqrt(n)); if (side * side !== n || side % 10) ch.n = 400;
          ch["in"] = fixSchedule(S.kv["in"], chars.length);
        }
        if (m === "orthogonal" && (n & (n - 1))) ch.n = Math.pow(2, Math.round(Math.log2(n)));
        tryChange(ch, b);
      });
    });
    $("x0-kind").querySelectorAll("button").forEach(function (b) { b.addEventListener("click", function () { tryChange({ x0: b.dataset.x0 }, b); }); });
    bindNum("f-n", "n"); bindNum("f-dt", "dt"); bindNum("f-t", "t"); bindNum("f-seed", "seed"); bindNum("f-pulse", "pulse");
    bindNum("f-cue", "cue"); bindNum("f-mask", "mask"); bindNum("f-flip", "flip"); bindNum("f-camp", "camp");
    bindNum("f-lambda", "lambda"); bindNum("f-deg", "deg"); bindNum("f-map", "map"); bindNum("f-update", "update");
    $("f-p").addEventListener("change", function () {
      var p = num("f-p"), ch = { p: p, "in": fixSchedule(S.kv["in"], Number(p)) };
      if (S.kv.mem === "glyphs") { ch.chars = fitChars(S.kv.chars, Number(p)); }
      tryChange(ch, $("f-p"));
    });
    $("f-chars").addEventListener("change", function () {
      var c = $("f-chars").value.toUpperCase().replace(/[^A-Z0-9]/g, "");
      tryChange({ chars: c, p: c.length, "in": fixSchedule(S.kv["in"], c.length) }, $("f-chars"));
    });
    $("f-beta").addEventListener("input", function () { $("o-beta").textContent = betaFromSlider(); });
    $("f-beta").addEventListener("change", function () { tryChange({ beta: betaFromSlider() }, $("f-beta")); });
    $("f-noise").addEventListener("input", function () { $("o-noise").textContent = $("f-noise").value; });
    $("f-noise").addEventListener("change", function () { tryChange({ noise: $("f-noise").value }, $("f-noise")); });
    $("f-gamma").addEventListener("input", function () { $("o-gamma").textContent = $("f-gamma").value; });
    $("f-gamma").addEventListener("change", function () { tryChange({ gamma: $("f-gamma").value }, $("f-gamma")); });
    $("schedule").addEventListener("change", function (ev) {
      if (ev.target.classList.contains("w-kind") || ev.target.classList.contains("w-start") || ev.target.classList.contains("w-mu") || ev.target.classList.contains("w-weights")) {
        tryChange({ "in": scheduleFromEditor() }, ev.target);
      }
    });
    $("schedule").addEventListener("click", function (ev) {
      if (!ev.target.classList.contains("w-del")) return;
      ev.target.closest(".win").remove();
      tryChange({ "in": scheduleFromEditor() }, $("schedule"));
    });
    $("add-window").addEventListener("click", function () {
      var items = (S.kv["in"] || "").split(",").filter(Boolean), T = Number(S.kv.t);
      var last = Number(items[items.length - 1].split(":")[0]);
      var start = fmtTime(Math.min(T - Number(S.kv.dt), last + Math.max(Number(S.kv.dt), (T - last) / 2)));
      var lastWhat = items[items.length - 1].split(":")[1] || "d1";
      var mu = /^[dc]\d+$/.test(lastWhat) ? (Number(lastWhat.substring(1)) % Number(S.kv.p)) + 1 : 1;
      items.push(start + ":d" + mu);
      tryChange({ "in": items.join(",") }, $("add-window"));
    });
    $("switch-buttons").addEventListener("click", function (ev) { var b = ev.target.closest("button"); if (b) switchInput(b.dataset.what); });
    $("preset").addEventListener("change", function () {
      var name = $("preset").value;
      if (!name) return;
      notice(null);
      setSpec(core.presetSpec(name));
    });
    $("spec-text").addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      var c = core.canonical($("spec-text").value.trim());
      if (!c) { fieldError($("spec-text"), core.lastError() + (core.lastErrorKey() ? " (key " + core.lastErrorKey() + ")" : "")); return; }
      fieldError(null);
      setSpec(c);
    });
    $("copy-link").addEventListener("click", copyLink);
    $("notice-close").addEventListener("click", function () { notice(null); });
    document.querySelectorAll("[data-export]").forEach(function (b) { b.addEventListener("click", function () { exportAs(b.dataset.export); b.closest("details").open = false; }); });
    document.querySelectorAll(".tabs button").forEach(function (b) { b.addEventListener("click", function () { selectTab(b.dataset.tab); }); });
    ["heat-mu1", "heat-mu2"].forEach(function (id) {
      $(id).addEventListener("change", function () {
        S.heatPair = [Number($("heat-mu1").value), Number($("heat-mu2").value)];
        S.engine.call({ cmd: "track", slot: 0, track: S.heatPair });
        if (S.slots[0]) S.slots[0].proj = [];
        requestHeat();
      });
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.target.matches("input,textarea,select")) return;
      if (ev.key === " ") { ev.preventDefault(); $("play").click(); }
      else if (ev.key === "ArrowRight") $("step").click();
      else if (ev.key === "r" || ev.key === "R") $("reset").click();
    });
    var resizeTimer = 0;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () {
        [0, 1].forEach(function (k) { var c = charts.ov[k], el = $(k ? "overlap-plot-1" : "overlap-plot"); if (c) c.setSize({ width: el.clientWidth, height: c.height }); });
        if (charts.en) charts.en.setSize({ width: $("energy-plot").clientWidth, height: charts.en.height });
        drawAll();
        if (S.tab === "synapses") V.drawSynapses($("syn"), S.syn);
      }, 120);
    });
    window.addEventListener("message", function (ev) {
      var d = ev.data;
      if (!d || d.type !== "hopfield-lab:load" || typeof d.spec !== "string") return;
      var r = readLink(d.spec);
      notice(r.notes.length ? r.notes.join("<br>") : null, "warn");
      setSpec(r.spec);
    });
  }

  function bindNum(id, key) {
    $(id).addEventListener("change", function () { var ch = {}; ch[key] = num(id); tryChange(ch, $(id)); });
  }

  function betaFromSlider() { var v = Math.pow(10, Number($("f-beta").value) - 1); return String(Number(v.toPrecision(v < 1 ? 2 : 3))); }

  function speedLabel() {
    var v = SPEEDS[S.ui.speed];
    $("speed-label").textContent = v === Infinity ? "as fast as possible" : v + " step" + (v > 1 ? "s" : "") + "/frame";
  }

  function fitChars(chars, p) {
    var pool = (chars || "") + "HOPFIELDABCGJKMNQRSTUVWXYZ0123456789", out = "";
    for (var i = 0; i < pool.length && out.length < p; i++) if (out.indexOf(pool[i]) < 0) out += pool[i];
    return out;
  }

  // Keeps input windows valid when P shrinks: memory numbers above P wrap, weight lists are cut or padded.
  function fixSchedule(inText, p) {
    return (inText || "0:d1").split(",").map(function (it) {
      var parts = it.split(":"), what = parts[1] || "off";
      if (/^[dc]\d+$/.test(what)) { var k = Number(what.substring(1)); if (k > p) what = what.charAt(0) + (((k - 1) % p) + 1); }
      else if (what.charAt(0) === "w") {
        var ws = what.substring(1).split("_");
        while (ws.length < p) ws.push("1");
        what = "w" + ws.slice(0, p).join("_");
      }
      return parts[0] + ":" + what;
    }).join(",");
  }

  function selectTab(tab) {
    S.tab = tab;
    document.querySelectorAll(".tabs button").forEach(function (b) { b.classList.toggle("on", b.dataset.tab === tab); b.setAttribute("aria-selected", b.dataset.tab === tab); });
    ["theory", "landscape", "synapses"].forEach(function (t) { $("tab-" + t).hidden = t !== tab; });
    S.heat = tab === "landscape" ? null : S.heat;
    refreshSideViews(true);
  }

  function copyLink() {
    var url = location.href.split("?")[0] + linkFor(S.spec);
    var done = function () { toast("Link copied — it reproduces this run exactly"); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback); else fallback();
    function fallback() {
      var ta = document.createElement("textarea");
      ta.value = url; document.body.appendChild(ta); ta.select();
      try { document.execCommand("copy"); done(); } catch (e) { prompt("Copy this link:", url); }
      ta.remove();
    }
    document.body.setAttribute("data-link", url);
  }

  // ---------- export ----------

  function download(name, type, data) {
    var blob = data instanceof Blob ? data : new Blob([data], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function runJson() {
    var s = S.slots[0], rows = [];
    for (var i = 0; i < s.t.length; i++) {
      var m = [];
      for (var mu = 0; mu < s.info.p; mu++) m.push(s.m[mu][i]);
      rows.push({ t: s.t[i], window: s.win[i], overlaps: m, energy: s.e[i] });
    }
    return { spec: S.spec, link: location.href.split("?")[0] + "?" + S.spec, engine: S.engine.name, step: s.frame.step, time: s.frame.time,
      checksum: s.frame.checksum, samples: rows };
  }

  function exportAs(kind) {
    var s = S.slots[0];
    if (!s) return;
    var base = "hopfield-" + (s.model) + "-t" + s.frame.time.toFixed(2);
    if (kind === "json") download(base + ".json", "application/json", JSON.stringify(runJson(), null, 1));
    else if (kind === "csv") {
      var head = ["t", "window", "dominant"]; for (var mu = 0; mu < s.info.p; mu++) head.push("m" + (mu + 1)); head.push("energy");
      var lines = ["# " + S.spec, head.join(",")];
      for (var i = 0; i < s.t.length; i++) {
        var w = s.win[i], row = [s.t[i], w, w >= 0 && s.info.windows[w].target >= 0 ? s.info.windows[w].target + 1 : ""];
        for (var k = 0; k < s.info.p; k++) row.push(s.m[k][i]);
        row.push(s.e[i]);
        lines.push(row.join(","));
      }
      download(base + ".csv", "text/csv", lines.join("\n") + "\n");
    } else if (kind === "overlap-png" || kind === "energy-png") {
      var chart = kind === "overlap-png" ? charts.ov[0] : charts.en;
      var c = document.createElement("canvas");
      c.width = chart.ctx.canvas.width; c.height = chart.ctx.canvas.height;
      var ctx = c.getContext("2d");
      ctx.fillStyle = V.cssVar("--panel"); ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(chart.ctx.canvas, 0, 0);
      c.toBlob(function (b) { download(base + "-" + kind.replace("-png", "") + ".png", "image/png", b); });
    } else if (kind === "overlap-svg") {
      var strokes = []; for (var q = 0; q < s.info.p; q++) strokes.push(s.emph[q] ? V.memColor(q) : V.withAlpha(V.memColor(q), 0.4));
      download(base + "-overlaps.svg", "image/svg+xml", V.chartSvg("Overlaps m_μ(t) — " + modelName(s.model), [s.t].concat(s.m), strokes, [0, 1], "time t", "overlap"));
    } else if (kind === "energy-svg") {
      download(base + "-energy.svg", "image/svg+xml", V.chartSvg("Energy E(x; u)(t) — " + modelName(s.model), [s.t, s.e], ["#1b2538"], null, "time t", "energy"));
    } else if (kind === "state-png") {
      $("state-0").toBlob(function (b) { download(base + "-state.png", "image/png", b); });
    }
  }

  // ---------- drawing memories (dialog) ----------

  var D = { side: 16, mems: [], cur: 0, pen: 1, painting: false };

  function openDraw() {
    var dlg = $("draw-dialog");
    var s = S.slots[0];
    if (s && s.info.memories && (s.kv.mem === "custom" || s.kv.mem === "glyphs") && Math.round(Math.sqrt(s.info.n)) ** 2 === s.info.n && s.info.n <= 1024) {
      D.side = Math.round(Math.sqrt(s.info.n));
      D.mems = [];
      for (var mu = 0; mu < s.info.p; mu++) D.mems.push(Int8Array.from(s.info.memories.subarray(mu * s.info.n, (mu + 1) * s.info.n)));
    } else {
      D.side = 16;
      D.mems = [starter(16, 0), starter(16, 1), starter(16, 2)];
    }
    D.cur = 0;
    $("draw-side").value = String(D.side);
    renderDrawList();
    paintEditor();
    if (dlg.showModal) dlg.showModal(); else dlg.setAttribute("open", "");
  }

  function starter(side, k) {
    var m = new Int8Array(side * side).fill(-1), c = (side - 1) / 2;
    for (var y = 0; y < side; y++) for (var x = 0; x < side; x++) {
      var dx = x - c, dy = y - c, r = Math.sqrt(dx * dx + dy * dy);
      var on = k === 0 ? (r < side * 0.42 && r > side * 0.26) : k === 1 ? (Math.abs(dx) < side * 0.12 || Math.abs(dy) < side * 0.12) && r < side * 0.45
        : Math.abs(Math.abs(dx) - Math.abs(dy)) < side * 0.1 && r < side * 0.48;
      m[y * side + x] = on ? 1 : -1;
    }
    return m;
  }

  function renderDrawList() {
    var box = $("draw-list");
    box.innerHTML = "";
    D.mems.forEach(function (m, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "mem" + (i === D.cur ? " sel" : "");
      b.style.setProperty("--c", V.memColor(i));
      var c = document.createElement("canvas"); c.width = 48; c.height = 48;
      var lv = new Uint8Array(m.length); for (var k = 0; k < m.length; k++) lv[k] = m[k] > 0 ? 255 : 0;
      V.drawPicture(c, lv, m.length, D.side);
      b.appendChild(c);
      var l = document.createElement("span"); l.className = "mem-label"; l.innerHTML = "<i>ξ" + (i + 1) + "</i>"; b.appendChild(l);
      b.addEventListener("click", function () { D.cur = i; renderDrawList(); paintEditor(); });
      box.appendChild(b);
    });
    $("draw-msg").textContent = D.mems.length + " memories of " + D.side + " × " + D.side + " = " + D.side * D.side + " neurons";
  }

  function paintEditor() {
    var c = $("draw-canvas"), m = D.mems[D.cur];
    var lv = new Uint8Array(m.length); for (var k = 0; k < m.length; k++) lv[k] = m[k] > 0 ? 255 : 0;
    V.drawPicture(c, lv, m.length, D.side, { grid: true });
  }

  function wireDraw() {
    var c = $("draw-canvas");
    function cell(ev) {
      var r = c.getBoundingClientRect(), x = Math.floor((ev.clientX - r.left) / r.width * D.side), y = Math.floor((ev.clientY - r.top) / r.height * D.side);
      return x >= 0 && y >= 0 && x < D.side && y < D.side ? y * D.side + x : -1;
    }
    function paint(ev) { var i = cell(ev); if (i >= 0 && D.mems[D.cur][i] !== D.pen) { D.mems[D.cur][i] = D.pen; paintEditor(); } }
    c.addEventListener("pointerdown", function (ev) { D.painting = true; c.setPointerCapture(ev.pointerId); var i = cell(ev); if (i >= 0 && ev.button === 2) D.pen = -1; paint(ev); ev.preventDefault(); });
    c.addEventListener("pointermove", function (ev) { if (D.painting) paint(ev); });
    c.addEventListener("pointerup", function () { D.painting = false; renderDrawList(); });
    c.addEventListener("contextmenu", function (ev) { ev.preventDefault(); });
    $("draw-pen").querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () { D.pen = Number(b.dataset.pen); $("draw-pen").querySelectorAll("button").forEach(function (x) { x.classList.toggle("on", x === b); }); });
    });
    $("draw-clear").addEventListener("click", function () { D.mems[D.cur].fill(-1); paintEditor(); renderDrawList(); });
    $("draw-invert").addEventListener("click", function () { var m = D.mems[D.cur]; for (var i = 0; i < m.length; i++) m[i] = -m[i]; paintEditor(); renderDrawList(); });
    $("draw-noise").addEventListener("click", function () { var m = D.mems[D.cur]; for (var i = 0; i < m.length; i++) m[i] = Math.random() < 0.5 ? 1 : -1; paintEditor(); renderDrawList(); });
    $("draw-add").addEventListener("click", function () {
      if (D.mems.length >= 16) return;
      D.mems.push(new Int8Array(D.side * D.side).fill(-1)); D.cur = D.mems.length - 1; renderDrawList(); paintEditor();
    });
    $("draw-del").addEventListener("click", function () {
      if (D.mems.length <= 1) return;
      D.mems.splice(D.cur, 1); D.cur = Math.max(0, D.cur - 1); renderDrawList(); paintEditor();
    });
    $("draw-side").addEventListener("change", function () {
      var ns = Number($("draw-side").value);
      D.mems = D.mems.map(function (m) { return resample(m, D.side, ns); });
      D.side = ns; renderDrawList(); paintEditor();
    });
    $("draw-upload").addEventListener("change", function () {
      var file = $("draw-upload").files[0];
      if (!file) return;
      var img = new Image();
      img.onload = function () {
        var cv = document.createElement("canvas"); cv.width = D.side; cv.height = D.side;
        var ctx = cv.getContext("2d");
        ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, D.side, D.side);
        var sc = Math.min(D.side / img.width, D.side / img.height), w = img.width * sc, h = img.height * sc;
        ctx.drawImage(img, (D.side - w) / 2, (D.side - h) / 2, w, h);
        var d = ctx.getImageData(0, 0, D.side, D.side).data, lum = [], mean = 0;
        for (var i = 0; i < D.side * D.side; i++) { var l = 0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2]; lum.push(l); mean += l; }
        mean /= lum.length;
        var m = new Int8Array(D.side * D.side);
        for (var k = 0; k < lum.length; k++) m[k] = lum[k] < mean ? 1 : -1;
        if (D.mems.length < 16) { D.mems.push(m); D.cur = D.mems.length - 1; } else D.mems[D.cur] = m;
        renderDrawList(); paintEditor();
        URL.revokeObjectURL(img.src);
        $("draw-upload").value = "";
      };
      img.src = URL.createObjectURL(file);
    });
    $("draw-use").addEventListener("click", function (ev) {
      ev.preventDefault();
      var n = D.side * D.side, signs = "";
      D.mems.forEach(function (m) { for (var i = 0; i < n; i++) signs += m[i] > 0 ? "+" : "-"; });
      var pat = core.packPatterns(signs, n), p = D.mems.length;
      try {
        var spec = changed({ mem: "custom", n: n, p: p, pat: pat, "in": fixSchedule(S.kv["in"], p) });
        $("draw-dialog").close();
        setSpec(spec);
      } catch (e) { $("draw-msg").textContent = e.message; }
    });
    $("open-draw").addEventListener("click", openDraw);
  }

  function resample(m, from, to) {
    var out = new Int8Array(to * to);
    for (var y = 0; y < to; y++) for (var x = 0; x < to; x++) out[y * to + x] = m[Math.floor(y * from / to) * from + Math.floor(x * from / to)];
    return out;
  }

  // ---------- start ----------

  function fillPresets() {
    var sel = $("preset"), html = ['<option value="">Custom experiment</option>'];
    S.presets.forEach(function (p, i) { html.push('<option value="' + p.name + '">' + (i + 1) + ". " + V.esc(p.title) + "</option>"); });
    sel.innerHTML = html.join("");
  }

  function start() {
    var names = String(core.presetNames()).split(",");
    S.presets = names.map(function (n) { return { name: n, title: core.presetTitle(n), description: core.presetDescription(n), spec: core.presetSpec(n) }; });
    fillPresets();
    var link = readLink(location.search);
    var ui = link.ui;
    S.ui.hide = (ui.hide || "").split(",").filter(Boolean);
    S.ui.lock = (ui.lock || "").split(",").filter(Boolean);
    S.ui.view = ui.view || "";
    if (ui.speed != null && !isNaN(Number(ui.speed))) S.ui.speed = Math.max(0, Math.min(SPEEDS.length - 1, Number(ui.speed)));
    S.ui.engine = ui.engine || "auto";
    $("speed").value = String(S.ui.speed);
    speedLabel();
    if (link.notes.length) notice(link.notes.join("<br>"), "warn");
    S.compare = S.ui.view === "compare";
    $("compare").checked = S.compare;
    wireControls();
    wireDraw();
    var tab = ["theory", "landscape", "synapses"].indexOf(S.ui.view) >= 0 ? S.ui.view : (kvOf(link.spec).n <= 256 ? "landscape" : "theory");
    S.tab = tab;
    document.querySelectorAll(".tabs button").forEach(function (b) { b.classList.toggle("on", b.dataset.tab === tab); });
    ["theory", "landscape", "synapses"].forEach(function (t) { $("tab-" + t).hidden = t !== tab; });
    if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
      navigator.serviceWorker.register("sw.js").then(function () { document.body.setAttribute("data-sw", "registered"); },
        function (e) { document.body.setAttribute("data-sw", "failed: " + e.message); });
    }
    HLEngine.create(S.ui.engine).then(function (engine) {
      S.engine = engine;
      var label = engine.name === "wasm" ? "WebAssembly" : "JavaScript";
      $("engine-badge").textContent = label + (engine.kind === "worker" ? " · worker" : " · main thread");
      $("engine-badge").title = "Simulation engine: TeaVM " + label + (engine.kind === "worker" ? " in a Web Worker" : " on the main thread, time-sliced (opened from disk)");
      $("foot-engine").textContent = "Engine: TeaVM " + label + (engine.kind === "worker" ? " in a Web Worker" : ", main thread");
      document.body.setAttribute("data-engine", engine.name);
      document.body.setAttribute("data-engine-kind", engine.kind);
      requestAnimationFrame(frameLoop);
      return setSpec(link.spec);
    }).catch(function (e) {
      notice("The lab could not start its engine: " + V.esc(e && e.message || e), "error");
      document.body.setAttribute("data-state", "error");
    });
  }

  // Test and automation hooks.
  window.hopfieldLab = {
    spec: function () { return S.spec; },
    engine: function () { return S.engine && S.engine.name; },
    frame: function () { var s = S.slots[0]; return s && s.frame ? { step: s.frame.step, time: s.frame.time, finished: s.frame.finished, checksum: s.frame.checksum, overlaps: Array.from(s.frame.overlaps), window: s.frame.window } : null; },
    compareFrame: function () { var s = S.slots[1]; return s && s.frame ? { step: s.frame.step, finished: s.frame.finished, checksum: s.frame.checksum, overlaps: Array.from(s.frame.overlaps) } : null; },
    maxDominantOverlap: function () {
      var s = S.slots[0]; if (!s) return 0;
      var best = 0;
      for (var i = 0; i < s.t.length; i++) { var w = s.win[i], tg = w >= 0 ? s.info.windows[w].target : -1; if (tg >= 0) best = Math.max(best, s.m[tg][i]); }
      return best;
    },
    setSpeed: function (k) { S.ui.speed = k; $("speed").value = String(k); speedLabel(); },
    play: function () { setPlaying(true); }, pause: function () { setPlaying(false); },
    load: function (spec) { var r = readLink(spec); return setSpec(r.spec); },
    switchInput: switchInput,
    runToEnd: function () { return window.hopfieldLab.runTo(1e9); },
    runTo: function (step) {
      setPlaying(false);
      var loop = function () {
        return runSteps(1e9, 1e9, step).then(function () {
          var f = S.slots[0].frame, f1 = S.slots[1] && S.slots[1].frame;
          if ((f.finished || f.step >= step) && (!f1 || f1.finished || f1.step >= step)) return window.hopfieldLab.frame();
          return loop();
        });
      };
      return loop();
    },
    call: function (msg) { return S.engine.call(msg); },
    fps: function () { var a = S.fps, out = []; for (var i = 1; i < a.length; i++) out.push(a[i] - a[i - 1]); return out; },
    selectTab: selectTab,
    setCompare: function (on) { S.compare = on; $("compare").checked = on; return restart(0, true); }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
