// The live run views: network pictures, overlap and energy charts with the input band, legend, gain bars and
// the data-* attributes on <body> that tests and automation read. Built once per run, redrawn every frame.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;
  var charts = { ov: [null, null], en: null };

  function build() {
    var s0 = S.slots[0], s1 = S.slots[1];
    ["overlap-plot", "overlap-plot-1", "energy-plot"].forEach(function (id) { $(id).innerHTML = ""; });
    charts.ov = [null, null];
    nextChartsAt = 0;
    [s0, s1].forEach(function (s, k) {
      if (!s) return;
      $(k ? "overlap-plot-1" : "overlap-plot").hidden = false;
      $("band-" + k).hidden = false;
      charts.ov[k] = V.overlapChart($(k ? "overlap-plot-1" : "overlap-plot"), s.info.p, s.emph, {
        T: s.T, height: s1 ? 170 : 230, threshold: L.threshold(s),
        hooks: { draw: [function (u) { V.drawBand($("band-" + k), u, s.info.windows, s.info.total, s.dt, { pulse: Number(s.values.pulse) }); drawMarks(u, s); }] }
      });
    });
    $("overlap-plot-1").hidden = !s1;
    $("band-1").hidden = !s1;
    charts.en = V.energyChart($("energy-plot"), s1 ? 2 : 1, { T: s0.T, height: 150 });
    // in compare mode two overlap charts and two energy lines: say which model is which
    [s0, s1].forEach(function (s, k) { $("plot-tag-" + k).hidden = !s1; if (s) $("plot-tag-" + k).textContent = L.modelName(s.model); });
    $("energy-legend").hidden = !s1;
    if (s1) {
      $("energy-legend").innerHTML = '<span class="lg emph"><i style="background:' + V.cssVar("--ink") + '"></i>' + L.modelName(s0.model) + "</span>"
        + '<span class="lg emph"><i style="background:repeating-linear-gradient(90deg,' + V.cssVar("--accent") + ' 0 5px,transparent 5px 8px)"></i>' + L.modelName(s1.model) + "</span>";
    }
    $("tag-0").textContent = L.modelName(s0.model);
    document.querySelectorAll(".main-run-tag").forEach(function (t) { t.hidden = !s1; t.textContent = L.modelName(s0.model); });
    $("pic-1").hidden = !s1;
    $("pictures").classList.toggle("two", !!s1);
    if (s1) $("tag-1").textContent = L.modelName(s1.model);
    document.body.setAttribute("data-model", s0.model);
    buildCueKey(s0);
    L.memories.buildGallery(s0);
    buildLegend(s0);
    L.schedule.buildSwitchButtons(s0);
    L.side.buildSelectors(s0);
    $("tend").textContent = V.fmt(s0.T, 2);
    $("bars-title").innerHTML = s0.info.bars === "input" ? "Input weights ξ<sup>μ</sup>·u / N" : "Synaptic gains α<sub>μ</sub>(u)";
  }

  // Under the network picture: the drawn cue itself and how to read the marks on the picture.
  function buildCueKey(s) {
    $("cue-key").hidden = !s.cue;
    if (!s.cue) return;
    var lv = new Uint8Array(s.info.n);
    for (var i = 0; i < s.info.n; i++) lv[i] = s.cue[i] > 0 ? 255 : 0;
    V.drawPicture($("cue-key-thumb"), lv, s.info.n, s.info.width);
    var start = s.values.x0 === "drawn", input = L.spec.hasDrawnWindow(s.info.spec);
    $("cue-key-use").textContent = "(" + (start && input ? "the start state and the input" : start ? "the start state" : "the input") + ")";
  }

  // Marks on the network picture where the state differs from the drawn cue: pixels the network inked are filled
  // in the colour of the memory it recalls, pixels it erased are ringed. So the completion reads at a glance.
  function drawCueMarks(canvas, s, colour) {
    var n = s.info.n, w = s.info.width > 0 ? s.info.width : Math.round(Math.sqrt(n)), h = Math.ceil(n / w);
    var ctx = canvas.getContext("2d"), sc = Math.min(canvas.width / w, canvas.height / h);
    var ox = (canvas.width - w * sc) / 2, oy = (canvas.height - h * sc) / 2, act = s.frame.act, lw = Math.max(1.5, sc * 0.14);
    ctx.save();
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    ctx.lineWidth = lw;
    for (var i = 0; i < n; i++) {
      var on = act[i] >= 128, cue = s.cue[i] > 0;
      if (on === cue) continue;
      var x = ox + (i % w) * sc, y = oy + Math.floor(i / w) * sc;
      if (on) { ctx.globalAlpha = 0.35 + 0.6 * (act[i] - 128) / 127; ctx.fillRect(x, y, sc, sc); }
      else { ctx.globalAlpha = 0.9; ctx.strokeRect(x + lw / 2 + sc * 0.12, y + lw / 2 + sc * 0.12, sc * 0.76 - lw, sc * 0.76 - lw); }
    }
    ctx.restore();
  }

  // On the overlap chart: a dotted "now" line and the dashed retrieval threshold.
  function drawMarks(u, s) {
    if (!s.frame) return;
    var ctx = u.ctx, x = u.valToPos(s.frame.time, "x", true), y = u.valToPos(L.threshold(s), "y", true);
    ctx.save();
    ctx.strokeStyle = V.cssVar("--muted");
    ctx.globalAlpha = 0.5;
    ctx.setLineDash([2, 3]);
    ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
    ctx.strokeStyle = V.cssVar("--accent");
    ctx.globalAlpha = 0.6;
    ctx.setLineDash([6, 4]);
    ctx.beginPath(); ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke();
    ctx.restore();
  }

  function buildLegend(s) {
    var html = [];
    for (var mu = 0; mu < s.info.p && mu < 24; mu++) {
      html.push('<span class="lg' + (s.emph[mu] ? " emph" : "") + '"><i style="background:' + V.memColor(mu) + '"></i>ξ' + (mu + 1) + "</span>");
    }
    if (s.info.p > 24) html.push('<span class="lg">… ' + (s.info.p - 24) + " more</span>");
    html.push('<span class="lg thr"><i></i>threshold ' + L.threshold(s) + "</span>");
    $("legend").innerHTML = html.join("");
  }

  // The charts redraw every series from the start, the costliest drawing of a frame: while playing they are redrawn
  // when their last redraw is at least three of its own durations ago, so they take at most about a quarter of the
  // page's time however slow the machine (every frame where it is fast); a stopped run is drawn at once.
  var nextChartsAt = 0;

  function drawCharts(s0, s1, force) {
    var now = performance.now();
    if (!force && now < nextChartsAt) return;
    var t0 = now;
    [s0, s1].forEach(function (s, k) {
      if (s && s.dirty && charts.ov[k]) {
        charts.ov[k].batch(function (u) { u.setData([s.t].concat(s.m)); });   // batch: draws now, not in a microtask
      }
    });
    if (charts.en && (s0.dirty || (s1 && s1.dirty))) {
      var ed = [s0.t, s0.e];
      // the compare run is on the same time grid; it may lag by a batch, so pad it with gaps
      if (s1) ed.push(s0.t.map(function (_, i) { return i < s1.e.length ? s1.e[i] : null; }));
      charts.en.batch(function (u) { u.setData(ed); });
    }
    s0.dirty = false;
    if (s1) s1.dirty = false;
    nextChartsAt = performance.now() + 3 * (performance.now() - t0);
  }

  // Canvases first, then the DOM writes: a canvas font set after a DOM write forces a style recalculation.
  function drawAll() {
    var s0 = S.slots[0];
    if (!s0 || !s0.frame) return;
    var s1 = S.slots[1];
    drawCharts(s0, s1, !S.playing);
    [0, 1].forEach(function (k) {
      var s = S.slots[k];
      if (!s || !s.frame) return;
      var fr = s.frame;
      V.drawPicture($("state-" + k), fr.act, s.info.n, s.info.width);
      if (s.cue) drawCueMarks($("state-" + k), s, cueColour(fr));
    });
    drawGains(s0);
    L.side.drawLive(s0);
    L.setText($("time"), s0.frame.time.toFixed(2));
    L.setAttr($("progress-bar"), "style", "width:" + (100 * s0.frame.step / Math.max(1, s0.info.total)) + "%");
    [0, 1].forEach(function (k) {
      var s = S.slots[k];
      if (!s || !s.frame) return;
      if (s.cue && k === 0) { var ck = $("cue-key"), c = cueColour(s.frame); if (ck._c !== c) { ck.style.setProperty("--c", c); ck._c = c; } }
      L.setHtml($("thinks-" + k), recallText(s.frame.recall));
    });
    L.memories.updateGallery(s0);
    updateBody(s0);
    describe(s0, s1);
  }

  // Text alternatives of the drawn views for screen readers: the numbers are the core's (the frame's overlaps, energy
  // and gains, the Recall sentence), only put into words here. While playing they follow at most once a second.
  var describedAt = 0;

  function plain(html) { var d = describe.div || (describe.div = document.createElement("div")); d.innerHTML = html; return d.textContent; }

  function listOf(vals, p, digits) {
    var out = [], shown = Math.min(p, 12);
    for (var mu = 0; mu < shown; mu++) out.push("ξ" + (mu + 1) + " " + Number(vals[mu]).toFixed(digits));
    if (p > shown) out.push("and " + (p - shown) + " more");
    return out.join(", ");
  }

  function describe(s0, s1) {
    var now = performance.now();
    if (S.playing && now - describedAt < 1000) return;
    describedAt = now;
    [s0, s1].forEach(function (s, k) {
      if (!s || !s.frame) return;
      var f = s.frame, at = "at t = " + f.time.toFixed(2), name = L.modelName(s.model);
      L.setAttr($("state-" + k), "aria-label", "Network state of the " + name + " run " + at + ", " + s.info.n + " neurons: " + plain(recallText(f.recall)));
      L.setAttr($(k ? "overlap-plot-1" : "overlap-plot"), "aria-label", "Overlaps of the " + name + " run " + at + ": " + listOf(f.overlaps, s.info.p, 2));
    });
    var e = s0.e && s0.e.length ? s0.e[s0.e.length - 1] : NaN;
    L.setAttr($("energy-plot"), "aria-label", "Energy " + (isNaN(e) ? "not yet computed" : "at t = " + s0.frame.time.toFixed(2) + ": " + Number(e).toPrecision(4))
      + (s1 && s1.e && s1.e.length ? " (" + L.modelName(s0.model) + "); " + L.modelName(s1.model) + ": " + Number(s1.e[s1.e.length - 1]).toPrecision(4) : ""));
    L.setAttr($("bars"), "aria-label", $("bars-title").textContent + " at t = " + s0.frame.time.toFixed(2) + ": " + listOf(currentBars(s0), s0.info.p, 3));
  }

  // The run's state in words for a screen reader's live region: said when it changes (playing, paused, finished).
  var announced = null;

  function announce(s, state) {
    var f = s.frame, said = state === "running" ? "Running" : (state === "finished" ? "Finished" : "Paused")
      + " at t = " + f.time.toFixed(2) + " of " + s.T + ": " + plain(recallText(f.recall));
    L.setText($("run-status"), said);
  }

  function cueColour(fr) { return fr.recall.kind !== "NONE" ? V.memColor(fr.recall.memory) : V.cssVar("--accent"); }

  // The sentence under a network picture, from the core's claim: a cue is credited only when cues brought the
  // state there (a memory driven by a later input window is "recalls", not "completes the cue").
  function recallText(r) {
    var mem = function (mu) { return '<b class="mem-text" style="--c:' + V.memColor(mu) + '">ξ' + (mu + 1) + "</b>"; };
    var m = ' <span class="mono">m = ' + r.overlap.toFixed(3) + "</span>";
    if (r.kind === "NONE") return '<span class="muted">no memory above ' + r.threshold + " (best ξ" + (r.memory + 1) + ", m = " + r.overlap.toFixed(2) + ")</span>";
    if (r.kind === "RECALLS") return "recalls " + mem(r.memory) + m;
    if (r.drawn) return "completes the drawn cue to " + mem(r.memory) + m;
    if (r.cued >= 0 && r.cued !== r.memory) return "the cue of " + mem(r.cued) + " ends in " + mem(r.memory) + m;
    return (r.cued >= 0 ? "completes the cue of " : "completes the cue to ") + mem(r.memory) + m;
  }

  // What the bar chart shows, as the core says for the model (info.bars): the gains α in force, or the input's
  // weights ξ·u/N (the window's, while its input is on).
  function currentBars(s) {
    var f = s.frame, p = s.info.p, vals = new Float32Array(p);
    if (s.info.bars === "gains") { for (var mu = 0; mu < p; mu++) vals[mu] = f.gains[mu]; }
    else if (f.window >= 0 && f.inputOn) { var g = s.info.windows[f.window].gains; for (var k = 0; k < p; k++) vals[k] = g[k]; }
    return vals;
  }

  function drawGains(s) {
    var vals = currentBars(s), idpLike = s.info.bars === "gains";
    // the core's existence line (NaN when the bars are not gains): a memory's well exists when its bar is above it
    V.drawBars($("bars"), vals, { emph: s.emph, threshold: isNaN(s.frame.line) ? null : s.frame.line });
    L.setText($("bars-note"), !s.frame.inputOn
      ? "The input is off now: " + (idpLike ? "all gains are 0, so the synapses vanish and the state decays." : "nothing is added to the state.")
      : idpLike ? "The input sets how strongly each memory is stored right now. A memory's well exists when β α′ > 1 (dashed line)."
        : "The classic model adds u to the state; its synapses W stay fixed.");
  }

  function updateBody(s) {
    var f = s.frame, b = document.body, best = L.best(f.overlaps, s.info.p);
    var state = f.finished ? "finished" : (S.playing ? "running" : "paused");
    // said when the state changes, and again when a stopped run shows another time (a step, the frame after a pause)
    var said = state === "running" ? state : state + f.step;
    if (announced !== said) { announced = said; announce(s, state); }
    L.setAttr(b, "data-state", state);
    L.setAttr(b, "data-step", String(f.step));
    L.setAttr(b, "data-checksum", f.checksum);
    L.setText($("checksum-value"), f.checksum);
    L.setAttr($("checksum"), "aria-label", "checksum " + f.checksum + " at step " + f.step + ", click to copy");
    L.setAttr(b, "data-best", String(best + 1));
    L.setAttr(b, "data-best-overlap", f.overlaps[best].toFixed(4));
    L.setAttr(b, "data-recall", f.recall.kind + ":" + (f.recall.memory + 1));
    var tg = f.window >= 0 ? s.info.windows[f.window].target : -1;
    L.setAttr(b, "data-dominant-overlap", tg >= 0 ? f.overlaps[tg].toFixed(4) : "");
  }

  function wire() {
    var timer = 0;
    function refit() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        [0, 1].forEach(function (k) {
          var c = charts.ov[k], w = $(k ? "overlap-plot-1" : "overlap-plot").clientWidth;
          if (c && w > 0 && w !== c.width) c.setSize({ width: w, height: c.height });
        });
        var ew = $("energy-plot").clientWidth;
        if (charts.en && ew > 0 && ew !== charts.en.width) charts.en.setSize({ width: ew, height: charts.en.height });
        drawAll();
        L.synapses.redraw();
      }, 120);
    }
    window.addEventListener("resize", refit);
    // a plot's box also narrows without a window resize (a vertical scrollbar came, the panel beside it grew)
    if (typeof ResizeObserver !== "undefined") {
      var seen = {};
      var ro = new ResizeObserver(function (entries) {
        var changed = false;
        entries.forEach(function (e) {
          var w = Math.round(e.contentRect.width);
          if (seen[e.target.id] !== w) { seen[e.target.id] = w; changed = true; }
        });
        if (changed) refit();
      });
      ["overlap-plot", "overlap-plot-1", "energy-plot"].forEach(function (id) { if ($(id)) ro.observe($(id)); });
    }
  }

  L.display = { build: build, drawAll: drawAll, charts: charts, wire: wire };
})(window.HLab = window.HLab || {});
