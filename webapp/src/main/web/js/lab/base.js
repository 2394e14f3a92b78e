// Shared ground of the lab page: the namespace every module adds to, the run state, DOM and message helpers.
// The page is a set of classic scripts (no bundler, no ES modules) so it also runs when opened from disk
// (file://), where Chromium refuses module scripts. Each js/lab/*.js file is one IIFE that adds functions to
// window.HLab; modules call each other through HLab at call time, so only main.js must load last.
(function (L) {
  "use strict";

  L.V = window.HLViews;
  L.core = window.HopfieldCoreJs;   // the Java core on the main thread: every question about a spec goes here
  L.$ = function (id) { return document.getElementById(id); };

  // Everything the modules share. slots[0] is the main run, slots[1] the compare run (or null). st is the core's
  // answer about the spec (values and control states, see spec.js); view the link's view keys as the core read them.
  L.S = {
    spec: "", st: null, view: { preset: "", hide: [], lock: [], view: "", speed: 0, engine: "auto" },
    engine: null, presets: [], playing: false, inflight: false, gen: 0, restarting: null,
    slots: [null, null], compare: false, tab: "theory", fps: [],
    lastCue: null   // the last drawn cue {n, pat}: it comes back when a drawn start or window needs one again
  };

  // DOM writes that skip an unchanged value: a write, even of the same text, invalidates style and layout, and the
  // page repeats most of its writes every animation frame while playing.
  L.setText = function (el, text) { if (el._text !== text) { el.textContent = text; el._text = text; } };
  L.setHtml = function (el, html) { if (el._html !== html) { el.innerHTML = html; el._html = html; } };
  L.setAttr = function (el, name, value) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); };

  // A model's name as the schema labels it (IDP, Classic, …).
  L.modelName = function (m) { return L.spec.choiceLabel("model", m); };

  // Index of the largest overlap of a frame: the memory the network "recalls" now.
  L.best = function (overlaps, p) {
    var best = 0;
    for (var mu = 1; mu < p; mu++) if (overlaps[mu] > overlaps[best]) best = mu;
    return best;
  };

  // The retrieval threshold of a run (spec key thr, always present in a canonical spec).
  L.threshold = function (s) { return Number(s.values.thr); };

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

  // A neutral note next to a control (a lock that kept a change from happening): not an error, so not in red.
  // Controls at the top (preset menu, model switch) or none: the note goes into the notice bar instead.
  var noteTimer = 0;
  L.lockNote = function (el, msg) {
    document.querySelectorAll(".lock-note").forEach(function (x) { x.remove(); });
    if (!msg) {
      if (document.body.getAttribute("data-notice") === "info") L.notice(null);
      return;
    }
    var panel = el && !el.closest(".top, .transport") ? el.closest(".panel") : null;
    if (!panel) { L.notice(L.V.esc(msg), "info"); return; }
    var d = document.createElement("div");
    d.className = "lock-note";
    d.setAttribute("role", "status");
    d.textContent = msg;
    panel.appendChild(d);
    clearTimeout(noteTimer);
    noteTimer = setTimeout(function () { d.remove(); }, 12000);
  };

  // The reading order is the order on the screen. Where the CSS moves a block with `order` at some width (a phone
  // shows the lab's network and plots before its setup column; below 1320 px the header puts the preset picker on a
  // row under its buttons), the DOM follows it, so the Tab order and a screen reader's reading order are what the
  // student sees (WCAG 2.4.3 and 1.3.2). The CSS is the one place the layout is written: this reads the `order` of
  // the children of each [data-follow-order] box and sorts them by it (equal orders in the page's own order). Called
  // at start, when the window is resized and when a body class changes the layout; the focus stays where it was.
  var homes = 0;
  L.followOrder = function () {
    document.querySelectorAll("[data-follow-order]").forEach(function (box) {
      var kids = Array.prototype.slice.call(box.children);
      kids.forEach(function (k) { if (k._home == null) k._home = ++homes; });   // the page's order, as first seen
      var sorted = kids.map(function (k) { return { k: k, o: Number(getComputedStyle(k).order) || 0 }; })
        .sort(function (a, b) { return a.o - b.o || a.k._home - b.k._home; }).map(function (x) { return x.k; });
      if (sorted.every(function (k, i) { return k === kids[i]; })) return;
      var active = document.activeElement;
      sorted.forEach(function (k) { box.appendChild(k); });
      if (active && active !== document.activeElement && box.contains(active)) active.focus({ preventScroll: true });
    });
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
    d.setAttribute("role", "alert");   // said when it comes: the focus may be on a value the core refused (a radio)
    d.textContent = msg;
    (holder.closest(".panel") || holder).appendChild(d);
    clearTimeout(errTimer);
    errTimer = setTimeout(function () { L.fieldError(null); }, 9000);
  };
})(window.HLab = window.HLab || {});

// The header's drop-down menus (Export, Course): a <details> disclosure of buttons and links, keyed as the WAI-ARIA
// disclosure-navigation pattern keys them. ↓/↑ on the button open the menu and go to its first/last item; ↓/↑ move
// between the items (not round the ends), Home/End to the first/last; Escape closes it and puts the focus back on
// its button; Tab and Shift+Tab go on through the page, and the menu closes when the focus (or a click) leaves it.
// An item that does its job and closes the menu (closeMenu) leaves the focus on the button, not lost in the page.
(function (L) {
  "use strict";

  function items(menu) {
    return Array.prototype.filter.call(menu.querySelectorAll(".menu-list a[href], .menu-list button"), function (x) {
      return !x.disabled && x.getClientRects().length > 0;
    });
  }

  L.closeMenu = function (menu, focusButton) {
    if (!menu.open) return;
    var inside = menu.contains(document.activeElement);
    menu.open = false;
    if (focusButton || inside) menu.querySelector("summary").focus();
  };

  L.wireMenu = function (menu) {
    var button = menu.querySelector("summary");
    menu.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.shiftKey) return;
      var list = items(menu), at = list.indexOf(document.activeElement), onButton = ev.target === button, to = -1;
      if (ev.key === "Escape") {
        if (!menu.open) return;
        ev.preventDefault();
        ev.stopPropagation();
        L.closeMenu(menu, true);
        return;
      }
      if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp" && ev.key !== "Home" && ev.key !== "End") return;
      if (onButton) {
        if (ev.key === "Home" || ev.key === "End") return;
        menu.open = true;
        list = items(menu);
        to = ev.key === "ArrowDown" ? 0 : list.length - 1;
      } else if (at >= 0) {
        to = ev.key === "ArrowDown" ? Math.min(list.length - 1, at + 1) : ev.key === "ArrowUp" ? Math.max(0, at - 1)
          : ev.key === "Home" ? 0 : list.length - 1;
      } else return;
      ev.preventDefault();
      if (list[to]) list[to].focus();
    });
    // the focus going elsewhere (Tab past the last item, Shift+Tab before the button) or a click elsewhere closes it
    menu.addEventListener("focusout", function (ev) {
      if (menu.open && ev.relatedTarget && !menu.contains(ev.relatedTarget)) menu.open = false;
    });
    document.addEventListener("click", function (ev) { if (menu.open && !menu.contains(ev.target)) menu.open = false; });
  };
})(window.HLab = window.HLab || {});
