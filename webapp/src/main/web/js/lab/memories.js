// The memories: the gallery of thumbnails with live overlaps (a click drives that memory), and the dialog to
// draw memories on a grid or upload pictures, which become mem=custom with the patterns packed into pat=.
// The same dialog draws the cue picture (mode "cue"): one picture of N pixels, started from a memory or blank,
// which becomes cuepat= and is used as the start state (x0=drawn) and/or an input window p.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  function buildGallery(s) {
    var g = $("gallery"), info = s.info, levels = new Uint8Array(info.n);
    g.innerHTML = "";
    g.classList.toggle("many", info.p > 12);
    var locked = L.link.isLocked("in") || L.link.isLocked("switch");
    g.classList.toggle("lock-look", locked);
    for (var mu = 0; mu < info.p; mu++) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "mem" + (s.emph[mu] ? " emph" : "");
      b.style.setProperty("--c", V.memColor(mu));
      b.title = "Memory " + (mu + 1) + (locked ? ": switching the input is locked in this exercise" : ": click to make it the dominant input from now on");
      b.dataset.mu = mu;
      var c = document.createElement("canvas");
      c.width = 56; c.height = 56;
      c.setAttribute("aria-hidden", "true");   // the button's text names the memory and its overlap
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
      b.addEventListener("click", function (ev) { L.schedule.switchInput(ev.currentTarget.dataset.what, ev.currentTarget); });
      b.dataset.what = "d" + (mu + 1);
      g.appendChild(b);
    }
  }

  function updateGallery(s) {
    // the recalled memory is the core's claim (Recall), the same one the sentence under the network states
    var f = s.frame, items = $("gallery").children, recalled = f.recall.kind !== "NONE" ? f.recall.memory : -1;
    var w = f.window >= 0 ? s.info.windows[f.window] : null;
    for (var k = 0; k < items.length; k++) {
      var it = items[k], m = f.overlaps[k];
      if (!it._b) { it._b = it.querySelector("b"); it._bar = it.querySelector(".mem-bar span"); }
      L.setText(it._b, m.toFixed(2));
      // the bar to a tenth of a per cent: finer steps are below a pixel and would only cost a layout
      L.setAttr(it._bar, "style", "width:" + (Math.round(1000 * Math.min(1, m)) / 10) + "%");
      var on = k === recalled, driven = !!(w && w.target === k && f.inputOn);
      if (it._recalled !== on) { it.classList.toggle("recalled", on); it._recalled = on; }
      if (it._driven !== driven) { it.classList.toggle("driven", driven); it._driven = driven; }
    }
  }

  // ---- the draw / upload dialog ----

  // cursor: the keyboard's cell on the grid (shown while the grid has the keyboard's focus)
  // kstroke: the keyboard's stroke (Shift with a move key paints; Space/Enter paint one cell): its value, the cell it
  // last reached and how many cells it changed, or null
  var D = { mode: "mem", side: 16, mems: [], cur: 0, pen: 1, stroke: 1, last: -1, painting: false, cue: {}, cursor: 0, keys: false,
    kstroke: null };
  var MAX_MEMS = 16, MAX_CUE_SIDE = 64;

  function showDialog(mode) {
    D.mode = mode;
    var dlg = $("draw-dialog");
    dlg.setAttribute("data-mode", mode);
    $("draw-title").textContent = mode === "cue" ? "Draw a cue" : "Draw memories";
    $("draw-use").textContent = mode === "cue" ? "Use this cue" : "Use these memories";
    D.cursor = Math.min(D.cursor, D.side * D.side - 1);
    renderDrawList();
    paintEditor();
    sayCell(false);
    if (!dlg.open) { if (dlg.showModal) dlg.showModal(); else dlg.setAttribute("open", ""); }
  }

  // The side of the square picture a cue is drawn on, or 0 when N is not a square (no picture to draw on).
  function cueSide(n) { var side = Math.round(Math.sqrt(n)); return side * side === n && side <= MAX_CUE_SIDE ? side : 0; }

  // opts.start / opts.input: preset the "use as" boxes; opts.index: the window the editor is making a drawn-cue
  // window (it gets the cue).
  function openCue(opts) {
    opts = opts || {};
    var s = S.slots[0], kv = S.st.values;
    if (!s) return false;
    var side = cueSide(s.info.n);
    if (!side) { L.toast("A cue is drawn on a square picture: N must be a square number (100, 400, 1024 …)."); return false; }
    var hasP = opts.index != null || L.spec.hasDrawnWindow(S.spec), idpLike = s.info.bars === "gains";
    var cue = L.spec.cueFor(S.st);
    D.side = side;
    D.mems = [cue ? L.spec.unpackCue(cue, s.info.n) : new Int8Array(s.info.n).fill(-1)];
    D.cur = 0;
    D.cue = { index: opts.index != null ? opts.index : -1, hasP: hasP };
    $("cue-as-start").checked = opts.start != null ? opts.start : kv.x0 === "drawn" || !hasP;
    $("cue-as-input").checked = hasP || (opts.input != null ? opts.input : idpLike);
    $("cue-as-input").disabled = opts.index != null;
    $("cue-from-box").hidden = hasP;
    $("cue-from").value = "0";
    $("cue-note").textContent = hasP ? "The schedule's drawn-cue windows feed the cue × the cue amplitude."
      : idpLike ? "IDP makes its synapses from the input: started from the cue with no input, the state just decays. Feed it as input too."
        : "The classic model stores its memories for good: starting from the cue is the textbook recall.";
    showDialog("cue");
    return true;
  }

  function openDraw() {
    var s = S.slots[0], side = s ? Math.round(Math.sqrt(s.info.n)) : 0;
    // edit the current pictures when they are square pictures; else start from three simple shapes
    if (s && s.info.memories && (s.values.mem === "custom" || s.values.mem === "glyphs") && side * side === s.info.n && s.info.n <= 1024) {
      D.side = side;
      D.mems = [];
      for (var mu = 0; mu < s.info.p; mu++) D.mems.push(Int8Array.from(s.info.memories.subarray(mu * s.info.n, (mu + 1) * s.info.n)));
    } else {
      D.side = 16;
      D.mems = [starter(16, 0), starter(16, 1), starter(16, 2)];
    }
    D.cur = 0;
    $("draw-side").value = String(D.side);
    showDialog("mem");
  }

  // A ring, a plus and an X: distinct enough to be retrieved from each other.
  function starter(side, k) {
    var m = new Int8Array(side * side), c = (side - 1) / 2;
    for (var y = 0; y < side; y++) for (var x = 0; x < side; x++) {
      var dx = x - c, dy = y - c, r = Math.sqrt(dx * dx + dy * dy);
      var on = k === 0 ? (r < side * 0.42 && r > side * 0.26) : k === 1 ? (Math.abs(dx) < side * 0.12 || Math.abs(dy) < side * 0.12) && r < side * 0.45
        : Math.abs(Math.abs(dx) - Math.abs(dy)) < side * 0.1 && r < side * 0.48;
      m[y * side + x] = on ? 1 : -1;
    }
    return m;
  }

  function levelsOf(m) { var lv = new Uint8Array(m.length); for (var k = 0; k < m.length; k++) lv[k] = m[k] > 0 ? 255 : 0; return lv; }

  // Cue mode: the list offers pictures to start from (blank, the memories); a click copies one into the grid.
  function renderStarts() {
    var box = $("draw-list"), s = S.slots[0], n = D.side * D.side, items = [{ label: "blank", m: new Int8Array(n).fill(-1), c: "var(--muted)" }];
    if (s && s.info.memories) {
      for (var mu = 0; mu < Math.min(s.info.p, MAX_MEMS); mu++) {
        items.push({ label: "ξ" + (mu + 1), m: s.info.memories.subarray(mu * n, (mu + 1) * n), c: V.memColor(mu) });
      }
    }
    box.innerHTML = "";
    items.forEach(function (it) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "mem start-from";
      b.dataset.start = it.label;
      b.title = "Start the cue from " + (it.label === "blank" ? "a blank picture" : "memory " + it.label);
      b.style.setProperty("--c", it.c);
      var c = document.createElement("canvas"); c.width = 48; c.height = 48; c.setAttribute("aria-hidden", "true");
      V.drawPicture(c, levelsOf(it.m), n, D.side);
      b.appendChild(c);
      var l = document.createElement("span"); l.className = "mem-label"; l.innerHTML = "<i>" + it.label + "</i>"; b.appendChild(l);
      b.addEventListener("click", function () { D.mems[0] = Int8Array.from(it.m); edited(); });
      box.appendChild(b);
    });
    var ink = 0, m = D.mems[0];
    for (var i = 0; i < m.length; i++) if (m[i] > 0) ink++;
    $("draw-msg").textContent = "Cue of " + D.side + " × " + D.side + " = " + n + " neurons · " + ink + " inked";
  }

  function renderDrawList() {
    if (D.mode === "cue") { renderStarts(); return; }
    var box = $("draw-list");
    box.innerHTML = "";
    D.mems.forEach(function (m, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "mem" + (i === D.cur ? " sel" : "");
      b.style.setProperty("--c", V.memColor(i));
      var c = document.createElement("canvas"); c.width = 48; c.height = 48; c.setAttribute("aria-hidden", "true");
      V.drawPicture(c, levelsOf(m), m.length, D.side);
      b.appendChild(c);
      var l = document.createElement("span"); l.className = "mem-label"; l.innerHTML = "<i>ξ" + (i + 1) + "</i>"; b.appendChild(l);
      b.addEventListener("click", function () { D.cur = i; renderDrawList(); paintEditor(); });
      box.appendChild(b);
    });
    $("draw-msg").textContent = D.mems.length + " memories of " + D.side + " × " + D.side + " = " + D.side * D.side + " neurons";
  }

  function paintEditor() {
    var m = D.mems[D.cur], c = $("draw-canvas");
    V.drawPicture(c, levelsOf(m), m.length, D.side, { grid: true });
    if (D.keys) {
      // the keyboard's cell: a ring in the theme's --grid-cursor colour between a light and a dark hairline, seen on
      // ink and on paper (lab.css); read from the canvas's style each time, so a theme (or a page around) can set it
      var cell = c.width / D.side, x = (D.cursor % D.side) * cell, y = Math.floor(D.cursor / D.side) * cell, ctx = c.getContext("2d");
      var css = getComputedStyle(c), color = function (name, dflt) { return css.getPropertyValue(name).trim() || dflt; };
      ctx.lineWidth = 3;
      ctx.strokeStyle = color("--grid-cursor", "#d55e00");
      ctx.strokeRect(x + 1.5, y + 1.5, cell - 3, cell - 3);
      ctx.lineWidth = 1;
      ctx.strokeStyle = color("--grid-cursor-inner", "#fff");
      ctx.strokeRect(x + 3.5, y + 3.5, cell - 7, cell - 7);
      ctx.strokeStyle = color("--grid-cursor-outer", "#000");
      ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
    }
  }

  // The keyboard's cell in words, in the dialog's live region (and what the grid's name says when it gets focus).
  // After a stroke of the keyboard (Shift with the arrows), one sentence for the whole stroke (strokes: its value and
  // how many cells it changed): where it ended, whether it inked or erased, and how many cells.
  var sayTimer = 0;
  function sayCell(changed, strokes) {
    clearTimeout(sayTimer);
    var m = D.mems[D.cur];
    if (!m) return;
    var x = D.cursor % D.side, y = Math.floor(D.cursor / D.side);
    $("draw-cursor").textContent = "Row " + (y + 1) + ", column " + (x + 1) + " of " + D.side + ": " + (m[D.cursor] > 0 ? "inked" : "blank")
      + (changed ? " now" : "")
      + (strokes ? "; the stroke " + (strokes.value > 0 ? "inked " : "erased ") + strokes.changed + (strokes.changed === 1 ? " cell" : " cells") : "");
  }

  // Nearest-neighbour resize when the grid size changes.
  function resample(m, from, to) {
    var out = new Int8Array(to * to);
    for (var y = 0; y < to; y++) for (var x = 0; x < to; x++) out[y * to + x] = m[Math.floor(y * from / to) * from + Math.floor(x * from / to)];
    return out;
  }

  // An uploaded picture, fitted into the grid on white and binarised at its mean brightness (dark = +1).
  function binarise(img) {
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
    return m;
  }

  function edited() { paintEditor(); renderDrawList(); }

  function wireDraw() {
    var c = $("draw-canvas");
    function cell(ev) {
      var r = c.getBoundingClientRect(), x = Math.floor((ev.clientX - r.left) / r.width * D.side), y = Math.floor((ev.clientY - r.top) / r.height * D.side);
      return x >= 0 && y >= 0 && x < D.side && y < D.side ? y * D.side + x : -1;
    }
    function paint(ev) {
      var i = cell(ev);
      if (i < 0) { D.last = -1; return; }
      strokeTo(i);
    }
    // Sets the cells on the line from the stroke's last cell to cell i to the stroke's value (D.stroke) and redraws:
    // what a pointer and the keyboard do to a picture. Pointer events come at most once per frame, so a fast stroke
    // skips cells: the line since the last one fills them.
    // Returns how many cells it changed.
    function strokeTo(i) {
      var m = D.mems[D.cur], from = D.last >= 0 ? D.last : i, x0 = from % D.side, y0 = Math.floor(from / D.side);
      var x1 = i % D.side, y1 = Math.floor(i / D.side), steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1), changed = 0;
      for (var k = 0; k <= steps; k++) {
        var j = Math.round(y0 + (y1 - y0) * k / steps) * D.side + Math.round(x0 + (x1 - x0) * k / steps);
        if (m[j] !== D.stroke) { m[j] = D.stroke; changed++; }
      }
      D.last = i;
      if (changed) paintEditor();
      return changed;
    }
    // The end of a keyboard stroke (Shift let go, or a little while without a key): its one sentence and the
    // thumbnails, as the end of a pointer's stroke redraws them. The stroke's value stays for the next one that
    // starts where it ended.
    function endKeyStroke() {
      var k = D.kstroke;
      if (!k || !k.open) return;
      k.open = false;
      renderDrawList();
      sayCell(false, k);
    }
    // pointer events cover mouse, pen and touch; capture keeps the stroke when it leaves the canvas
    c.addEventListener("pointerdown", function (ev) {
      D.painting = true;
      c.setPointerCapture(ev.pointerId);
      D.stroke = ev.button === 2 ? -1 : D.pen;   // the right button erases, for this stroke only
      D.last = -1;
      paint(ev);
      ev.preventDefault();
    });
    c.addEventListener("pointermove", function (ev) { if (D.painting) paint(ev); });
    c.addEventListener("pointerup", function () { D.painting = false; renderDrawList(); });
    c.addEventListener("pointercancel", function () { D.painting = false; });
    c.addEventListener("contextmenu", function (ev) { ev.preventDefault(); });
    // The keyboard's route: the arrow keys (Home/End: the row's ends, PageUp/PageDown: the column's) move a cell
    // cursor, Space or Enter inks a blank cell and blanks an inked one: a one-cell stroke, as a click makes. With
    // Shift a move paints: a stroke through strokeTo, as a pointer's drag, with the value decided where it starts (a
    // blank cell starts an inking stroke, an inked one an erasing stroke, as Space would), or the value of the
    // keyboard's last stroke (Space or Shift) when it starts on the cell where that one ended.
    c.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === "Shift") return;
      var x = D.cursor % D.side, y = Math.floor(D.cursor / D.side), n = D.side - 1;
      if (ev.key === "ArrowLeft") x = Math.max(0, x - 1);
      else if (ev.key === "ArrowRight") x = Math.min(n, x + 1);
      else if (ev.key === "ArrowUp") y = Math.max(0, y - 1);
      else if (ev.key === "ArrowDown") y = Math.min(n, y + 1);
      else if (ev.key === "Home") x = 0;
      else if (ev.key === "End") x = n;
      else if (ev.key === "PageUp") y = 0;
      else if (ev.key === "PageDown") y = n;
      else if (ev.key === " " || ev.key === "Enter") {
        ev.preventDefault();
        if (ev.repeat) return;   // a held key would flip the cell back and forth
        D.stroke = D.mems[D.cur][D.cursor] > 0 ? -1 : 1;
        D.last = -1;
        D.keys = true;
        strokeTo(D.cursor);
        D.kstroke = { value: D.stroke, at: D.cursor, changed: 1, open: false };
        renderDrawList();
        sayCell(true);
        return;
      } else return;
      ev.preventDefault();
      var to = y * D.side + x, k = D.kstroke;
      D.keys = true;
      if (!ev.shiftKey) {
        endKeyStroke();
        D.kstroke = null;
        D.cursor = to;
        paintEditor();
        sayCell(false);
        return;
      }
      // Shift: paint from the cursor's cell to the new one
      if (!k || !k.open) {
        var goOn = k && k.at === D.cursor;
        D.stroke = goOn ? k.value : D.mems[D.cur][D.cursor] > 0 ? -1 : 1;
        D.last = -1;
        k = D.kstroke = { value: D.stroke, at: D.cursor, changed: 0, open: true };
        k.changed += strokeTo(D.cursor);
      }
      D.stroke = k.value;
      D.last = D.cursor;
      k.changed += strokeTo(to);
      k.at = D.cursor = to;
      paintEditor();
      // said once the stroke ends: on letting go of Shift, or after a pause with Shift still held
      clearTimeout(sayTimer);
      sayTimer = setTimeout(endKeyStroke, 700);
    });
    c.addEventListener("keyup", function (ev) { if (ev.key === "Shift") endKeyStroke(); });
    // the cursor shows while the keyboard is on the grid (not when a pointer clicked it)
    c.addEventListener("focus", function () { D.keys = c.matches(":focus-visible"); if (D.keys) paintEditor(); sayCell(false); });
    c.addEventListener("blur", function () { endKeyStroke(); D.kstroke = null; if (D.keys) { D.keys = false; paintEditor(); } });
    c.addEventListener("pointerdown", function () { endKeyStroke(); D.kstroke = null; if (D.keys) { D.keys = false; paintEditor(); } }, true);
    $("draw-pen").querySelectorAll("button").forEach(function (b) {
      // the pen's state for screen readers too (aria-pressed), not only in the look of the button
      b.addEventListener("click", function () {
        D.pen = Number(b.dataset.pen);
        $("draw-pen").querySelectorAll("button").forEach(function (x) { x.classList.toggle("on", x === b); x.setAttribute("aria-pressed", String(x === b)); });
      });
    });
    $("draw-clear").addEventListener("click", function () { D.mems[D.cur].fill(-1); edited(); });
    $("draw-invert").addEventListener("click", function () { var m = D.mems[D.cur]; for (var i = 0; i < m.length; i++) m[i] = -m[i]; edited(); });
    $("draw-noise").addEventListener("click", function () { var m = D.mems[D.cur]; for (var i = 0; i < m.length; i++) m[i] = Math.random() < 0.5 ? 1 : -1; edited(); });
    $("draw-add").addEventListener("click", function () {
      if (D.mems.length >= MAX_MEMS) return;
      D.mems.push(new Int8Array(D.side * D.side).fill(-1)); D.cur = D.mems.length - 1; edited();
    });
    $("draw-del").addEventListener("click", function () {
      if (D.mems.length <= 1) return;
      D.mems.splice(D.cur, 1); D.cur = Math.max(0, D.cur - 1); edited();
    });
    $("draw-side").addEventListener("change", function () {
      var ns = Number($("draw-side").value);
      D.mems = D.mems.map(function (m) { return resample(m, D.side, ns); });
      // the keyboard's cell stays where it was on the picture
      D.cursor = Math.floor(Math.floor(D.cursor / D.side) * ns / D.side) * ns + Math.floor(D.cursor % D.side * ns / D.side);
      D.side = ns; edited();
    });
    $("draw-upload").addEventListener("change", function () {
      var file = $("draw-upload").files[0];
      if (!file) return;
      var img = new Image();
      img.onload = function () {
        var m = binarise(img);
        if (D.mode === "mem" && D.mems.length < MAX_MEMS) { D.mems.push(m); D.cur = D.mems.length - 1; } else D.mems[D.cur] = m;
        edited();
        URL.revokeObjectURL(img.src);
        $("draw-upload").value = "";
      };
      img.src = URL.createObjectURL(file);
    });
    $("draw-flip").addEventListener("click", function () { var m = D.mems[D.cur]; for (var i = 0; i < m.length; i++) if (Math.random() < 0.1) m[i] = -m[i]; edited(); });
    $("draw-half").addEventListener("click", function () { var m = D.mems[D.cur]; for (var i = Math.floor(D.side / 2) * D.side; i < m.length; i++) m[i] = -1; edited(); });
    $("draw-use").addEventListener("click", function (ev) {
      ev.preventDefault();
      if (D.mode === "cue") { useCue(); return; }
      var n = D.side * D.side, signs = "";
      D.mems.forEach(function (m) { for (var i = 0; i < n; i++) signs += m[i] > 0 ? "+" : "-"; });
      var p = D.mems.length;
      try {
        var spec = L.spec.change({ mem: "custom", n: n, p: p, pat: L.core.packPatterns(signs, n) });
        $("draw-dialog").close();
        L.run.userSpec(spec, $("open-draw"), null, "These memories");
      } catch (e) { $("draw-msg").textContent = e.message; }
    });
    $("open-draw").addEventListener("click", openDraw);
    $("open-cue").addEventListener("click", function () { openCue(); });
    // a cancelled cue dialog leaves the schedule editor as the spec has it
    $("draw-dialog").addEventListener("close", function () { if (D.mode === "cue") L.controls.sync(); });
  }

  // The cue as the start state and/or the input, in one edit by the core (it also writes the drawn-cue window).
  function useCue() {
    var asStart = $("cue-as-start").checked, asInput = $("cue-as-input").checked, from = Number($("cue-from").value || 0);
    try {
      var spec = L.spec.ask("useCue", S.spec, L.spec.packCue(D.mems[0]), asStart ? 1 : 0, asInput ? 1 : 0, from, D.cue.index);
      D.mode = "done";
      $("draw-dialog").close();
      L.run.userSpec(spec, $("open-cue"), null, "This cue");
    } catch (e) { $("draw-msg").textContent = e.message; }
  }

  L.memories = { buildGallery: buildGallery, updateGallery: updateGallery, openDraw: openDraw, openCue: openCue, cueSide: cueSide, wire: wireDraw };
})(window.HLab = window.HLab || {});
