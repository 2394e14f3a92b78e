// The tabbed analysis views under the plots: theory table and energy landscape (the synapse tab is synapses.js).
// They are computed by the engine on demand: when a window changes, when the tab opens, or now and then while
// the gains move (modern model), never every frame.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;
  var TABS = ["theory", "landscape", "synapses"];
  var heat = null, heatPair = null, theory = null, lastHeatAt = 0, lastTheoryAt = 0, theoryBusy = false, heatBusy = false;

  function reset() { heat = null; theory = null; lastHeatAt = lastTheoryAt = 0; }

  // The open tab: marked for the eye (on) and for screen readers (aria-selected), the only one in the Tab order
  // (a roving tabindex: the arrow keys move between the tabs), and its panel alone shown.
  // (When a teacher's link hides or locks the open tab, the first tab the student may use is the Tab stop instead.)
  function showTab(tab) {
    var tabs = Array.prototype.slice.call(document.querySelectorAll(".tabs [role=tab]")), usable = tabs.filter(usableTab);
    var stop = usable.filter(function (b) { return b.dataset.tab === tab; })[0] || usable[0];
    tabs.forEach(function (b) {
      var on = b.dataset.tab === tab;
      b.classList.toggle("on", on);
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = b === stop ? 0 : -1;
    });
    TABS.forEach(function (t) { $("tab-" + t).hidden = t !== tab; });
  }

  // A tab the keyboard can go to: not hidden or locked by a teacher's link.
  function usableTab(b) { return !b.disabled && !b.classList.contains("teacher-hidden"); }

  function selectTab(tab) {
    S.tab = tab;
    showTab(tab);
    if (tab === "landscape") heat = null;
    refresh(true);
  }

  // The initial tab: the view= key of the link, else the view the core says suits the spec.
  function initialTab(spec) {
    return TABS.indexOf(S.view.view) >= 0 ? S.view.view : (L.core.naturalView(spec) || "theory");
  }

  function refresh(force) {
    var s = S.slots[0];
    if (!s || !s.frame) return;
    var t = performance.now(), changedWin = s.frame.windowChanged || force;
    // The theory is for one moment: refreshed while running (at most every 400 ms), at once when the window changes,
    // and always for the last frame when the run stops, so the table never describes an older state than the page.
    var stale = !theory || theory.step !== s.frame.step;
    if (S.tab === "theory" && stale && (changedWin || t - lastTheoryAt > 400 || !S.playing)) requestTheory();
    if (S.tab === "landscape") {
      var why = L.core.landscapeUnavailable(S.spec);
      if (why) { $("heat-note").textContent = why; V.drawHeat($("heat"), null); }
      // and, like the theory, for the last frame once the run stops (the engine may have computed it earlier)
      else if (changedWin || !heat || (s.model === "modern" && t - lastHeatAt > 1200)
          || (!S.playing && !heatBusy && heat.time !== s.frame.time)) {
        lastHeatAt = t;
        requestHeat();
      }
    }
    if (S.tab === "synapses") L.synapses.refresh(changedWin, t);
  }

  // Per frame: only the landscape's trajectory dot moves.
  function drawLive(s) { if (S.tab === "landscape") V.drawHeat($("heat"), heat, s.proj, {}); }

  // ---- energy landscape over the plane of two memories ----

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

  function requestHeat() {
    var s = S.slots[0], n = s.info.n, res = n <= 256 ? 64 : n <= 512 ? 48 : 36;
    var pair = heatPair || [0, 1];
    if (pair[0] === pair[1]) { $("heat-note").textContent = "Pick two different memories."; return; }
    $("heat-note").textContent = "computing…";
    heatBusy = true;
    S.engine.call({ cmd: "heat", slot: 0, mu1: pair[0], mu2: pair[1], res: res }).then(function (r) {
      heatBusy = false;
      heat = r;
      $("heat-note").textContent = "E(x; u) at x = a ξ" + (pair[0] + 1) + " + b ξ" + (pair[1] + 1) + ", input at t = " + V.fmt(r.time, 2) + ". Dark = deep well. White: the state's path.";
      V.drawHeat($("heat"), heat, s.proj, {});
    }, function () { heatBusy = false; });
  }

  // ---- theory table: predicted wells vs the simulation, and the core's verdict ----

  function requestTheory() {
    if (theoryBusy) return;
    theoryBusy = true;
    lastTheoryAt = performance.now();
    var gen = S.gen;
    S.engine.call({ cmd: "theory", slot: 0 }).then(function (r) {
      theoryBusy = false;
      if (gen !== S.gen || !r.rows) return;
      theory = r;
      drawTheory();
      // the run moved on while the engine answered and no frame will come to ask again: ask now
      var s = S.slots[0];
      if (s && s.frame && !S.playing && s.frame.step !== r.step && S.tab === "theory") requestTheory();
    }, function () { theoryBusy = false; });
  }

  var VERDICT_CLASS = { AGREES: "agree", DIFFERS: "differs", NOT_STEADY: "pending", OUTSIDE: "neutral",
    CROSSTALK: "neutral", REFERENCE: "neutral" };
  var VERDICT_LABEL = { AGREES: "✓ Agrees", DIFFERS: "Differs", NOT_STEADY: "Transient", OUTSIDE: "Outside the theory",
    CROSSTALK: "Guide only", REFERENCE: "Reference" };

  function drawTheory() {
    var s = S.slots[0], r = theory;
    if (!s || !r || !r.rows) return;
    // every number of a column with the same decimals, so that the column lines up (fmt drops trailing zeros)
    var num = function (v, d) { return '<td>' + V.fixed(v, d) + "</td>"; };
    var rows = ['<thead><tr><th>memory</th><th class="opt" title="shifted gain α′ = α − Σα/N">α′</th><th title="existence: β α′ > 1">β α′</th>'
      + '<th class="opt">well</th><th>stable</th><th title="predicted amplitude c: x* = c ξ, c = α′ tanh(β c)">c theory</th>'
      + '<th title="projection |ξ·x|/N of the state now">|c| sim</th><th title="predicted overlap tanh(β c)">m theory</th>'
      + '<th title="overlap |ξ·σ(x)|/N now">m sim</th></tr></thead><tbody>'];
    r.rows.forEach(function (row) {
      var at = row.memory === r.memory, bad = at && r.status === "DIFFERS";
      rows.push('<tr class="' + (at ? "at " : "") + (bad ? "bad" : "") + '"><td><i class="dot" style="background:' + V.memColor(row.memory) + '"></i>ξ' + (row.memory + 1) + "</td>"
        + num(row.shifted, 3).replace("<td>", '<td class="opt">') + num(row.betaShifted, 2)
        + '<td class="opt">' + (row.exists ? '<span class="yes">yes</span>' : '<span class="no">no</span>') + "</td>"
        + "<td>" + (row.exists ? (row.stable ? '<span class="yes">stable</span>' : '<span class="no">unstable</span>') : "–") + "</td>"
        + num(row.exists ? row.amplitude : 0, 3) + num(row.amplitudeSim, 3) + num(row.overlapPredicted, 3) + num(row.overlapSim, 3) + "</tr>");
    });
    rows.push("</tbody>");
    L.setHtml($("theory-table"), rows.join(""));
    L.setHtml($("theory-head"), "Predictions for the gains in force at <b>t = " + V.fmt(r.time, 2) + "</b> (β = " + V.fmt(r.beta, 3)
      + "): the well of memory μ exists when β α′<sub>μ</sub> &gt; 1 and is stable when β sech²(β c<sub>μ</sub>) α′<sub>ν</sub> &lt; 1 for every other ν; at the well the overlap is m = tanh(β c)."
      + (r.rows.length < r.total ? " Showing " + r.rows.length + " of " + r.total + " memories: the one the state is at, the largest overlaps and the deepest wells." : ""));
    var v = $("theory-verdict");
    L.setAttr(v, "class", "verdict " + (VERDICT_CLASS[r.status] || "neutral"));
    L.setHtml(v, '<b class="tag">' + VERDICT_LABEL[r.status] + "</b> " + V.esc(r.summary));
    L.setHtml($("theory-note"), [r.tolerance, r.memories].filter(Boolean).map(V.esc).join(" "));
    var b = document.body;
    b.setAttribute("data-theory-status", r.status);
    b.setAttribute("data-theory-step", String(r.step));
  }

  function wire() {
    // a tab the user opens is kept in the link (view=…), unless compare mode holds the view key
    document.querySelectorAll(".tabs [role=tab]").forEach(function (b) {
      b.addEventListener("click", function () {
        selectTab(b.dataset.tab);
        if (!S.compare) { S.view.view = b.dataset.tab; L.link.publishSpec(); }
      });
    });
    // the WAI-ARIA tabs pattern: ←/→ go to the previous/next tab (round the ends), Home/End to the first/last; the
    // tab that gets the focus opens as a click opens it (automatic activation). A tab a teacher's link hides or locks
    // is skipped. The keys stay here: → is not also the page's Step.
    document.querySelector(".tabs").addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || !ev.target.matches("[role=tab]")) return;
      var tabs = Array.prototype.filter.call(document.querySelectorAll(".tabs [role=tab]"), usableTab);
      var k = tabs.indexOf(ev.target), to = -1;
      if (ev.key === "ArrowRight") to = (k + 1) % tabs.length;
      else if (ev.key === "ArrowLeft") to = (k - 1 + tabs.length) % tabs.length;
      else if (ev.key === "Home") to = 0;
      else if (ev.key === "End") to = tabs.length - 1;
      if (to < 0 || k < 0) return;
      ev.preventDefault();
      tabs[to].focus();
      if (tabs[to] !== ev.target) tabs[to].click();
    });
    ["heat-mu1", "heat-mu2"].forEach(function (id) {
      $(id).addEventListener("change", function () {
        heatPair = [Number($("heat-mu1").value), Number($("heat-mu2").value)];
        S.engine.call({ cmd: "track", slot: 0, track: heatPair });
        if (S.slots[0]) S.slots[0].proj = [];
        requestHeat();
      });
    });
  }

  L.side = { reset: reset, selectTab: selectTab, showTab: showTab, initialTab: initialTab, refresh: refresh, drawLive: drawLive,
    keptPair: keptPair, choosePair: choosePair, buildSelectors: buildSelectors, wire: wire };
})(window.HLab = window.HLab || {});
