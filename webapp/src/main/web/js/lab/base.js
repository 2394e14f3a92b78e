// Shared ground of the lab page: the namespace every module adds to, the run state, DOM and message helpers.
// The page is a set of classic scripts (no bundler, no ES modules) so it also runs when opened from disk
// (file://), where Chromium refuses module scripts. Each js/lab/*.js file is one IIFE that adds functions to
// window.HLab; modules call each other through HLab at call time, so only main.js must load last.
(function (L) {
  "use strict";

  L.V = window.HLViews;
  L.core = window.HopfieldCoreJs;   // spec handling on the main thread (canonical, presets, packPatterns…)
  L.$ = function (id) { return document.getElementById(id); };

  L.SPEEDS = [1, 2, 4, 8, 16, 32, 64, 128, 512, Infinity];
  L.DEFAULT_PRESET = "sequence";

  // Everything the modules share. slots[0] is the main run, slots[1] the compare run (or null).
  L.S = {
    spec: "", kv: {}, ui: { hide: [], lock: [], view: "", speed: 3, engine: "auto" },
    engine: null, presets: [], playing: false, inflight: false, gen: 0, restarting: null,
    slots: [null, null], compare: false, tab: "theory", fps: [],
    lastCue: null   // the last drawn cue {n, pat}: it comes back when a drawn start or window needs one again
  };

  L.modelName = function (m) { return { idp: "IDP", classic: "Classic", modern: "Modern", discrete: "Discrete" }[m] || m; };

  // Index of the largest overlap of a frame: the memory the network "recalls" now.
  L.best = function (overlaps, p) {
    var best = 0;
    for (var mu = 1; mu < p; mu++) if (overlaps[mu] > overlaps[best]) best = mu;
    return best;
  };

  L.threshold = function (s) { return Number(s.kv.thr || 0.9); };

  L.notice = function (html, kind) {
    var n = L.$("notice");
    if (!html) { n.hidden = true; document.body.removeAttribute("data-notice"); return; }
    L.$("notice-text").innerHTML = html;
    n.className = "notice " + (kind || "warn");
    n.hidden = false;
    document.body.setAttribute("data-notice", kind || "warn");
  };

  var toastTimer = 0;
  L.toast = function (text) {
    var t = L.$("toast");
    t.textContent = text;
    t.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.classList.remove("show"); }, 2200);
  };

  // Shows the core's complaint next to the control that caused it (cleared on the next valid change).
  var errTimer = 0;
  L.fieldError = function (el, msg) {
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
    errTimer = setTimeout(function () { L.fieldError(null); }, 9000);
  };
})(window.HLab = window.HLab || {});
