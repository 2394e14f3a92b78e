// The URL is the lab's state: reading links (the core reads them forgivingly: it keeps what it can and says what it
// dropped), writing them back (the core's canonical link), share links, the embedding messages of a parent page,
// and teacher mode (the view keys hide=… and lock=… hide or freeze controls).
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  // Reads a whole link (spec and view keys) through the core: a key given twice, a bad value, an unknown key or a
  // view key with a value it cannot have is dropped with the core's message, and the rest is used.
  // → { spec: canonical spec, view: {preset, hide, lock, view, speed, engine}, notes: [html] }
  function readLink(search) {
    var query = String(search || "").replace(/^\?/, ""), r = JSON.parse(L.core.readLink(query)), notes = [];
    if (r.errors.length) {
      var given = query.split("&").map(function (pair) {
        var k = pair.split("=")[0];
        try { return decodeURIComponent(k); } catch (e) { return k; }
      }).filter(function (k, i, all) { return k && k !== "v" && all.indexOf(k) === i; });
      var kept = given.filter(function (k) { return r.dropped.indexOf(k) < 0; });
      var code = function (k) { return "<code>" + V.esc(k) + "</code>"; };
      // one line per problem: several in one paragraph read as a wall of text
      notes.push("This link could not be read as it was:<ul class=\"notice-list\">" + r.errors.map(function (e) {
        return "<li><b>" + V.esc(e.key) + "</b>: " + V.esc(e.message) + "</li>";
      }).join("") + "</ul>" + (r.dropped.length ? "Dropped " + r.dropped.map(code).join(", ") : "")
        + (kept.length ? "; kept " + kept.map(code).join(", ") : "") + "; the rest are defaults.");
    }
    return { spec: r.spec, view: r.view, notes: notes };
  }

  // The view keys of a link, as the core read them (called once at start: teacher settings do not change later).
  function applyView(view) {
    S.view = view;
  }

  // The canonical link of the run: the spec, then the view keys that differ from their defaults (the core writes
  // it, so a copied link is the same string the CLI and the server write). Teacher keys and the view travel with it.
  function linkFor(spec) {
    var v = S.view;
    // exercise mode (js/lab/exercise.js): the exercise sets the locks itself and travels in the fragment
    if (L.exercise && L.exercise.active()) return "?" + L.spec.ask("labLink", spec, "", "", v.view, v.speed, v.engine) + L.exercise.fragment();
    return "?" + L.spec.ask("labLink", spec, v.hide.join(","), v.lock.join(","), v.view, v.speed, v.engine);
  }

  function publishSpec() {
    try { history.replaceState(null, "", linkFor(S.spec)); } catch (e) { /* file:// may refuse */ }
    if (window.parent !== window) window.parent.postMessage({ type: "hopfield-lab:state", spec: S.spec }, "*");
    $("spec-text").value = S.spec;
  }

  // The async clipboard needs a secure context; file:// and plain http fall back to execCommand or a prompt.
  function copyText(text, what, toast) {
    var done = function () { L.toast(toast); };
    var fallback = function () {
      var ta = document.createElement("textarea");
      ta.value = text; document.body.appendChild(ta); ta.select();
      try { document.execCommand("copy"); done(); } catch (e) { prompt("Copy this " + what + ":", text); }
      ta.remove();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback); else fallback();
  }

  function copyLink() {
    var url = location.href.split(/[?#]/)[0] + linkFor(S.spec);
    copyText(url, "link", "Link copied — it reproduces this run exactly");
    document.body.setAttribute("data-link", url);
  }

  // The checksum with the step it belongs to, so two people can compare "same result" by eye or by paste.
  function copyChecksum() {
    var f = S.slots[0] && S.slots[0].frame;
    if (!f) return;
    var text = "checksum " + f.checksum + " at step " + f.step + " (t = " + V.fmt(f.time, 4) + ")";
    copyText(text, "checksum", "Copied: " + text);
    document.body.setAttribute("data-copied", text);
  }

  // A key is locked when the link locks it or a lab section that holds its control (lock=input locks in, pulse, …).
  function lockedKeys() {
    var out = S.view.lock.slice();
    S.view.lock.forEach(function (name) {
      document.querySelectorAll('[data-section="' + name + '"] [data-key]').forEach(function (el) {
        var k = el.getAttribute("data-key");
        if (out.indexOf(k) < 0) out.push(k);
      });
    });
    return out;
  }

  function isLocked(key) { return lockedKeys().indexOf(key) >= 0; }

  // The locked keys a new spec would change (the core compares the canonical specs).
  function lockedChanges(spec) {
    if (!S.view.lock.length || !S.spec) return [];
    var locked = lockedKeys();
    return String(L.core.changedKeys(S.spec, spec)).split(",").filter(function (k) { return k && locked.indexOf(k) >= 0; });
  }

  // A key's name as the schema labels it, with the key: "Gain β (beta)"; a lab section by its own name.
  function keyLabel(key) {
    var k = L.spec.keyInfo(key);
    return k ? k.label + " (" + key + ")" : key;
  }

  // Says, politely and next to what was tried, that a lock kept a change from happening (nothing changes).
  function explainLock(keys, el, what) {
    var names = keys.map(keyLabel);
    var msg = (what || "This change") + " would change " + names.join(", ") + ", which " + (keys.length > 1 ? "are" : "is")
      + " locked in this exercise. Nothing was changed" + (S.view.lock.length ? "; the other controls are yours to try." : ".");
    L.lockNote(el, msg);
    document.body.setAttribute("data-lock-refused", keys.join(","));
    return msg;
  }

  // Teacher mode: every element with data-key or data-section can be hidden or locked by name. Controls that act by
  // a click on a picture or chip (data-explain-lock) stay clickable and explain the lock instead of doing nothing.
  function applyTeacher() {
    var locked = lockedKeys();
    document.querySelectorAll("[data-key],[data-section]").forEach(function (el) {
      var key = el.getAttribute("data-key") || el.getAttribute("data-section");
      var isLockedNow = locked.indexOf(key) >= 0;
      el.classList.toggle("teacher-hidden", S.view.hide.indexOf(key) >= 0);
      el.classList.toggle("locked", isLockedNow);
      if (!isLockedNow) return;
      if (el.hasAttribute("data-explain-lock")) { el.title = "Locked in this exercise: clicking explains why"; return; }
      el.title = "Locked in this exercise";
      if (el.matches("input,select,button,textarea")) el.disabled = true;
      el.querySelectorAll("input,select,button,textarea").forEach(function (c) { if (!c.closest("[data-explain-lock]")) c.disabled = true; });
    });
    document.body.classList.toggle("teacher", S.view.hide.length + S.view.lock.length > 0);
    if (S.tab) L.side.showTab(S.tab);   // the tabs' Tab stop skips a hidden or locked tab
    // every setup panel hidden (a "just watch" link): the page drops the empty column instead of keeping its space
    var setup = document.querySelectorAll(".setup > .panel");
    document.body.classList.toggle("no-setup", setup.length > 0 && Array.prototype.every.call(setup, function (p) { return p.classList.contains("teacher-hidden"); }));
  }

  function wire() {
    $("copy-link").addEventListener("click", copyLink);
    $("checksum").addEventListener("click", copyChecksum);
    // Embedding contract: a parent page may load a spec with {type: "hopfield-lab:load", spec}. Only the page the lab
    // is embedded in: not another window that opened this one or the page around it (window.open gives any site a
    // handle on a page and its frames), which could otherwise swap the spec a signed-in user is about to save.
    window.addEventListener("message", function (ev) {
      if (window.parent === window || ev.source !== window.parent) return;
      var d = ev.data;
      if (!d || d.type !== "hopfield-lab:load" || typeof d.spec !== "string") return;
      var r = readLink(d.spec);
      L.notice(r.notes.length ? r.notes.join("<br>") : null, "warn");
      L.run.setSpec(r.spec);
    });
  }

  L.link = { readLink: readLink, linkFor: linkFor, publishSpec: publishSpec, isLocked: isLocked,
    lockedKeys: lockedKeys, lockedChanges: lockedChanges, explainLock: explainLock, keyLabel: keyLabel, applyView: applyView,
    applyTeacher: applyTeacher, wire: wire };
})(window.HLab = window.HLab || {});
