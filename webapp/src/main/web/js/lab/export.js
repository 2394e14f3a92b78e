// Export menu: the run's samples as CSV or JSON (with the canonical spec, so a file can be traced back to its
// run), the charts as PNG or SVG, and the network picture as PNG. Everything is made in the page; no server.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  function download(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function runJson(s) {
    var rows = [];
    for (var i = 0; i < s.t.length; i++) {
      var m = [];
      for (var mu = 0; mu < s.info.p; mu++) m.push(s.m[mu][i]);
      rows.push({ t: s.t[i], window: s.win[i], overlaps: m, energy: s.e[i] });
    }
    return { spec: S.spec, link: location.href.split("?")[0] + "?" + S.spec, engine: S.engine.name, step: s.frame.step,
      time: s.frame.time, checksum: s.frame.checksum, samples: rows };
  }

  // One line per sample: t, window index, the window's dominant memory (1-based, empty if none), m1..mP, energy.
  // The first line is a comment with the spec.
  function runCsv(s) {
    var head = ["t", "window", "dominant"];
    for (var mu = 0; mu < s.info.p; mu++) head.push("m" + (mu + 1));
    head.push("energy");
    var lines = ["# " + S.spec, head.join(",")];
    for (var i = 0; i < s.t.length; i++) {
      var w = s.win[i], row = [s.t[i], w, w >= 0 && s.info.windows[w].target >= 0 ? s.info.windows[w].target + 1 : ""];
      for (var k = 0; k < s.info.p; k++) row.push(s.m[k][i]);
      row.push(s.e[i]);
      lines.push(row.join(","));
    }
    return lines.join("\n") + "\n";
  }

  // A chart for a file: title, the spec it came from, the chart itself, axis labels and a legend, on the panel
  // colour (uPlot draws on transparent and its on-page legend is HTML, so both are drawn here).
  function chartPng(chart, title, xlabel, ylabel, legend) {
    var src = chart.ctx.canvas, dpr = window.devicePixelRatio || 1, u = function (v) { return Math.round(v * dpr); };
    var W = src.width + u(30), perRow = Math.max(1, Math.floor((W - u(40)) / u(78)));
    var rows = Math.ceil(legend.length / perRow), top = u(54), H = top + src.height + u(26) + rows * u(20) + u(10);
    var c = document.createElement("canvas");
    c.width = W; c.height = H;
    var ctx = c.getContext("2d"), ink = V.cssVar("--ink"), muted = V.cssVar("--muted"), font = V.cssVar("--ui-font");
    ctx.fillStyle = V.cssVar("--panel"); ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = ink; ctx.font = "600 " + u(15) + "px " + font; ctx.textBaseline = "top";
    ctx.fillText(title, u(14), u(10));
    ctx.fillStyle = muted; ctx.font = u(10) + "px " + V.cssVar("--mono-font");
    // the spec that made the chart, cut to the width with "…" (the full spec is in the CSV/JSON exports)
    var line = "checksum " + S.slots[0].frame.checksum + "   " + S.spec;
    while (line.length > 20 && ctx.measureText(line).width > W - u(28)) line = line.substring(0, line.length - 8);
    if (line.length < S.spec.length + 20) line += "…";
    ctx.fillText(line, u(14), u(32));
    ctx.drawImage(src, u(30), top);
    ctx.font = u(12) + "px " + font; ctx.textAlign = "center";
    ctx.fillText(xlabel, u(30) + src.width / 2, top + src.height + u(4));
    ctx.save(); ctx.translate(u(12), top + src.height / 2); ctx.rotate(-Math.PI / 2); ctx.textBaseline = "middle";
    ctx.fillText(ylabel, 0, 0); ctx.restore();
    ctx.textAlign = "left"; ctx.textBaseline = "middle"; ctx.font = u(11) + "px " + font;
    legend.forEach(function (it, i) {
      var x = u(40) + (i % perRow) * u(78), y = top + src.height + u(36) + Math.floor(i / perRow) * u(20);
      ctx.strokeStyle = it.color; ctx.lineWidth = u(it.width || 2); ctx.setLineDash(it.dash ? it.dash.map(u) : []);
      ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + u(18), y); ctx.stroke();
      ctx.fillStyle = ink; ctx.fillText(it.label, x + u(23), y);
    });
    return c;
  }

  // Legend entries of the overlap chart: every memory in its colour (the driven ones bold), the threshold dashed.
  function overlapLegend(s) {
    var out = [];
    for (var mu = 0; mu < s.info.p && mu < 40; mu++) {
      out.push({ label: "ξ" + (mu + 1), color: s.emph[mu] ? V.memColor(mu) : V.withAlpha(V.memColor(mu), 0.45), width: s.emph[mu] ? 2.5 : 1.5 });
    }
    if (s.info.p > 40) out.push({ label: "+" + (s.info.p - 40) + " more", color: "transparent" });
    out.push({ label: "threshold " + L.threshold(s), color: V.cssVar("--accent"), dash: [6, 4] });
    return out;
  }

  function energyLegend() {
    var out = [{ label: L.modelName(S.slots[0].model), color: V.cssVar("--ink") }];
    if (S.slots[1]) out.push({ label: L.modelName(S.slots[1].model), color: V.cssVar("--accent"), dash: [5, 3] });
    return out;
  }

  function pngOf(canvas) { return new Promise(function (ok) { canvas.toBlob(ok, "image/png"); }); }

  function text(type, s) { return Promise.resolve(new Blob([s], { type: type })); }

  // → Promise of { name, blob } for one kind of the menu.
  function make(kind) {
    var s = S.slots[0], charts = L.display.charts;
    var base = "hopfield-" + s.model + "-t" + s.frame.time.toFixed(2);
    var named = function (name) { return function (blob) { return { name: name, blob: blob }; }; };
    switch (kind) {
      case "json": return text("application/json", JSON.stringify(runJson(s), null, 1)).then(named(base + ".json"));
      case "csv": return text("text/csv", runCsv(s)).then(named(base + ".csv"));
      case "overlap-png": return pngOf(chartPng(charts.ov[0], "Overlaps m_μ(t) — " + L.modelName(s.model), "time t", "overlap m_μ",
        overlapLegend(s))).then(named(base + "-overlap.png"));
      case "energy-png": return pngOf(chartPng(charts.en, "Energy E(x; u)(t) — " + L.modelName(s.model), "time t", "energy E",
        energyLegend())).then(named(base + "-energy.png"));
      case "state-png": return pngOf($("state-0")).then(named(base + "-state.png"));
      case "overlap-svg":
        var strokes = [], labels = [];
        for (var q = 0; q < s.info.p; q++) { strokes.push(s.emph[q] ? V.memColor(q) : V.withAlpha(V.memColor(q), 0.4)); labels.push("ξ" + (q + 1)); }
        return text("image/svg+xml", V.chartSvg("Overlaps m_μ(t) — " + L.modelName(s.model), [s.t].concat(s.m), strokes, [0, 1], "time t", "overlap m_μ",
          { labels: labels, threshold: L.threshold(s), subtitle: S.spec })).then(named(base + "-overlaps.svg"));
      case "energy-svg":
        return text("image/svg+xml", V.chartSvg("Energy E(x; u)(t) — " + L.modelName(s.model), [s.t, s.e], ["#1b2538"], null, "time t", "energy E",
          { labels: [L.modelName(s.model)], subtitle: S.spec })).then(named(base + "-energy.svg"));
      default: return Promise.reject(new Error("unknown export " + kind));
    }
  }

  function exportAs(kind) {
    if (!S.slots[0] || !S.slots[0].frame) return Promise.resolve(null);
    return make(kind).then(function (r) { download(r.name, r.blob); return r.name; });
  }

  function wire() {
    var menu = document.querySelector(".menu[data-section=export]");
    document.querySelectorAll("[data-export]").forEach(function (b) {
      b.addEventListener("click", function () { exportAs(b.dataset.export); L.closeMenu(menu); });
    });
    L.wireMenu(menu);   // ↓/↑/Home/End between the items, Escape back to the button (base.js)
  }

  L.exporter = { exportAs: exportAs, wire: wire };
})(window.HLab = window.HLab || {});
