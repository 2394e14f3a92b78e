// Hopfield Lab views: colours, the network picture, memory thumbnails, gain bars, the input band, the energy
// landscape, the synapse matrix, uPlot charts and SVG export. Classic script: defines window.HLViews.
(function (root) {
  "use strict";

  // Okabe–Ito (colour-blind safe) first, then Paul Tol's muted set; memory μ keeps its colour everywhere.
  var PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A200", "#7F7F7F",
    "#332288", "#44AA99", "#882255", "#999933", "#88CCEE", "#AA4499", "#117733", "#DDCC77", "#CC6677"];

  function memColor(mu) { return PALETTE[mu % PALETTE.length]; }

  // The theme's custom properties, read once: each getComputedStyle read after a DOM write forced a style
  // recalculation, several times per frame. Only a colour-scheme switch changes them (lab.css), which empties the
  // cache; an empty answer (styles not loaded yet) is not kept.
  var cssCache = {}, themeGen = 0;
  if (root.matchMedia) {
    var scheme = root.matchMedia("(prefers-color-scheme: dark)");
    var forget = function () { cssCache = {}; themeGen++; };
    if (scheme.addEventListener) scheme.addEventListener("change", forget); else if (scheme.addListener) scheme.addListener(forget);
  }

  function cssVar(name) {
    var v = cssCache[name];
    if (v === undefined) {
      v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
      if (v) cssCache[name] = v;
    }
    return v;
  }

  function hexToRgb(h) {
    h = h.replace("#", "");
    return [parseInt(h.substr(0, 2), 16), parseInt(h.substr(2, 2), 16), parseInt(h.substr(4, 2), 16)];
  }

  function withAlpha(hex, a) { var c = hexToRgb(hex); return "rgba(" + c[0] + "," + c[1] + "," + c[2] + "," + a + ")"; }

  // Relative luminance (WCAG) of a #rrggbb colour.
  function luminance(hex) {
    var c = hexToRgb(hex).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function dark() { return !!(root.matchMedia && root.matchMedia("(prefers-color-scheme: dark)").matches); }

  // Memory μ's colour for text on a panel: the palette's light colours (orange, sky blue, sand) are under 3:1 on
  // white, so text is darkened in the light theme and lightened in the dark one (as lab.css does for .mem-text),
  // which keeps every memory name above 4.5:1. Lines, bars and swatches keep the palette colour itself.
  function textColor(mu) {
    var c = hexToRgb(memColor(mu)), k = dark() ? 0.65 : 0.55, to = dark() ? 255 : 0;
    return "rgb(" + c.map(function (v) { return Math.round(v * k + to * (1 - k)); }).join(",") + ")";
  }

  // Ink or white, whichever reads better on a #rrggbb fill (labels inside the input band).
  function labelOn(hex) {
    if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return "#fff";
    var l = luminance(hex);
    return (l + 0.05) / 0.065 > 1.05 / (l + 0.05) ? "#17213a" : "#fff";
  }

  // σ = −1 → paper, σ = +1 → ink; the midpoint is a neutral grey so undecided neurons read as "unsure".
  var PAPER = [246, 243, 236], INK = [22, 34, 56];
  var LUT = new Uint8Array(256 * 3);
  for (var g = 0; g < 256; g++) {
    var t = g / 255;
    for (var k = 0; k < 3; k++) LUT[g * 3 + k] = Math.round(PAPER[k] + (INK[k] - PAPER[k]) * t);
  }

  function side(n, width) {
    if (width > 0) return { w: width, h: Math.ceil(n / width) };
    var s = Math.round(Math.sqrt(n));
    if (s * s === n) return { w: s, h: s };
    var w = Math.ceil(Math.sqrt(n));
    return { w: w, h: Math.ceil(n / w) };
  }

  var scratchCanvas = document.createElement("canvas");

  // One small canvas and pixel buffer per picture size, kept: the network picture is redrawn every frame, and
  // resizing a shared canvas reallocates its backing store each time.
  var pictureBuffers = {};

  function pictureBuffer(w, h) {
    var key = w + "x" + h, b = pictureBuffers[key];
    if (!b) {
      var c = document.createElement("canvas");
      c.width = w;
      c.height = h;
      var cx = c.getContext("2d");
      b = pictureBuffers[key] = { canvas: c, ctx: cx, img: cx.createImageData(w, h) };
    }
    return b;
  }

  // Draws per-neuron grey levels (0..255, 255 = σ = +1) into `canvas`, pixel-exact and scaled to fit.
  function drawPicture(canvas, levels, n, width, opts) {
    opts = opts || {};
    var dim = side(n, width);
    var buf = pictureBuffer(dim.w, dim.h), sctx = buf.ctx, img = buf.img;
    var d = img.data;
    for (var i = 0; i < dim.w * dim.h; i++) {
      var lv = i < n ? levels[i] : 0;
      d[4 * i] = LUT[lv * 3]; d[4 * i + 1] = LUT[lv * 3 + 1]; d[4 * i + 2] = LUT[lv * 3 + 2];
      d[4 * i + 3] = i < n ? 255 : 0;
    }
    sctx.putImageData(img, 0, 0);
    var ctx = canvas.getContext("2d");
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    var scale = Math.min(canvas.width / dim.w, canvas.height / dim.h);
    var w = dim.w * scale, h = dim.h * scale;
    ctx.drawImage(buf.canvas, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
    if (opts.grid && scale >= 6) {
      ctx.strokeStyle = "rgba(128,128,128,0.18)";
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (var x = 0; x <= dim.w; x++) { var px = Math.round((canvas.width - w) / 2 + x * scale) + 0.5; ctx.moveTo(px, (canvas.height - h) / 2); ctx.lineTo(px, (canvas.height + h) / 2); }
      for (var y = 0; y <= dim.h; y++) { var py = Math.round((canvas.height - h) / 2 + y * scale) + 0.5; ctx.moveTo((canvas.width - w) / 2, py); ctx.lineTo((canvas.width + w) / 2, py); }
      ctx.stroke();
    }
  }

  function memoryLevels(memories, n, mu, out) {
    for (var i = 0; i < n; i++) out[i] = memories[mu * n + i] > 0 ? 255 : 0;
    return out;
  }

  // Content width of a canvas's parent, kept up to date by a ResizeObserver: reading it every frame from the layout
  // (getComputedStyle + clientWidth right after a canvas was resized) forced a layout per canvas per frame.
  var widths = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  var observer = widths && typeof ResizeObserver !== "undefined" ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) { widths.set(e.target, e.contentRect.width); });
  }) : null;

  function innerWidth(el) {
    var w = observer ? widths.get(el) : undefined;
    if (w !== undefined) return w;
    var cs = getComputedStyle(el);
    w = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    if (observer) { widths.set(el, w); observer.observe(el); }
    return w;
  }

  function fitCanvas(canvas, cssW, cssH) {
    var dpr = root.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(cssW * dpr)), h = Math.max(1, Math.round(cssH * dpr));
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    // style writes only when the size changes: each write would invalidate the layout again
    var sw = cssW + "px", sh = cssH + "px";
    if (canvas.style.width !== sw) canvas.style.width = sw;
    if (canvas.style.height !== sh) canvas.style.height = sh;
    return dpr;
  }

  // Bars of α_μ with the existence threshold 1/β (β α' = 1) as a dashed line.
  function drawBars(canvas, values, opts) {
    var cssW = innerWidth(canvas.parentNode), cssH = 128;
    // redrawn only when something it shows changed (every frame asks; the gains mostly stay put within a window)
    var key = [themeGen, cssW, root.devicePixelRatio, Array.prototype.join.call(values, ","), opts.threshold, opts.max, opts.min,
      opts.emph ? opts.emph.join(",") : ""].join("|");
    if (canvas._drawn === key) return;
    canvas._drawn = key;
    var dpr = fitCanvas(canvas, cssW, cssH);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    var p = values.length, top = 10, bottom = 20, left = 34, right = 6;
    var max = opts.max || 0, min = Math.min(0, opts.min || 0);
    for (var mu = 0; mu < p; mu++) { max = Math.max(max, values[mu]); min = Math.min(min, values[mu]); }
    if (opts.threshold != null) max = Math.max(max, opts.threshold * 1.15);
    // all zero (the input is off): a plain 0..1 axis, not a tiny scale that prints as 1.0e-9
    max = max > 0 ? niceCeil(max) : (min < 0 ? 0 : 1);
    var text = cssVar("--muted"), grid = cssVar("--grid");
    ctx.font = "10px " + cssVar("--mono-font");
    // the axis is as wide as its longest label, so no label is clipped at the canvas edge
    [max, (max + min) / 2, min].forEach(function (v) { left = Math.max(left, Math.ceil(ctx.measureText(fmt(v, 3)).width) + 8); });
    var H = cssH - top - bottom, W = cssW - left - right;
    function y(v) { return top + (max - v) / (max - min) * H; }
    ctx.fillStyle = text;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    ctx.strokeStyle = grid;
    ctx.lineWidth = 1;
    var ticks = [max, (max + min) / 2, min].map(function (v) { return fmt(v, 3); });
    [max, (max + min) / 2, min].forEach(function (v, k) {
      ctx.beginPath(); ctx.moveTo(left, Math.round(y(v)) + 0.5); ctx.lineTo(cssW - right, Math.round(y(v)) + 0.5); ctx.stroke();
      ctx.fillText(ticks[k], left - 4, y(v));
    });
    canvas.setAttribute("data-axis", ticks.join(" "));   // what the axis says, for tests and screen readers' titles
    var bw = W / p, gap = Math.min(4, bw * 0.25);
    for (var m = 0; m < p; m++) {
      var v = values[m], x = left + m * bw + gap / 2;
      ctx.fillStyle = opts.emph && opts.emph[m] ? memColor(m) : withAlpha(memColor(m), 0.45);
      var y0 = y(Math.max(0, v)), y1 = y(Math.min(0, v));
      roundRect(ctx, x, y0, bw - gap, Math.max(1, y1 - y0), Math.min(3, (bw - gap) / 3));
      if (p <= 24) {
        ctx.fillStyle = text;
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        ctx.fillText(String(m + 1), x + (bw - gap) / 2, cssH - bottom + 5);
      }
    }
    if (opts.threshold != null && opts.threshold > min && opts.threshold < max) {
      var ty = Math.round(y(opts.threshold)) + 0.5;
      ctx.strokeStyle = cssVar("--accent");
      ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(left, ty); ctx.lineTo(cssW - right, ty); ctx.stroke();
      ctx.setLineDash([]);
      // the label sits just above the line where no bar reaches it: right end first, else left end, else none
      var label = "existence β α′ = 1", lw = ctx.measureText(label).width + 6;
      var clear = function (x0) {
        for (var q = 0; q < p; q++) {
          var bx = left + q * bw;
          if (bx + bw > x0 && bx < x0 + lw && y(Math.max(0, values[q])) < ty) return false;
        }
        return true;
      };
      var lx = clear(cssW - right - lw) ? cssW - right - lw : clear(left) ? left : -1;
      if (lx >= 0) {
        ctx.textAlign = "left";
        ctx.textBaseline = "bottom";
        ctx.fillStyle = cssVar("--accent");
        ctx.fillText(label, lx + 3, ty - 2);
      }
    }
  }

  function niceCeil(v) {
    if (!(v > 0)) return 1;
    var e = Math.pow(10, Math.floor(Math.log10(v))), f = v / e;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * e;
  }

  function roundRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    if (ctx.roundRect) ctx.roundRect(x, y, w, h, r); else ctx.rect(x, y, w, h);
    ctx.fill();
  }

  // A number with exactly `digits` decimals (0.500, 1.000, 105.57), for a table column whose numbers must line up;
  // a value that rounds to zero shows no minus sign.
  function fixed(v, digits) {
    if (v == null || isNaN(v)) return "–";
    if (!isFinite(v)) return v > 0 ? "∞" : "−∞";
    var s = v.toFixed(digits);
    return Number(s) === 0 ? (0).toFixed(digits) : s;
  }

  function fmt(v, digits) {
    if (v == null || isNaN(v)) return "–";
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
    if (a >= 100) return v.toFixed(0);
    return String(Number(v.toFixed(digits)));
  }

  // The band under the overlap plot: one segment per input window, in the colour of its dominant memory.
  function drawBand(canvas, u, windows, total, dt, opts) {
    var cssW = innerWidth(canvas.parentNode), cssH = 18;
    var dpr = fitCanvas(canvas, cssW, cssH);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    if (!u || !u.bbox) return;
    var left = u.bbox.left / (root.devicePixelRatio || 1), width = u.bbox.width / (root.devicePixelRatio || 1);
    var T = total * dt;
    ctx.font = "600 10px " + cssVar("--ui-font");
    ctx.textBaseline = "middle";
    ctx.textAlign = "center";
    for (var w = 0; w < windows.length; w++) {
      var a = windows[w].start, b = w + 1 < windows.length ? windows[w + 1].start : T;
      var x0 = left + a / T * width, x1 = left + b / T * width;
      var tg = windows[w].target;
      var pulseEnd = opts.pulse > 0 ? Math.min(b, a + opts.pulse) : b;
      var drawn = windows[w].kind === "p";
      var fill = tg >= 0 ? memColor(tg) : drawn ? cssVar("--accent") : cssVar("--grid");
      ctx.fillStyle = fill;
      ctx.globalAlpha = 0.9;
      ctx.fillRect(x0 + 1, 3, Math.max(1, (left + pulseEnd / T * width) - x0 - 2), 12);
      if (pulseEnd < b) { ctx.globalAlpha = 0.25; ctx.fillRect(left + pulseEnd / T * width, 3, x1 - (left + pulseEnd / T * width) - 1, 12); }
      ctx.globalAlpha = 1;
      if (x1 - x0 > 26) {
        ctx.fillStyle = labelOn(fill);
        var label = drawn ? (x1 - x0 > 64 ? "drawn cue" : "cue") : tg < 0 ? "off" : (windows[w].kind === "c" ? "cue " : "ξ") + (tg + 1);
        ctx.fillText(label, (x0 + Math.min(x1, left + pulseEnd / T * width)) / 2, 9);
      }
    }
  }

  // uPlot overlap chart: one series per memory, coloured; memories that no window targets are faint.
  // Both charts' y axes are as wide, so their time axes line up one above the other.
  var Y_AXIS = 56;

  // Quarter ticks plus the run's retrieval threshold (spec key thr, the dashed line), unless it is a quarter itself
  // or, on a short chart, so close to one that the two labels would overlap (the legend still names it).
  function overlapTicks(thr, height) {
    var t = [0, 0.25, 0.5, 0.75, 1], gap = height < 200 ? 0.15 : 0.08;
    if (thr > 0 && thr < 1 && t.every(function (q) { return Math.abs(q - thr) >= gap; })) t.push(thr);
    return t.sort(function (a, b) { return a - b; });
  }

  function overlapChart(el, p, emph, opts) {
    var series = [{ label: "t" }];
    for (var mu = 0; mu < p; mu++) {
      series.push({
        label: "ξ" + (mu + 1), stroke: emph[mu] ? memColor(mu) : withAlpha(memColor(mu), 0.35),
        width: emph[mu] ? 2 : 1, points: { show: false }
      });
    }
    var axisStroke = cssVar("--muted"), grid = cssVar("--grid");
    return new root.uPlot({
      width: el.clientWidth || 600, height: opts.height || 220,
      legend: { show: false }, cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, range: [0, opts.T] }, y: { range: [0, 1] } },
      axes: [
        { stroke: axisStroke, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: "11px " + cssVar("--ui-font"), label: opts.xlabel || "", labelFont: "11px " + cssVar("--ui-font"), labelSize: opts.xlabel ? 18 : 0 },
        { stroke: axisStroke, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: "11px " + cssVar("--ui-font"), size: Y_AXIS, splits: function () { return overlapTicks(opts.threshold, opts.height || 220); } }
      ],
      series: series,
      hooks: opts.hooks || {}
    }, emptyData(p), el);
  }

  function energyChart(el, count, opts) {
    var series = [{ label: "t" }];
    var colors = [cssVar("--ink"), cssVar("--accent")];
    for (var k = 0; k < count; k++) series.push({ label: k ? "compare" : "E", stroke: colors[k], width: 1.6, points: { show: false }, dash: k ? [5, 3] : undefined });
    var axisStroke = cssVar("--muted"), grid = cssVar("--grid");
    return new root.uPlot({
      width: el.clientWidth || 600, height: opts.height || 150,
      legend: { show: false }, cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, range: [0, opts.T] } },
      axes: [
        { stroke: axisStroke, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: "11px " + cssVar("--ui-font"),
          size: 26, label: "time t", labelFont: "11px " + cssVar("--ui-font"), labelSize: 14, labelGap: 0 },
        { stroke: axisStroke, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: "11px " + cssVar("--ui-font"), size: Y_AXIS,
          values: function (u, vals) { return vals.map(function (v) { return fmt(v, 1); }); } }
      ],
      series: series
    }, emptyData(count), el);
  }

  function emptyData(k) { var d = [[]]; for (var i = 0; i < k; i++) d.push([]); return d; }

  // Viridis-like ramp for energies (dark = low = deep well).
  var VIRIDIS = [[68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142], [31, 158, 137],
    [53, 183, 121], [110, 206, 88], [181, 222, 43], [253, 231, 37]];
  function ramp(stops, t) {
    t = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    var i = Math.min(stops.length - 2, Math.floor(t)), f = t - i, a = stops[i], b = stops[i + 1];
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
  }

  // The heat map's pixels, made once per answer of the engine (the trajectory on top moves every frame).
  function heatImage(heat) {
    if (heat.image) return heat.image;
    var res = heat.res, e = heat.e;
    var sorted = Array.prototype.slice.call(e).sort(function (a, b) { return a - b; });
    var lo = sorted[0], hi = sorted[Math.floor((sorted.length - 1) * 0.995)];
    var c = document.createElement("canvas");
    c.width = res; c.height = res;
    var sctx = c.getContext("2d"), img = sctx.createImageData(res, res);
    for (var i = 0; i < res * res; i++) {
      // square-root stretch shows the wells' floors and rims at once
      var col = ramp(VIRIDIS, Math.sqrt((e[i] - lo) / (hi - lo || 1)));
      img.data[4 * i] = col[0]; img.data[4 * i + 1] = col[1]; img.data[4 * i + 2] = col[2]; img.data[4 * i + 3] = 255;
    }
    sctx.putImageData(img, 0, 0);
    heat.image = c;
    return c;
  }

  // Energy heat map over the plane (a, b) with the trajectory on top.
  function drawHeat(canvas, heat, traj, opts) {
    var cssW = Math.min(innerWidth(canvas.parentNode), 400), cssH = cssW;
    var dpr = fitCanvas(canvas, cssW, cssH);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    if (!heat || !heat.e) return;
    var pad = 34, W = cssW - pad - 8, H = cssH - pad - 8;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heatImage(heat), pad, 8, W, H);
    var r = heat.range;
    function px(a) { return pad + (a + r) / (2 * r) * W; }
    function py(b) { return 8 + (r - b) / (2 * r) * H; }
    // axes
    ctx.strokeStyle = "rgba(255,255,255,0.35)";
    ctx.setLineDash([3, 3]);
    ctx.beginPath(); ctx.moveTo(px(0), 8); ctx.lineTo(px(0), 8 + H); ctx.moveTo(pad, py(0)); ctx.lineTo(pad + W, py(0)); ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = cssVar("--muted");
    ctx.font = "11px " + cssVar("--ui-font");
    // the range at both ends of both axes, inside the canvas (a centred end label was cut off at the right edge)
    ctx.textBaseline = "top";
    ctx.textAlign = "left"; ctx.fillText(fmt(-r, 2), pad, 8 + H + 4);
    ctx.textAlign = "right"; ctx.fillText(fmt(r, 2), pad + W, 8 + H + 4);
    ctx.save(); ctx.translate(pad - 24, 8 + H); ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "left"; ctx.fillText(fmt(-r, 2), 0, 0);
    ctx.translate(H, 0); ctx.textAlign = "right"; ctx.fillText(fmt(r, 2), 0, 0);
    ctx.restore();
    ctx.textAlign = "center";
    ctx.fillStyle = textColor(heat.mu1);
    ctx.fillText("amplitude along ξ" + (heat.mu1 + 1), pad + W / 2, 8 + H + 4);
    ctx.save(); ctx.translate(pad - 24, 8 + H / 2); ctx.rotate(-Math.PI / 2);
    ctx.fillStyle = textColor(heat.mu2);
    ctx.fillText("amplitude along ξ" + (heat.mu2 + 1), 0, 0);
    ctx.restore();
    // trajectory
    if (traj && traj.length) {
      ctx.save();
      ctx.beginPath(); ctx.rect(pad, 8, W, H); ctx.clip();
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (var k = 0; k < traj.length; k++) {
        var x = px(traj[k][0]), y = py(traj[k][1]);
        if (k === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
      ctx.stroke();
      var last = traj[traj.length - 1];
      ctx.fillStyle = "#fff"; ctx.strokeStyle = "#E69F00"; ctx.lineWidth = 2.5;
      ctx.beginPath(); ctx.arc(px(last[0]), py(last[1]), 5, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
      ctx.restore();
    }
  }

  // |w| at quantile q (e.g. 0.98): a colour scale that a few extreme entries cannot wash out.
  function absQuantile(w, q) {
    var a = new Float32Array(w.length);
    for (var i = 0; i < w.length; i++) a[i] = Math.abs(w[i]);
    a.sort();
    return a[Math.min(a.length - 1, Math.floor(q * (a.length - 1)))] || 1e-12;
  }

  // W(u) with a diverging blue–white–orange map (colour-blind safe), symmetric around 0 and clipped at ±scale.
  // Rows and columns come sorted by sign groups (syn.groups: bit set = −1 in that key memory); strips on the left
  // and top show each key memory's sign (coloured = +1), lines mark the group boundaries.
  function drawSynapses(canvas, syn, opts) {
    opts = opts || {};
    var cssW = Math.min(innerWidth(canvas.parentNode), 400), cssH = cssW;
    var dpr = fitCanvas(canvas, cssW, cssH);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    if (!syn || !syn.w) return;
    var size = syn.size, w = syn.w, scale = opts.scale || absQuantile(w, 0.98);
    var keys = opts.keys || [], nk = keys.length, strip = 6, m = nk ? nk * strip + 4 : 0, A = cssW - m;
    scratchCanvas.width = size; scratchCanvas.height = size;
    var sctx = scratchCanvas.getContext("2d"), img = sctx.createImageData(size, size);
    var NEG = [33, 102, 172], MID = [247, 247, 247], POS = [214, 96, 0];
    for (var k = 0; k < size * size; k++) {
      var t = w[k] / scale, c = t < 0 ? NEG : POS, f = Math.min(1, Math.abs(t));
      img.data[4 * k] = MID[0] + (c[0] - MID[0]) * f;
      img.data[4 * k + 1] = MID[1] + (c[1] - MID[1]) * f;
      img.data[4 * k + 2] = MID[2] + (c[2] - MID[2]) * f;
      img.data[4 * k + 3] = 255;
    }
    sctx.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(scratchCanvas, m, m, A, A);
    if (!nk || !syn.groups) return;
    var cell = A / size, off = cssVar("--grid");
    for (var q = 0; q < nk; q++) {
      var bit = 1 << (nk - 1 - q), pos = memColor(keys[q]);
      for (var r = 0; r < size; r++) {
        ctx.fillStyle = syn.groups[r] & bit ? off : pos;
        var at = m + r * cell, len = Math.max(cell, 1);
        ctx.fillRect(q * strip, at, strip - 1, len);   // left strip: rows
        ctx.fillRect(at, q * strip, len, strip - 1);   // top strip: columns
      }
    }
    // group boundaries: the first key's split drawn stronger than the finer ones
    for (var b = 1; b < size; b++) {
      var diffBits = syn.groups[b] ^ syn.groups[b - 1];
      if (!diffBits) continue;
      var major = diffBits >= (1 << (nk - 1));
      ctx.strokeStyle = major ? "rgba(20,28,45,0.55)" : "rgba(20,28,45,0.22)";
      ctx.lineWidth = 1;
      var x = Math.round(m + b * cell) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, m); ctx.lineTo(x, m + A); ctx.moveTo(m, x); ctx.lineTo(m + A, x); ctx.stroke();
    }
  }

  // A plain SVG line chart of the same data as a uPlot chart (x, then one array per series), with a legend under
  // it (opts.labels, one per series; opts.threshold adds the dashed retrieval line) and the spec as a subtitle.
  function chartSvg(title, data, strokes, yRange, xlabel, ylabel, opts) {
    opts = opts || {};
    var labels = opts.labels || [], perRow = 9, legendRows = Math.ceil((labels.length + (opts.threshold != null ? 1 : 0)) / perRow);
    var W = 800, L = 64, R = 16, T = 46, plotH = 282, bottom = T + plotH, H = bottom + 44 + legendRows * 20 + 10;
    var xs = data[0], n = xs.length, xmax = xs.length ? xs[n - 1] : 1, xmin = 0;
    var ymin = yRange ? yRange[0] : Infinity, ymax = yRange ? yRange[1] : -Infinity;
    if (!yRange) for (var s = 1; s < data.length; s++) for (var i = 0; i < n; i++) { ymin = Math.min(ymin, data[s][i]); ymax = Math.max(ymax, data[s][i]); }
    if (!(ymax > ymin)) { ymax = ymin + 1; }
    function X(v) { return (L + (v - xmin) / (xmax - xmin || 1) * (W - L - R)).toFixed(1); }
    function Y(v) { return (T + (ymax - v) / (ymax - ymin) * plotH).toFixed(1); }
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + " " + H + '" font-family="Inter, system-ui, sans-serif" font-size="12">',
      '<rect width="100%" height="100%" fill="#fff"/>',
      '<text x="' + L + '" y="20" font-size="14" font-weight="600" fill="#1b2538">' + esc(title) + "</text>"];
    if (opts.subtitle) out.push('<text x="' + L + '" y="36" font-size="10" font-family="monospace" fill="#5b6475">' + esc(opts.subtitle.length > 120 ? opts.subtitle.substring(0, 117) + "…" : opts.subtitle) + "</text>");
    for (var k = 0; k <= 4; k++) {
      var yv = ymin + (ymax - ymin) * k / 4, xv = xmin + (xmax - xmin) * k / 4;
      out.push('<line x1="' + L + '" x2="' + (W - R) + '" y1="' + Y(yv) + '" y2="' + Y(yv) + '" stroke="#e3e6ec"/>');
      out.push('<text x="' + (L - 6) + '" y="' + Y(yv) + '" text-anchor="end" dominant-baseline="middle" fill="#5b6475">' + fmt(yv, 2) + "</text>");
      out.push('<text x="' + X(xv) + '" y="' + (bottom + 16) + '" text-anchor="middle" fill="#5b6475">' + fmt(xv, 2) + "</text>");
    }
    out.push('<text x="' + ((L + W - R) / 2) + '" y="' + (bottom + 34) + '" text-anchor="middle" fill="#5b6475">' + esc(xlabel) + "</text>");
    out.push('<text transform="translate(16 ' + ((T + bottom) / 2) + ') rotate(-90)" text-anchor="middle" fill="#5b6475">' + esc(ylabel) + "</text>");
    if (opts.threshold != null) out.push('<line x1="' + L + '" x2="' + (W - R) + '" y1="' + Y(opts.threshold) + '" y2="' + Y(opts.threshold) + '" stroke="#4457c9" stroke-dasharray="6 4"/>');
    for (var sr = 1; sr < data.length; sr++) {
      var pts = [];
      for (var j = 0; j < n; j++) if (data[sr][j] != null) pts.push(X(xs[j]) + "," + Y(data[sr][j]));
      out.push('<polyline fill="none" stroke-width="1.6" stroke="' + strokes[sr - 1] + '" points="' + pts.join(" ") + '"/>');
    }
    var items = labels.map(function (lb, q) { return { label: lb, stroke: strokes[q], dash: "" }; });
    if (opts.threshold != null) items.push({ label: "threshold " + opts.threshold, stroke: "#4457c9", dash: ' stroke-dasharray="6 4"' });
    out.push('<g class="legend">');
    items.forEach(function (it, q) {
      var lx = L + (q % perRow) * 80, ly = bottom + 52 + Math.floor(q / perRow) * 20;
      out.push('<line x1="' + lx + '" x2="' + (lx + 18) + '" y1="' + ly + '" y2="' + ly + '" stroke-width="2.5" stroke="' + it.stroke + '"' + it.dash + "/>"
        + '<text x="' + (lx + 23) + '" y="' + ly + '" dominant-baseline="middle" fill="#1b2538">' + esc(it.label) + "</text>");
    });
    out.push("</g>");
    out.push("</svg>");
    return out.join("\n");
  }

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }

  root.HLViews = {
    memColor: memColor, textColor: textColor, withAlpha: withAlpha, cssVar: cssVar, drawPicture: drawPicture,
    memoryLevels: memoryLevels, drawBars: drawBars, drawBand: drawBand, overlapChart: overlapChart,
    energyChart: energyChart, drawHeat: drawHeat, drawSynapses: drawSynapses, absQuantile: absQuantile,
    chartSvg: chartSvg, fmt: fmt, fixed: fixed, esc: esc
  };
})(window);
