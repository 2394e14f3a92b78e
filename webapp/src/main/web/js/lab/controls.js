// The parameter panel, built from the core's key table. Each panel names the schema groups it shows
// (data-groups="dynamics run …"); build() makes one control per spec key of those groups, in table order, from
// the key's type, label, help, unit, range, step, scale, typical range and choices. Keys with a widget of their own
// (the schedule editor, the drawing buttons) use the panel's element marked data-widget="key". sync() then asks
// the core for the state of every control for the spec now (value, applies and why not, bounds in force) and shows
// it. Every control change goes through run.tryChange, so the core validates it and the link describes what runs.
// Nothing of a key — default, range, step, label, rule — is written in this file or in index.html.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;
  var controls = {};   // key → {el: field element, input, range, seg, kind}

  // ---- building ----

  function build() {
    var schema = L.spec.schema(), keys = schema.keys.filter(function (k) { return k.kind === "spec"; });
    document.querySelectorAll("[data-groups]").forEach(function (form) {
      var groups = form.getAttribute("data-groups").split(" "), omit = (form.getAttribute("data-omit") || "").split(" ");
      var bare = form.hasAttribute("data-bare"), first = true;
      groups.forEach(function (g) {
        var mine = keys.filter(function (k) { return k.group === g && omit.indexOf(k.name) < 0; });
        if (!mine.length) return;
        // a panel with several groups heads each further group with its label (Modern gains, Read-out …)
        if (!first && !bare) {
          var h = document.createElement("div");
          h.className = "group-head";
          h.setAttribute("data-group", g);
          h.textContent = schema.groups.filter(function (x) { return x.name === g; })[0].label;
          form.appendChild(h);
        }
        first = false;
        mine.forEach(function (k) {
          var widget = form.querySelector('[data-widget="' + k.name + '"]');
          var el = widget || makeControl(k, bare);
          if (!el) return;
          el.setAttribute("data-key", k.name);
          el.setAttribute("data-group", g);
          form.appendChild(el);
          if (!controls[k.name]) controls[k.name] = { el: el, kind: widget ? "widget" : el.getAttribute("data-kind") };
        });
      });
    });
  }

  // One control for a key: a segmented choice, a select, a slider with a number box, a number box or a text box.
  function makeControl(k, bare) {
    if (k.type === "schedule" || k.type === "picture") return null;   // only as a widget of the page
    var el = document.createElement("div"), id = "c-" + k.name;
    el.className = "field";
    if (k.type === "choice") {
      el.className += " choice";
      el.setAttribute("data-kind", "choice");
      var seg = document.createElement("div");
      seg.className = bare ? "model-switch" : "seg";
      seg.id = id;
      seg.setAttribute("role", "radiogroup");
      seg.setAttribute("aria-label", k.label);
      k.choices.forEach(function (c) {
        var b = document.createElement("button");
        b.type = "button";
        b.setAttribute("role", "radio");
        b.setAttribute("data-value", c.value);
        b.textContent = c.label;
        b.addEventListener("click", function () { choose(k.name, c.value, b); });
        seg.appendChild(b);
      });
      // the WAI-ARIA radio group's keys: one Tab stop (the chosen value, see sync), the arrow keys choose the next or
      // previous value round the ends (and stay here: → does not step the run). An arrow only chooses: it opens no
      // dialog (see choose); Enter and Space click the focused value like the mouse.
      seg.addEventListener("keydown", function (ev) {
        if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.shiftKey) return;
        var d = ev.key === "ArrowRight" || ev.key === "ArrowDown" ? 1 : ev.key === "ArrowLeft" || ev.key === "ArrowUp" ? -1 : 0;
        var bs = Array.prototype.filter.call(seg.querySelectorAll("[role=radio]"), function (b) { return !b.disabled; });
        var at = bs.indexOf(document.activeElement);
        if (!d || at < 0) return;
        ev.preventDefault();
        var next = bs[(at + d + bs.length) % bs.length];
        next.focus();
        choose(k.name, next.getAttribute("data-value"), next, true);
      });
      if (!bare) el.appendChild(labelRow(k, null));
      el.appendChild(seg);
      if (bare) {
        // a bare choice (the model switch in the transport bar): its help as a tooltip
        seg.setAttribute("data-kind", "choice");
        seg.setAttribute("data-help", k.help);
        seg.title = k.label + ": " + k.help;
        return seg;
      }
      return el;
    }
    var input = document.createElement("input");
    input.id = id;
    input.setAttribute("data-control", k.name);
    if (k.type === "int" || k.type === "number") {
      input.type = "number";
      input.inputMode = k.type === "int" ? "numeric" : "decimal";
      input.step = k.step != null ? String(k.step) : "any";
      if (k.typicalMin != null && k.typicalMax != null) {
        el.className += " slider";
        el.setAttribute("data-kind", "slider");
        var range = document.createElement("input");
        range.type = "range";
        range.id = id + "-range";
        range.setAttribute("data-range", k.name);
        range.setAttribute("aria-label", k.label + " (typical range)");
        if (k.scale === "log") {
          range.min = String(Math.log10(k.typicalMin));
          range.max = String(Math.log10(k.typicalMax));
          range.step = "any";
        } else {
          range.min = String(k.typicalMin);
          range.max = String(k.typicalMax);
          range.step = k.step != null ? String(k.step) : "any";
        }
        el.appendChild(labelRow(k, input));
        el.appendChild(range);
        // the slider covers the typical range and shows its value while dragging; the box takes the full range
        range.addEventListener("input", function () { input.value = fromSlider(k, range); });
        range.addEventListener("change", function () { send(k.name, fromSlider(k, range), range); });
      } else {
        el.setAttribute("data-kind", "number");
        el.appendChild(labelRow(k, null));
        el.appendChild(input);
      }
    } else {
      el.setAttribute("data-kind", "text");
      input.type = "text";
      input.spellcheck = false;
      input.autocapitalize = "characters";
      el.className += " wide";
      el.appendChild(labelRow(k, null));
      el.appendChild(input);
    }
    input.addEventListener("change", function () { send(k.name, input.value.trim(), input); });
    return el;
  }

  // Label, unit, an optional value box on the same line (sliders), and a help button that shows the key's help.
  function labelRow(k, box) {
    var row = document.createElement("div");
    row.className = "label-row";
    var lab = document.createElement("label");
    lab.textContent = k.label;
    if (box || k.type !== "choice") lab.htmlFor = "c-" + k.name;
    if (k.unit) {
      var u = document.createElement("span");
      u.className = "unit";
      u.textContent = k.unit;
      lab.appendChild(u);
    }
    row.appendChild(lab);
    var help = document.createElement("button");
    help.type = "button";
    help.className = "help-btn";
    help.textContent = "?";
    help.setAttribute("aria-label", "What is " + k.label + "?");
    help.setAttribute("aria-expanded", "false");
    help.addEventListener("click", function () {
      var field = row.parentNode, open = !field.classList.contains("open");
      field.classList.toggle("open", open);
      help.setAttribute("aria-expanded", String(open));
    });
    row.appendChild(help);
    if (box) { box.classList.add("box"); row.appendChild(box); }
    var text = document.createElement("p");
    text.className = "help-text";
    text.id = "help-" + k.name;
    text.textContent = k.help;
    row.appendChild(text);
    return row;
  }

  // Slider position → value: linear, or 10^position on a log scale (shown with 2–3 significant digits).
  function fromSlider(k, range) {
    var x = Number(range.value);
    if (k.scale !== "log") return range.value;
    var v = Math.pow(10, x);
    return String(Number(v.toPrecision(v < 1 ? 2 : 3)));
  }

  function toSlider(k, value) {
    return k.scale === "log" ? String(Math.log10(Number(value))) : String(value);
  }

  function send(key, value, el) {
    var ch = {};
    ch[key] = key === "chars" ? value.toUpperCase() : value;   // glyphs are capitals; typing lower case is fine
    L.run.tryChange(ch, el);
  }

  // A choice. Clicked (the mouse, a finger, Enter or Space), a drawn choice opens the drawing dialog: it needs a picture.
  // Reached with an arrow key it only chooses (WCAG 3.2.2: choosing a value opens nothing): it goes to the core like
  // any value (a drawn start with the last cue drawn for this N, when there is one), and when nothing is drawn the core
  // refuses it; its message is shown by the choice, with the way to draw, and the run stays as it was.
  function choose(key, value, el, arrowed) {
    var ch = {};
    ch[key] = value;
    if (key === "mem" && value === "custom" && !arrowed) { L.memories.openDraw(); return; }
    if (key === "x0" && value === "drawn") {
      var cue = L.spec.cueFor(S.st);
      // a drawn start needs a picture: the last one drawn for this N comes back, else draw one first
      if (!cue && !arrowed) { L.memories.openCue({ start: true }); return; }
      if (cue && !S.st.values.cuepat) ch.cuepat = cue;
    }
    if (!arrowed) { L.run.tryChange(ch, el); return; }
    L.run.tryChange(function () {
      try { return L.spec.change(ch); } catch (e) {
        var drawn = key === "mem" && value === "custom" || key === "x0" && value === "drawn";
        throw drawn ? { message: e.message.replace(/\.?$/, ". ") + "Enter or Space on “" + L.spec.choiceLabel(key, value) + "” opens the drawing.", key: e.key } : e;
      }
    }, el);
  }

  // ---- showing the spec ----

  function sync() {
    var st = S.st;
    Object.keys(controls).forEach(function (name) {
      var c = controls[name], k = st.keys[name];
      if (!k) return;
      // the page's own widgets stay: the drawing buttons are how a picture key comes to apply
      if (c.kind === "widget") return;
      c.el.classList.toggle("na", !k.applies);
      c.el.title = k.applies ? "" : k.label + ": " + k.whyNot;
      // a key that does not apply shows the value an edit would give it when it starts to apply
      var shown = k.applies || k.editDefault == null ? k.value : k.editDefault;
      if (c.kind === "choice") {
        var radios = c.el.querySelectorAll("[data-value]"), any = false;
        radios.forEach(function (b) {
          var on = b.getAttribute("data-value") === shown;
          b.classList.toggle("on", on);
          b.setAttribute("aria-checked", on ? "true" : "false");
          if (b.tabIndex !== (on ? 0 : -1)) b.tabIndex = on ? 0 : -1;   // the group's one Tab stop
          any = any || on;
        });
        if (!any && radios.length && radios[0].tabIndex !== 0) radios[0].tabIndex = 0;
        return;
      }
      var input = c.el.querySelector("[data-control]");
      setBounds(input, k);
      setVal(input, shown);
      var range = c.el.querySelector("[data-range]");
      if (range && document.activeElement !== range) range.value = toSlider(L.spec.keyInfo(name), shown);
    });
    // a group heading shows while one of its keys does
    document.querySelectorAll(".group-head").forEach(function (h) {
      var g = h.getAttribute("data-group");
      h.classList.toggle("na", !Object.keys(controls).some(function (n) { return st.keys[n] && st.keys[n].group === g && st.keys[n].applies; }));
    });
    syncCue(st);
    var cmp = L.spec.compareSpec(S.spec);
    $("compare-label").textContent = cmp ? "Compare with " + L.modelName(L.spec.state(cmp).values.model)
      : "Compare (not for " + L.modelName(st.values.model) + ")";
    $("compare").disabled = !cmp || L.link.isLocked("compare");
    L.schedule.render();
    var match = S.presets.filter(function (p) { return p.spec === S.spec; })[0];
    $("preset").value = match ? match.name : "";
    $("preset").title = $("preset").selectedOptions.length ? $("preset").selectedOptions[0].textContent : "";   // shortened on a phone
    $("preset-desc").textContent = match ? match.description : "Your own experiment — copy the link to share it exactly.";
    L.link.applyTeacher();
  }

  // The bounds in force for this spec (p ≤ n, pulse ≤ t, …); an open end is left to the core's message.
  function setBounds(input, k) {
    if (k.min != null && !k.minOpen) input.min = String(k.min); else input.removeAttribute("min");
    if (k.max != null && !k.maxOpen) input.max = String(k.max); else input.removeAttribute("max");
    var range = (k.min == null ? "" : (k.minOpen ? "> " : "≥ ") + V.fmt(k.min, 6))
      + (k.min != null && k.max != null ? " and " : "") + (k.max == null ? "" : (k.maxOpen ? "< " : "≤ ") + V.fmt(k.max, 6));
    input.title = range ? "allowed: " + range + (k.rule ? " (" + k.rule + ")" : "") : "";
  }

  // The "Draw a cue…" button shows the cue in use (a thumbnail) and is off when N is not a square picture.
  function syncCue(st) {
    var n = Number(st.values.n), side = L.memories.cueSide(n), cue = st.values.cuepat ? L.spec.unpackCue(st.values.cuepat, n) : null;
    $("open-cue").disabled = !side;
    $("open-cue").title = side ? "Draw a partial or noisy picture: the network completes it" : "A cue is drawn on a square picture: N must be a square number";
    $("open-cue-label").textContent = cue ? "Edit the drawn cue…" : "Draw a cue…";
    $("cue-thumb").hidden = !cue;
    $("open-cue").classList.toggle("has-cue", !!cue);
    if (cue) {
      var lv = new Uint8Array(n);
      for (var i = 0; i < n; i++) lv[i] = cue[i] > 0 ? 255 : 0;
      V.drawPicture($("cue-thumb"), lv, n, side);
    }
  }

  // Never overwrite the field the user is typing in.
  function setVal(el, v) { if (document.activeElement !== el) el.value = v; }

  function fillPresets() {
    var html = ['<option value="">Custom experiment</option>'];
    S.presets.forEach(function (p, i) { html.push('<option value="' + p.name + '">' + (i + 1) + ". " + V.esc(p.title) + "</option>"); });
    $("preset").innerHTML = html.join("");
  }

  function wire() {
    build();
    // A preset opens with the view that suits it (the energy landscape for the energy preset), unless compare is on.
    $("preset").addEventListener("change", function () {
      var name = $("preset").value;
      if (!name) return;
      var spec = L.core.presetSpec(name);
      if (!L.run.userSpec(spec, $("preset"), null, "The preset “" + $("preset").selectedOptions[0].textContent + "”")) return;
      if (document.body.getAttribute("data-notice") !== "info") L.notice(null);
      if (!S.compare) { S.view.view = ""; L.side.selectTab(L.core.naturalView(spec) || "theory"); L.link.publishSpec(); }
    });
    $("spec-text").addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      var c = L.core.canonical($("spec-text").value.trim());
      if (!c) { L.fieldError($("spec-text"), L.core.lastError() + (L.core.lastErrorKey() ? " (key " + L.core.lastErrorKey() + ")" : "")); return; }
      L.fieldError(null);
      if (c !== S.spec) L.run.userSpec(c, $("spec-text"), null, "This spec");
    });
    $("notice-close").addEventListener("click", function () { L.notice(null); });
  }

  L.controls = { sync: sync, fillPresets: fillPresets, wire: wire };
})(window.HLab = window.HLab || {});
