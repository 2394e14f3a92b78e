// The input schedule: the window editor (the spec's in= key, one row per window) and "switch the input now",
// which cuts the schedule at the current step and appends a window, so the switch stays reproducible by link.
// The windows, their kinds and every edit come from the core (schedule, windowKinds, scheduleEdit/Add/Remove/
// Switch, useCue): the window grammar is not written here.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  function render() {
    var list = L.spec.windows(S.spec), kinds = L.spec.windowKinds(), html = [];
    list.forEach(function (w, i) {
      var kind = kinds.filter(function (k) { return k.code === w.code; })[0] || { takes: "" };
      var opts = kinds.map(function (k) {
        return '<option value="' + k.code + '" title="' + V.esc(k.help) + '"' + (k.code === w.code ? " selected" : "") + ">" + V.esc(k.label) + "</option>";
      }).join("");
      var arg = kind.takes === "memory"
        ? '<input class="w-mu" type="number" value="' + w.memory + '" aria-label="memory" style="--c:' + V.memColor(w.memory - 1) + '">'
        : kind.takes === "weights"
          ? '<input class="w-weights" type="text" value="' + V.esc(w.weights.join(" ")) + '" aria-label="weights, one per memory" spellcheck="false">'
          : kind.takes === "picture"
            ? '<button type="button" class="w-cue" title="Edit the drawn cue" aria-label="edit the drawn cue"><canvas width="30" height="30" aria-hidden="true"></canvas></button>'
            : '<span class="w-gap"></span>';
      html.push('<div class="win' + (kind.takes === "weights" ? " has-weights" : "") + '" data-i="' + i + '">'
        + '<label class="field inline"><span>from t</span><input type="number" step="any" class="w-start" value="' + w.start + '"' + (i === 0 ? " disabled" : "") + "></label>"
        + '<select class="w-kind" aria-label="input kind">' + opts + "</select>" + arg
        + (list.length > 1 ? '<button type="button" class="icon-btn w-del" aria-label="remove window">×</button>' : "<span></span>")
        + "</div>");
    });
    $("schedule").innerHTML = html.join("");
    var n = Number(S.st.values.n), cue = S.st.values.cuepat ? L.spec.unpackCue(S.st.values.cuepat, n) : null;
    if (cue) {
      var lv = new Uint8Array(n);
      for (var i = 0; i < n; i++) lv[i] = cue[i] > 0 ? 255 : 0;
      $("schedule").querySelectorAll(".w-cue canvas").forEach(function (c) { V.drawPicture(c, lv, n, L.memories.cueSide(n)); });
    }
  }

  function buildSwitchButtons(s) {
    var html = [];
    for (var mu = 0; mu < Math.min(s.info.p, 16); mu++) {
      html.push('<button type="button" class="chip" data-what="d' + (mu + 1) + '" style="--c:' + V.memColor(mu) + '">ξ' + (mu + 1) + "</button>");
    }
    if (S.st.values.cuepat) html.push('<button type="button" class="chip cue-chip" data-what="p" title="Feed the drawn cue from now on">drawn cue</button>');
    html.push('<button type="button" class="chip off" data-what="off">off</button>');
    $("switch-buttons").innerHTML = html.join("");
  }

  // what: the input of the new window ("d3": memory 3 dominant, "p", "off"), as the chips and memory tiles carry it.
  // Windows from the current step on are replaced (by the core). el: the chip or tile clicked (where a lock is
  // explained).
  function switchInput(what, el) {
    var s = S.slots[0];
    if (!s || !s.frame) return;
    if (L.link.isLocked("in") || L.link.isLocked("switch")) {
      L.lockNote(el || $("switch-buttons"), "Switching the input is locked in this exercise: the teacher fixed the input schedule, so clicking a "
        + (el && el.closest("#gallery") ? "memory" : "chip") + " does not change it. Nothing was changed.");
      document.body.setAttribute("data-lock-refused", L.link.isLocked("in") ? "in" : "switch");
      return;
    }
    var step = s.frame.step;
    if (step >= s.info.total) { L.toast("The run has ended: reset to replay it, or make T longer."); return; }
    var spec;
    try { spec = L.spec.ask("scheduleSwitch", S.spec, s.frame.time, what); } catch (e) { L.notice(V.esc(e.message), "error"); return; }
    if (!L.run.userSpec(spec, el || $("switch-buttons"), { toStep: step, keepPlaying: S.playing }, "Switching the input")) return;
    var w = L.spec.windows(spec), last = w[w.length - 1], at = V.fmt(last.start, 6);
    L.toast(last.code === "off" ? "Input off from t = " + at : last.code === "p" ? "Input now feeds the drawn cue from t = " + at
      : "Input now drives ξ" + last.memory + " from t = " + at);
  }

  // One field of a window row changed: the core edits that field of that window.
  function editRow(row, field, value, el) {
    var i = Number(row.getAttribute("data-i"));
    // a drawn-cue window needs a picture: the last one drawn for this N, else draw one first
    if (field === "kind" && value === "p" && !S.st.values.cuepat) {
      var cue = L.spec.cueFor(S.st);
      if (!cue) { if (!L.memories.openCue({ index: i })) L.controls.sync(); return; }
      L.run.tryChange(function () { return L.spec.ask("useCue", S.spec, cue, S.st.values.x0 === "drawn" ? 1 : 0, 1, NaN, i); }, el);
      return;
    }
    L.run.tryChange(function () { return L.spec.ask("scheduleEdit", S.spec, i, field, value); }, el);
  }

  var FIELDS = { "w-start": "start", "w-kind": "kind", "w-mu": "memory", "w-weights": "weights" };

  function wire() {
    $("schedule").addEventListener("change", function (ev) {
      var cls = Object.keys(FIELDS).filter(function (c) { return ev.target.classList.contains(c); })[0];
      if (cls) editRow(ev.target.closest(".win"), FIELDS[cls], ev.target.value.trim(), ev.target);
    });
    $("schedule").addEventListener("click", function (ev) {
      if (ev.target.closest(".w-cue")) { L.memories.openCue(); return; }
      if (!ev.target.classList.contains("w-del")) return;
      var i = Number(ev.target.closest(".win").getAttribute("data-i"));
      L.run.tryChange(function () { return L.spec.ask("scheduleRemove", S.spec, i); }, $("schedule"));
    });
    // a new window halfway between the last one and the end, driving the next memory (the core picks both)
    $("add-window").addEventListener("click", function () {
      L.run.tryChange(function () { return L.spec.ask("scheduleAdd", S.spec, NaN, ""); }, $("add-window"), "Adding a window");
    });
    $("switch-buttons").addEventListener("click", function (ev) { var b = ev.target.closest("button"); if (b) switchInput(b.dataset.what, b); });
  }

  L.schedule = { render: render, buildSwitchButtons: buildSwitchButtons, switchInput: switchInput, wire: wire };
})(window.HLab = window.HLab || {});
