// The input schedule: the window editor (the spec's in= key, one row per window) and "switch the input now",
// which cuts the schedule at the current step and appends a window, so the switch stays reproducible by link.
(function (L) {
  "use strict";

  var S = L.S, V = L.V, $ = L.$;

  function items() { return (S.kv["in"] || "").split(",").filter(Boolean); }

  function render() {
    var list = items(), p = Number(S.kv.p), html = [];
    list.forEach(function (it, i) {
      var parts = it.split(":"), start = parts[0], what = parts[1] || "off";
      var kind = what === "off" ? "off" : what.charAt(0), arg = what === "off" ? "" : what.substring(1);
      var opt = function (v, label) { return '<option value="' + v + '"' + (kind === v ? " selected" : "") + ">" + label + "</option>"; };
      html.push('<div class="win" data-i="' + i + '">'
        + '<label class="field inline"><span>from t</span><input type="number" step="any" min="0" class="w-start" value="' + V.esc(start) + '"' + (i === 0 ? " disabled" : "") + "></label>"
        + '<select class="w-kind" aria-label="input kind">' + opt("d", "dominant ξ") + opt("c", "cue of ξ") + opt("w", "weights") + opt("p", "drawn") + opt("off", "off") + "</select>"
        + (kind === "d" || kind === "c" ? '<input class="w-mu" type="number" min="1" max="' + p + '" value="' + V.esc(arg) + '" aria-label="memory" style="--c:' + V.memColor(Number(arg) - 1) + '">'
          : kind === "w" ? '<input class="w-weights" type="text" value="' + V.esc(arg.replace(/_/g, " ")) + '" aria-label="weights, one per memory" spellcheck="false">'
          : kind === "p" ? '<button type="button" class="w-cue" title="Edit the drawn cue" aria-label="edit the drawn cue"><canvas width="30" height="30"></canvas></button>' : '<span class="w-gap"></span>')
        + (list.length > 1 ? '<button type="button" class="icon-btn w-del" aria-label="remove window">×</button>' : "<span></span>")
        + "</div>");
    });
    $("schedule").innerHTML = html.join("");
    var n = Number(S.kv.n), cue = S.kv.cuepat ? L.spec.unpackCue(S.kv.cuepat, n) : null;
    if (cue) {
      var lv = new Uint8Array(n);
      for (var i = 0; i < n; i++) lv[i] = cue[i] > 0 ? 255 : 0;
      $("schedule").querySelectorAll(".w-cue canvas").forEach(function (c) { V.drawPicture(c, lv, n, L.memories.cueSide(n)); });
    }
  }

  // The editor's rows back into an in= value.
  function fromEditor() {
    var out = [], p = Number(S.kv.p);
    $("schedule").querySelectorAll(".win").forEach(function (r) {
      var start = r.querySelector(".w-start").value || "0", kind = r.querySelector(".w-kind").value, what;
      if (kind === "off" || kind === "p") what = kind;
      else if (kind === "w") {
        var wi = r.querySelector(".w-weights");
        var vals = wi ? wi.value.trim().split(/[\s,_;]+/).filter(Boolean) : [];
        if (!vals.length) for (var k = 0; k < p; k++) vals.push(k === 0 ? "1.5" : "1");   // a first guess: ξ1 leads
        what = "w" + vals.join("_");
      } else {
        var mi = r.querySelector(".w-mu");
        what = kind + (mi && mi.value ? mi.value : "1");
      }
      out.push(start + ":" + what);
    });
    return out.join(",");
  }

  function buildSwitchButtons(s) {
    var html = [];
    for (var mu = 0; mu < Math.min(s.info.p, 16); mu++) {
      html.push('<button type="button" class="chip" data-what="d' + (mu + 1) + '" style="--c:' + V.memColor(mu) + '">ξ' + (mu + 1) + "</button>");
    }
    if (L.spec.cueFor(S.kv)) html.push('<button type="button" class="chip cue-chip" data-what="p" title="Feed the drawn cue from now on">drawn cue</button>');
    html.push('<button type="button" class="chip off" data-what="off">off</button>');
    $("switch-buttons").innerHTML = html.join("");
  }

  // what: "d3" (memory 3 dominant) or "off". Windows from the current step on are replaced.
  function switchInput(what) {
    var s = S.slots[0];
    if (!s || !s.frame) return;
    if (L.link.isLocked("in") || L.link.isLocked("switch")) return;
    var step = s.frame.step, at = L.spec.fmtTime(step * s.dt);
    if (step >= s.info.total) { L.toast("The run has ended: reset to replay it, or make T longer."); return; }
    var kept = items().filter(function (it) { return Math.round(Number(it.split(":")[0]) / s.dt) < step; });
    kept.push(at + ":" + what);
    var spec;
    try { spec = L.spec.changed({ "in": kept.join(",") }); } catch (e) { L.notice(V.esc(e.message), "error"); return; }
    L.toast(what === "off" ? "Input off from t = " + at : what === "p" ? "Input now feeds the drawn cue from t = " + at
      : "Input now drives ξ" + what.substring(1) + " from t = " + at);
    L.run.setSpec(spec, { toStep: step, keepPlaying: S.playing });
  }

  function wire() {
    $("schedule").addEventListener("change", function (ev) {
      if (!ev.target.matches(".w-kind, .w-start, .w-mu, .w-weights")) return;
      var inText = fromEditor();
      // a drawn-cue window with no picture yet: draw it first
      if (L.spec.hasDrawnWindow({ "in": inText }) && !L.spec.cueFor(S.kv)) { if (!L.memories.openCue({ inText: inText })) L.controls.sync(); return; }
      L.run.tryChange({ "in": inText }, ev.target);
    });
    $("schedule").addEventListener("click", function (ev) {
      if (ev.target.closest(".w-cue")) { L.memories.openCue(); return; }
      if (!ev.target.classList.contains("w-del")) return;
      ev.target.closest(".win").remove();
      L.run.tryChange({ "in": fromEditor() }, $("schedule"));
    });
    // a new window halfway between the last one and the end, driving the next memory
    $("add-window").addEventListener("click", function () {
      var list = items(), T = Number(S.kv.t), dt = Number(S.kv.dt);
      var last = Number(list[list.length - 1].split(":")[0]);
      var start = L.spec.fmtTime(Math.min(T - dt, last + Math.max(dt, (T - last) / 2)));
      var lastWhat = list[list.length - 1].split(":")[1] || "d1";
      var mu = /^[dc]\d+$/.test(lastWhat) ? (Number(lastWhat.substring(1)) % Number(S.kv.p)) + 1 : 1;
      list.push(start + ":d" + mu);
      L.run.tryChange({ "in": list.join(",") }, $("add-window"));
    });
    $("switch-buttons").addEventListener("click", function (ev) { var b = ev.target.closest("button"); if (b) switchInput(b.dataset.what); });
  }

  L.schedule = { render: render, buildSwitchButtons: buildSwitchButtons, switchInput: switchInput, wire: wire };
})(window.HLab = window.HLab || {});
