// The URL is the lab's state: reading links (forgiving: keeps what it can of a malformed spec and says what it
// dropped), writing them back, share links, the embedding messages of a parent page, and teacher mode
// (hide=… and lock=… keys that hide or freeze controls; they live in the link but never reach the core).
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  // Keys of the page that are not part of the core spec: stripped before the spec reaches the core.
  var UI_KEYS = ["hide", "lock", "view", "speed", "engine", "preset"];

  function presetNames() { return S.presets.map(function (p) { return p.name; }); }

  // → { spec: canonical spec, ui: {hide, lock, view, speed, engine, preset}, notes: [html] }
  function readLink(search) {
    var specPairs = [], ui = {}, notes = [];
    L.spec.parseQuery(search).forEach(function (p) { if (UI_KEYS.indexOf(p[0]) >= 0) ui[p[0]] = p[1]; else specPairs.push(p); });
    var fallback = function () { return { spec: L.core.presetSpec(L.DEFAULT_PRESET), ui: ui, notes: notes }; };
    var base = "";
    if (ui.preset) {
      if (presetNames().indexOf(ui.preset) >= 0) base = L.core.presetSpec(ui.preset);
      else notes.push("There is no preset '" + V.esc(ui.preset) + "'; known presets: " + presetNames().join(", ") + ".");
    }
    if (!specPairs.length && !base) return fallback();
    var kv = L.spec.kvOf(base);
    specPairs.forEach(function (p) { kv[p[0]] = p[1]; });
    var dropped = [];
    // Each failed attempt names the offending key; drop it and try again (a link has at most a few dozen keys).
    for (var attempt = 0; attempt < 30; attempt++) {
      var c = L.core.canonical(L.spec.toQuery(kv));
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
      var key = L.core.lastErrorKey(), msg = L.core.lastError();
      if (key && kv.hasOwnProperty(key)) { dropped.push({ key: key, msg: msg }); delete kv[key]; continue; }
      // the error names no key of the link (e.g. a key without a value): drop that pair, else give up
      var bad = Object.keys(kv).filter(function (k) { return k === key || kv[k] === ""; })[0];
      if (bad) { dropped.push({ key: bad, msg: msg }); delete kv[bad]; continue; }
      notes.push("This link could not be read: " + V.esc(msg) + (key ? " (key <code>" + V.esc(key) + "</code>)" : "")
        + ". Showing the default experiment instead.");
      return fallback();
    }
    notes.push("This link could not be read. Showing the default experiment instead.");
    return fallback();
  }

  // Applies the page keys of a link to S.ui (called once at start: teacher settings do not change later).
  function applyUi(ui) {
    S.ui.hide = (ui.hide || "").split(",").filter(Boolean);
    S.ui.lock = (ui.lock || "").split(",").filter(Boolean);
    S.ui.view = ui.view || "";
    if (ui.speed != null && !isNaN(Number(ui.speed))) S.ui.speed = Math.max(0, Math.min(L.SPEEDS.length - 1, Number(ui.speed)));
    S.ui.engine = ui.engine || "auto";
  }

  // The teacher keys travel with the spec so a student's copied link keeps the same restrictions.
  function linkFor(spec) {
    var extra = [];
    if (S.ui.hide.length) extra.push("hide=" + S.ui.hide.join(","));
    if (S.ui.lock.length) extra.push("lock=" + S.ui.lock.join(","));
    if (S.ui.view) extra.push("view=" + S.ui.view);
    return "?" + spec + (extra.length ? "&" + extra.join("&") : "");
  }

  function publishSpec() {
    try { history.replaceState(null, "", linkFor(S.spec)); } catch (e) { /* file:// may refuse */ }
    if (window.parent !== window) window.parent.postMessage({ type: "hopfield-lab:state", spec: S.spec }, "*");
    $("spec-text").value = S.spec;
  }

  function copyLink() {
    var url = location.href.split("?")[0] + linkFor(S.spec);
    var done = function () { L.toast("Link copied — it reproduces this run exactly"); };
    // The async clipboard needs a secure context; file:// and plain http fall back to execCommand or a prompt.
    var fallback = function () {
      var ta = document.createElement("textarea");
      ta.value = url; document.body.appendChild(ta); ta.select();
      try { document.execCommand("copy"); done(); } catch (e) { prompt("Copy this link:", url); }
      ta.remove();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback); else fallback();
    document.body.setAttribute("data-link", url);
  }

  function isLocked(key) { return S.ui.lock.indexOf(key) >= 0; }

  // Teacher mode: every element with data-key or data-section can be hidden or locked by name.
  function applyTeacher() {
    document.querySelectorAll("[data-key],[data-section]").forEach(function (el) {
      var key = el.getAttribute("data-key") || el.getAttribute("data-section");
      var locked = isLocked(key);
      el.classList.toggle("teacher-hidden", S.ui.hide.indexOf(key) >= 0);
      el.classList.toggle("locked", locked);
      if (!locked) return;
      if (el.matches("input,select,button,textarea")) el.disabled = true;
      el.querySelectorAll("input,select,button,textarea").forEach(function (c) { c.disabled = true; });
    });
    document.body.classList.toggle("teacher", S.ui.hide.length + S.ui.lock.length > 0);
  }

  function wire() {
    $("copy-link").addEventListener("click", copyLink);
    // Embedding contract: a parent page may load a spec with {type: "hopfield-lab:load", spec}.
    window.addEventListener("message", function (ev) {
      var d = ev.data;
      if (!d || d.type !== "hopfield-lab:load" || typeof d.spec !== "string") return;
      var r = readLink(d.spec);
      L.notice(r.notes.length ? r.notes.join("<br>") : null, "warn");
      L.run.setSpec(r.spec);
    });
  }

  L.link = { readLink: readLink, applyUi: applyUi, linkFor: linkFor, publishSpec: publishSpec, isLocked: isLocked,
    applyTeacher: applyTeacher, wire: wire };
})(window.HLab = window.HLab || {});
