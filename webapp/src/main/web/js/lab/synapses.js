// The synapse view W(u). With random memories a raw W looks like noise, so the neurons are sorted by their signs in
// the memories the input drives (schedule order, at most three): each memory's term α_μ ξ^μ ξ^μᵀ / N then shows as
// a checkerboard of blocks whose contrast is α_μ, and an input switch visibly moves the contrast from one
// checkerboard to another. The order is fixed for a run so pictures before and after a switch are comparable.
// Optionally the difference W(u now) − W(u of the previous window) shows what the switch rewired. The core samples
// W and knows each model's previous gains (IDP: from the previous input, exactly; modern: the last ones seen).
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;
  var MAX_KEYS = 3, SIZE = 256;
  var syn = null, lastAt = 0, lastOn = null, scale = 0, diff = false;

  // A new run: forget the picture and the run-wide colour scale.
  function reset() { syn = null; lastAt = 0; lastOn = null; scale = 0; }

  // The memories that sort the neurons: the schedule's dominant memories in order of appearance.
  function orderKeys(s) {
    var keys = [];
    s.info.windows.forEach(function (w) { if (w.target >= 0 && keys.indexOf(w.target) < 0 && keys.length < MAX_KEYS) keys.push(w.target); });
    if (!keys.length) for (var mu = 0; mu < Math.min(2, s.info.p); mu++) keys.push(mu);
    return keys;
  }

  function refresh(changedWin, t) {
    var s = S.slots[0];
    if (!s || !s.frame) return;
    if (s.model === "discrete") { $("syn-note").textContent = "The discrete model uses the fixed Hebbian W."; V.drawSynapses($("syn"), null); return; }
    // IDP gains change only with the window or when a pulsed input goes off; the modern model's move all the time
    if (changedWin || !syn || s.frame.inputOn !== lastOn || (s.model === "modern" && t - lastAt > 800)) {
      lastAt = t;
      lastOn = s.frame.inputOn;
      request();
    }
  }

  // W, or its change since the previous window; when the core has no change to show (no earlier window yet), W itself
  // with the core's reason.
  function request(plain, why) {
    var s = S.slots[0], keys = orderKeys(s), gen = S.gen, wantDiff = diff && !plain;
    S.engine.call({ cmd: "synapse", slot: 0, size: Math.min(SIZE, s.info.n), order: keys, diff: wantDiff }).then(function (r) {
      if (gen !== S.gen) return;
      if (!r.w) { if (wantDiff) request(true, r.note); return; }
      r.keys = keys;
      r.diff = wantDiff;
      r.why = why || "";
      r.time = s.frame.time;
      r.window = s.frame.window;
      syn = r;
      redraw();
    });
  }

  function redraw() {
    var s = S.slots[0];
    if (S.tab !== "synapses" || !syn || !s) return;
    var sc = V.absQuantile(syn.w, 0.98);
    // one scale per run for W itself, so a weaker input shows as paler blocks; a difference has its own scale
    if (!syn.diff) sc = scale = Math.max(scale, sc);
    V.drawSynapses($("syn"), syn, { scale: sc, keys: syn.keys });
    caption(s, sc);
    document.body.setAttribute("data-syn", syn.keys.map(function (k) { return k + 1; }).join(",") + (syn.diff ? ":diff" : "") + "@" + syn.window);
  }

  function caption(s, sc) {
    var f = s.frame, k = syn.keys, w = syn.window >= 0 ? s.info.windows[syn.window] : null, g = syn.gains;
    var name = function (mu) { return '<b class="mem-text" style="--c:' + V.memColor(mu) + '">ξ' + (mu + 1) + "</b>"; };
    var order = "Neurons sorted by their sign in " + k.map(name).join(", then ") + " (strips: coloured = +1). ";
    var what;
    if (s.model === "classic") what = syn.diff ? "Classic synapses never change: the difference is 0." : "Classic synapses are fixed: every memory has gain 1, so all its checkerboards are equally strong.";
    else if (!f.inputOn && s.model === "idp") what = "The input is off: all gains are 0, so W = 0.";
    else if (syn.diff) {
      // name the memory that gained most and the one that lost most since the previous window
      var prev = syn.previous, up = 0, down = 0;
      for (var mu = 1; mu < g.length; mu++) { if (g[mu] - prev[mu] > g[up] - prev[up]) up = mu; if (g[mu] - prev[mu] < g[down] - prev[down]) down = mu; }
      var change = function (mu) { return name(mu) + " (α " + V.fmt(prev[mu], 1) + " → " + V.fmt(g[mu], 1) + ")"; };
      what = "W(u now) − W(u of the previous window): orange = strengthened, blue = weakened. The switch stored " + change(up)
        + " more strongly and " + change(down) + " more weakly.";
    } else {
      var K = w && w.target >= 0 ? w.target : L.best(g, s.info.p);
      what = "Each memory adds a checkerboard whose contrast is its gain α; the input now favours " + name(K) + " (α = " + V.fmt(g[K], 1) + ")"
        + (k.indexOf(K) >= 0 ? ", so its blocks stand out." : ", which is not among the sorting memories.");
      if (diff) what += " (No change to show: " + V.esc(syn.why || "no earlier window yet") + "; showing W itself.)";
    }
    $("syn-note").innerHTML = order + what;
    // IDP and classic synapses are constant within a window; the modern model's picture is of one moment
    var when = s.model === "modern" ? "t = " + V.fmt(syn.time, 2) : w ? "input window " + (syn.window + 1) + " of " + s.info.windows.length + " (from t = " + V.fmt(w.start, 2) + ")" : "";
    $("syn-scale").textContent = syn.size + (s.info.n > syn.size ? " of " + s.info.n : "") + " neurons · " + when
      + " · colour scale ±" + V.fmt(sc, 3) + (syn.diff ? "" : " (orange excitatory, blue inhibitory)");
  }

  function setDiff(on) {
    diff = !!on;
    $("syn-diff").checked = diff;
    if (S.tab === "synapses" && S.slots[0]) request();
  }

  function wire() { $("syn-diff").addEventListener("change", function () { setDiff($("syn-diff").checked); }); }

  L.synapses = { reset: reset, refresh: refresh, redraw: redraw, setDiff: setDiff, wire: wire };
})(window.HLab = window.HLab || {});
