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

  // A chart's canvas on the panel colour (uPlot draws on transparent).
  function chartPng(chart) {
    var c = document.createElement("canvas");
    c.width = chart.ctx.canvas.width; c.height = chart.ctx.canvas.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = V.cssVar("--panel"); ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(chart.ctx.canvas, 0, 0);
    return c;
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
      case "overlap-png": return pngOf(chartPng(charts.ov[0])).then(named(base + "-overlap.png"));
      case "energy-png": return pngOf(chartPng(charts.en)).then(named(base + "-energy.png"));
      case "state-png": return pngOf($("state-0")).then(named(base + "-state.png"));
      case "overlap-svg":
        var strokes = [];
        for (var q = 0; q < s.info.p; q++) strokes.push(s.emph[q] ? V.memColor(q) : V.withAlpha(V.memColor(q), 0.4));
        return text("image/svg+xml", V.chartSvg("Overlaps m_μ(t) — " + L.modelName(s.model), [s.t].concat(s.m), strokes, [0, 1], "time t", "overlap"))
          .then(named(base + "-overlaps.svg"));
      case "energy-svg":
        return text("image/svg+xml", V.chartSvg("Energy E(x; u)(t) — " + L.modelName(s.model), [s.t, s.e], ["#1b2538"], null, "time t", "energy"))
          .then(named(base + "-energy.svg"));
      default: return Promise.reject(new Error("unknown export " + kind));
    }
  }

  function exportAs(kind) {
    if (!S.slots[0] || !S.slots[0].frame) return Promise.resolve(null);
    return make(kind).then(function (r) { download(r.name, r.blob); return r.name; });
  }

  function wire() {
    document.querySelectorAll("[data-export]").forEach(function (b) {
      b.addEventListener("click", function () { exportAs(b.dataset.export); b.closest("details").open = false; });
    });
  }

  L.exporter = { exportAs: exportAs, wire: wire };
})(window.HLab = window.HLab || {});
