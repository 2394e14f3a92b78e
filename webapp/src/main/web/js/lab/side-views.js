// The tabbed analysis views under the plots: theory table and energy landscape (the synapse tab is synapses.js).
// They are computed by the engine on demand: when a window changes, when the tab opens, or now and then while
// the gains move (modern model), never every frame.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;
  var TABS = ["theory", "landscape", "synapses"];
  var heat = null, heatPair = null, theory = null, lastHeatAt = 0, lastTheoryAt = 0;

  function reset() { heat = null; theory = null; lastHeatAt = lastTheoryAt = 0; }

  function selectTab(tab) {
    S.tab = tab;
    document.querySelectorAll(".tabs button").forEach(function (b) {
      b.classList.toggle("on", b.dataset.tab === tab);
      b.setAttribute("aria-selected", b.dataset.tab === tab);
    });
    TABS.forEach(function (t) { $("tab-" + t).hidden = t !== tab; });
    if (tab === "landscape") heat = null;
    refresh(true);
  }

  // The initial tab: the view= key of the link, else the landscape for small networks.
  function initialTab(spec) {
    return TABS.indexOf(S.ui.view) >= 0 ? S.ui.view : (Number(L.spec.kvOf(spec).n) <= 256 ? "landscape" : "theory");
  }

  function refresh(force) {
    var s = S.slots[0];
    if (!s || !s.frame) return;
    var t = performance.now(), changedWin = s.frame.windowChanged || force;
    if (S.tab === "theory" && (changedWin || t - lastTheoryAt > 400)) {
      lastTheoryAt = t;
      S.engine.call({ cmd: "theory", slot: 0 }).then(function (r) { theory = r; drawTheory(); });
    }
    if (S.tab === "landscape") {
      if (!heatAllowed()) { $("heat-note").textContent = "The landscape is computed for N ≤ 1024 (pick the “Energy landscape” preset)."; V.drawHeat($("heat"), null); }
      else if (changedWin || !heat || (s.model === "modern" && t - lastHeatAt > 1200)) {
        lastHeatAt = t;
        requestHeat();
      }
    }
    if (S.tab === "synapses") L.synapses.refresh(changedWin, t);
  }

  // Per frame: only the landscape's trajectory dot moves.
  function drawLive(s) { if (S.tab === "landscape") V.drawHeat($("heat"), heat, s.proj, {}); }

  // ---- energy landscape over the plane of two memories ----

  function heatAllowed() { return Number(S.kv.n) <= 1024 && Number(S.kv.p) >= 2 && S.kv.model !== "discrete"; }

  // The pair chosen before a restart, if the new spec still has those memories.
  function keptPair(p) { return heatPair && heatPair[0] < p && heatPair[1] < p ? heatPair : null; }

  // The default pair: the first two memories the schedule drives; tells the engine to track it.
  function choosePair(info) {
    var targets = [];
    info.windows.forEach(function (w) { if (w.target >= 0 && targets.indexOf(w.target) < 0) targets.push(w.target); });
    var a = targets.length ? targets[0] : 0, b = targets.length > 1 ? targets[1] : (a === 0 ? 1 : 0);
    heatPair = [a, Math.min(b, info.p - 1)];
    S.engine.call({ cmd: "track", slot: 0, track: heatPair });
    buildSelectors(S.slots[0]);
    return heatPair;
  }

  function buildSelectors(s) {
    ["heat-mu1", "heat-mu2"].forEach(function (id, k) {
      var html = [];
      for (var mu = 0; mu < s.info.p; mu++) html.push('<option value="' + mu + '">ξ' + (mu + 1) + "</option>");
      $(id).innerHTML = html.join("");
      $(id).value = String(heatPair ? heatPair[k] : k);
    });
  }

  // Half-width of the plane: a bit beyond the largest well (IDP wells sit near ±α; classic ones near ±1).
  function heatRange(s) {
    var vals = L.display.currentBars(s), max = 0.5;
    for (var mu = 0; mu < s.info.p; mu++) max = Math.max(max, Math.abs(vals[mu]));
    if (s.model === "classic") max = Math.max(1.5, max + 1);
    return Math.min(80, max * 1.3);
  }

  function requestHeat() {
    var s = S.slots[0], n = s.info.n, res = n <= 256 ? 64 : n <= 512 ? 48 : 36;
    var pair = heatPair || [0, 1];
    if (pair[0] === pair[1]) { $("heat-note").textContent = "Pick two different memories."; return; }
    $("heat-note").textContent = "computing…";
    S.engine.call({ cmd: "heat", slot: 0, mu1: pair[0], mu2: pair[1], res: res, range: heatRange(s) }).then(function (r) {
      heat = r;
      $("heat-note").textContent = "E(x; u) at x = a ξ" + (pair[0] + 1) + " + b ξ" + (pair[1] + 1) + ", input at t = " + V.fmt(s.frame.time, 2) + ". Dark = deep well. White: the state's path.";
      V.drawHeat($("heat"), heat, s.proj, {});
    });
  }

  // ---- theory table: predicted wells vs the simulation ----

  function drawTheory() {
    var s = S.slots[0], r = theory;
    if (!s || !r || !r.rows) return;
    var beta = Number(s.kv.beta), random = s.kv.mem !== "orthogonal", thr = L.threshold(s);
    var idpLike = s.model === "idp" || s.model === "modern";
    var rows = ['<thead><tr><th>memory</th><th title="shifted gain α′ = α − Σα/N">α′</th><th title="existence: β α′ > 1">β α′</th><th>well exists</th><th>stable</th>'
      + '<th title="predicted amplitude c: x* = c ξ">c theory</th><th title="projection ξ·x/N of the state">c sim</th><th title="predicted overlap tanh(β c)">m theory</th><th>m sim</th><th></th></tr></thead><tbody>'];
    var disagreements = 0;
    r.rows.forEach(function (row, mu) {
      var mPred = row.exists ? Math.abs(Math.tanh(beta * row.amplitude)) : 0;
      var atMu = row.overlap > 0.5, why = "";
      if (idpLike && atMu && !row.exists) why = "the state sits at a memory whose well should not exist";
      else if (idpLike && atMu && row.exists && row.stable && Math.abs(Math.abs(row.projection) - row.amplitude) > 0.05 * Math.max(1, row.amplitude)) why = "amplitude differs from the prediction";
      else if (idpLike && row.overlap > thr && row.exists && !row.stable) why = "held although predicted unstable";
      if (why) disagreements++;
      rows.push('<tr class="' + (atMu ? "at " : "") + (why ? "bad" : "") + '"><td><i class="dot" style="background:' + V.memColor(mu) + '"></i>ξ' + (mu + 1) + "</td>"
        + "<td>" + V.fmt(row.shifted, 3) + "</td><td>" + V.fmt(beta * row.shifted, 3) + "</td>"
        + "<td>" + (row.exists ? '<span class="yes">yes</span>' : '<span class="no">no</span>') + "</td>"
        + "<td>" + (row.exists ? (row.stable ? '<span class="yes">stable</span>' : '<span class="no">unstable</span>') : "–") + "</td>"
        + "<td>" + (row.exists ? V.fmt(row.amplitude, 3) : "0") + "</td><td>" + V.fmt(Math.abs(row.projection), 3) + "</td>"
        + "<td>" + V.fmt(mPred, 3) + "</td><td>" + V.fmt(row.overlap, 3) + "</td>"
        + "<td>" + (why ? '<span class="flag" title="' + why + '">≠ ' + why + "</span>" : "") + "</td></tr>");
    });
    rows.push("</tbody>");
    $("theory-table").innerHTML = rows.join("");
    $("theory-head").innerHTML = "Predictions for the gains in force at t = " + V.fmt(s.frame.time, 2) + " (β = " + beta + "): the well of memory μ exists when β α′<sub>μ</sub> &gt; 1 and is stable when β sech²(β c<sub>μ</sub>) α′<sub>ν</sub> &lt; 1 for every other ν.";
    $("theory-note").innerHTML = (!idpLike ? "These thresholds are derived for IDP (gains set by the input); the " + L.modelName(s.model) + " model is shown for reference. " : "")
      + (random ? "These memories are not orthogonal: the theory holds up to crosstalk ≈ √(P/N) = " + Math.sqrt(s.info.p / s.info.n).toFixed(3) + ". " : "Orthogonal memories: the theory is exact. ")
      + (disagreements ? '<span class="flag">' + disagreements + " disagreement" + (disagreements > 1 ? "s" : "") + " between theory and simulation.</span>" : "Theory and simulation agree.");
    document.body.setAttribute("data-theory-disagreements", String(disagreements));
  }

  function wire() {
    document.querySelectorAll(".tabs button").forEach(function (b) { b.addEventListener("click", function () { selectTab(b.dataset.tab); }); });
    ["heat-mu1", "heat-mu2"].forEach(function (id) {
      $(id).addEventListener("change", function () {
        heatPair = [Number($("heat-mu1").value), Number($("heat-mu2").value)];
        S.engine.call({ cmd: "track", slot: 0, track: heatPair });
        if (S.slots[0]) S.slots[0].proj = [];
        requestHeat();
      });
    });
  }

  L.side = { reset: reset, selectTab: selectTab, initialTab: initialTab, refresh: refresh, drawLive: drawLive,
    keptPair: keptPair, choosePair: choosePair, buildSelectors: buildSelectors, wire: wire };
})(window.HLab = window.HLab || {});
