// What the student sees of an exercise: the panel beside the lab (title, instructions, one card per task with its
// answer field, a Check button, the grading progress and the feedback), and the message shown instead when an
// exercise cannot be opened. Pure DOM: it builds HTML from the core's view and verdict JSON; every text that came
// from the exercise goes through exercise-text.js (Markdown + sanitizer), every other text is escaped.
(function (L) {
  "use strict";

  var esc = function (s) { return L.V.esc(s == null ? "" : s); };
  var T = function () { return L.extext; };

  var KIND = { numeric: "Number", choice: "Multiple choice", make: "Make it happen", draw: "Draw a cue" };
  var HEAD = { right: "Right", wrong: "Not yet", refused: "Not graded", error: "This task cannot be graded" };

  function statusText(rec) {
    if (!rec || !rec.status) return rec && rec.verdict && rec.verdict.verdict === "refused" ? "Not graded yet" : "Not tried";
    var tries = rec.tries || 0;
    if (rec.status === "right") return "Solved" + (tries > 1 ? " · " + tries + " tries" : "");
    return "Not yet · " + tries + (tries === 1 ? " try" : " tries");
  }

  function head(m) {
    var solved = m.view.tasks.filter(function (t) { var r = m.progress.tasks[t.id]; return r && r.status === "right"; }).length;
    var total = m.view.tasks.length;
    return '<header class="ex-head">'
      + '<div class="ex-kicker"><span>' + esc(m.kicker) + '</span>'
      + '<button type="button" class="ex-collapse icon-btn" data-ex="collapse" aria-expanded="true" title="Show or hide the exercise">'
      + '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="m6 15 6-6 6 6"/></svg></button></div>'
      + '<h2 class="ex-title">' + esc(m.view.title) + '</h2>'
      + '<div class="ex-meter" role="progressbar" aria-label="Tasks solved" aria-valuemin="0" aria-valuemax="' + total + '" aria-valuenow="' + solved
      + '" aria-valuetext="' + solved + ' of ' + total + ' tasks solved">'
      + '<div class="ex-meter-bar"><span data-pct="' + Math.round(100 * solved / total) + '"></span></div>'
      + '<span class="ex-meter-text">' + solved + ' of ' + total + ' solved</span></div>'
      + '<div class="ex-tools">'
      + '<button type="button" class="btn small" data-ex="export-json" title="Save this exercise as a JSON file (to edit, send or grade with the CLI)">'
      + '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 4v11m0 0 4-4m-4 4-4-4M5 19h14"/></svg>JSON file</button>'
      + '<button type="button" class="btn small" data-ex="export-link" title="Copy a compact link that opens this exercise, also offline">'
      + '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"/></svg>Exercise link</button>'
      + '<a class="btn small ex-leave" href="' + esc(m.freeLabHref) + '" title="The lab without this exercise">Leave</a>'
      + '</div></header>';
  }

  function answerField(t, m) {
    var draft = m.drafts[t.id];
    var busy = m.grading ? " disabled" : "";
    if (t.kind === "numeric") {
      return '<label class="ex-answer"><span>Your answer</span>'
        + '<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" class="ex-number" data-task="' + esc(t.id) + '"'
        + ' value="' + esc(draft == null ? "" : draft) + '" placeholder="a number, e.g. 0.25"' + busy + '></label>';
    }
    if (t.kind === "choice") {
      return '<fieldset class="ex-choices"><legend class="sr-only">Choices</legend>' + t.choices.map(function (c) {
        return '<label class="ex-choice"><input type="radio" name="ex-choice-' + esc(t.id) + '" value="' + esc(c.id) + '"'
          + (draft === c.id ? " checked" : "") + busy + '><span class="ex-choice-id">' + esc(c.id) + '</span><span>' + T().inline(c.text) + '</span></label>';
      }).join("") + '</fieldset>';
    }
    if (t.kind === "draw") {
      return freeKeys(t, m) + '<div class="ex-draw">'
        + '<button type="button" class="btn" data-ex="draw"' + busy + '><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4"/></svg>Open the drawing tool</button>'
        + budget(t, m) + '</div>';
    }
    return freeKeys(t, m);
  }

  // The live parts of a make or draw card: the free keys with their values now, and the drawn cue's pixel budget.
  function freeKeys(t, m) {
    // the free keys that apply to the spec now (a drawn start has no mask); the drawn cue has its own button
    var keys = t.free.filter(function (k) { return k in m.values && !(t.kind === "draw" && k === "cuepat"); });
    return '<p class="ex-free"><span class="ex-label">You may change</span> ' + (keys.length ? keys.map(function (k) {
      var v = m.values[k];
      return '<span class="ex-key">' + esc(m.keyLabel(k)) + (v != null && v !== "" ? ' <b>= ' + esc(shortValue(v)) + '</b>' : "") + '</span>';
    }).join(" ") : t.kind === "draw" ? "the drawn cue" : "nothing: run it as it is") + '</p>';
  }

  function budget(t, m) {
    var ink = m.inked, max = t.maxPixels, over = ink > max;
    return '<div class="ex-budget' + (over ? " over" : "") + '" data-inked="' + ink + '">'
      + '<div class="ex-budget-bar"><span data-pct="' + Math.min(100, Math.round(100 * ink / Math.max(1, max))) + '"></span></div>'
      + '<span><b>' + ink + '</b> of at most ' + max + ' pixels inked' + (over ? " — too many" : "") + '</span></div>';
  }

  // After a change in the lab only these parts are redrawn: the buttons the student may be pressing stay put.
  function updateLive(aside, m) {
    var card = aside.querySelector(".ex-task.open"), t = m.view.tasks.filter(function (x) { return x.id === m.current; })[0];
    if (!card || !t || (t.kind !== "make" && t.kind !== "draw")) return;
    var free = card.querySelector(".ex-free"), b = card.querySelector(".ex-budget");
    if (free) free.outerHTML = freeKeys(t, m);
    if (b) { b.outerHTML = budget(t, m); widths(card); }
  }

  function shortValue(v) { v = String(v); return v.length > 28 ? v.substring(0, 26) + "…" : v; }

  var CHECK = { numeric: "Check my answer", choice: "Check my answer", make: "Check my experiment", draw: "Check my drawing" };

  function taskCard(t, i, m) {
    var rec = m.progress.tasks[t.id], open = t.id === m.current, status = rec && rec.status || "";
    var grading = m.grading && m.grading.task === t.id;
    var h = '<li class="ex-task' + (open ? " open" : "") + '" data-task="' + esc(t.id) + '" data-status="' + esc(status || "none") + '">'
      + '<button type="button" class="ex-task-head" data-ex="open" aria-expanded="' + open + '">'
      + '<span class="ex-num">' + (status === "right" ? "✓" : i + 1) + '</span>'
      + '<span class="ex-task-kind">' + esc(KIND[t.kind] || t.kind) + '</span>'
      + '<span class="ex-status">' + esc(statusText(rec)) + '</span></button>';
    if (!open) return h + '<div class="ex-task-peek">' + T().inline(firstLine(t.prompt)) + '</div></li>';
    h += '<div class="ex-task-body">'
      + '<div class="ex-prompt ex-md">' + T().block(t.prompt) + '</div>'
      + answerField(t, m)
      + (t.asked && t.kind !== "choice" ? '<p class="ex-asked"><span class="ex-label">' + (t.kind === "numeric" ? "Asked for" : "Graded on") + '</span> ' + esc(t.asked) + '</p>' : "")
      + '<div class="ex-actions">'
      + '<button type="button" class="btn primary ex-check" data-ex="check"' + (m.grading ? " disabled" : "") + '>' + CHECK[t.kind] + '</button>'
      + (status === "right" && m.next ? '<button type="button" class="btn ex-next" data-ex="next" data-next="' + esc(m.next) + '">Next task →</button>' : "")
      + '</div>'
      + '<p class="ex-note" role="status">' + esc(m.notes[t.id] || "") + '</p>'
      + (grading ? gradingBar(m.grading.progress) : "")
      + (rec && rec.verdict && !grading ? feedback(rec.verdict) : "")
      + (rec ? '<button type="button" class="ex-reset" data-ex="reset" title="Forget the tries and answers of this task and start it again"' + (m.grading ? " disabled" : "") + '>'
        + '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 12a8 8 0 1 0 3-6.2M4 4v4h4"/></svg>Reset this task</button>' : "")
      + '</div></li>';
    return h;
  }

  function firstLine(text) { var s = String(text || "").split("\n")[0]; return s.length > 110 ? s.substring(0, 108) + "…" : s; }

  function gradingBar(progress) {
    var pct = Math.round(100 * (progress || 0));
    return '<div class="ex-grading" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="' + pct + '">'
      + '<div class="ex-grading-bar"><span data-pct="' + pct + '"></span></div>'
      + '<span class="ex-grading-text">Running the trials in your browser… <b>' + pct + ' %</b></span></div>';
  }

  // The verdict explains itself: what was asked, what the run did (one line per check), the hint after a wrong try.
  function feedback(v) {
    var kind = v.verdict in HEAD ? v.verdict : "error", title = HEAD[kind], summary = String(v.summary || "");
    // the core's summary starts with its own short verdict ("Not this one: (b) …"): that becomes the title
    var cut = /^([^:]{2,16}):\s+(.+)$/.exec(summary);
    if (cut) { title = cut[1]; summary = cut[2].charAt(0).toUpperCase() + cut[2].substring(1); }
    var h = '<div class="ex-fb ex-fb-' + kind + '" data-verdict="' + kind + '">'
      + '<div class="ex-fb-head"><span class="ex-fb-icon" aria-hidden="true"></span><div><b class="ex-fb-title">' + esc(title) + '</b>'
      + '<p class="ex-fb-summary">' + esc(summary) + '</p></div></div>';
    // a choice's "asked" lists the choices, which the card shows right above
    if (v.asked && kind !== "refused" && v.kind !== "choice") h += '<div class="ex-fb-part"><span class="ex-label">What was asked</span><p class="ex-fb-asked">' + esc(v.asked) + '</p></div>';
    if (v.observed) {
      var lines = String(v.observed).split("\n"), title = "What the run did", rest = [];
      lines.forEach(function (line) {
        if (/^What the run did:?$/.test(line.trim())) return;
        rest.push(line);
      });
      h += '<div class="ex-fb-part ex-fb-observed"><span class="ex-label">' + title + '</span><ul>' + rest.map(function (line) {
        var mark = line.charAt(0);
        if (mark === "✓" || mark === "✗") {
          return '<li class="' + (mark === "✓" ? "ok" : "bad") + '"><span class="ex-mark" aria-label="' + (mark === "✓" ? "met" : "not met") + '">' + mark + '</span>'
            + esc(line.substring(1).trim()) + '</li>';
        }
        return '<li class="plain">' + esc(line) + '</li>';
      }).join("") + '</ul></div>';
    }
    if (v.hint) h += '<div class="ex-hint"><svg class="ex-hint-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z"/></svg><div><span class="ex-label">Hint</span><p>' + T().inline(v.hint) + '</p></div></div>';
    return h + '</div>';
  }

  function render(aside, m) {
    aside.className = "ex" + (m.collapsed ? " collapsed" : "");
    aside.innerHTML = head(m)
      + '<div class="ex-body">'
      + '<section class="ex-instructions ex-md" aria-label="Instructions">' + T().block(m.view.instructions) + '</section>'
      + '<ol class="ex-tasks" aria-label="Tasks">' + m.view.tasks.map(function (t, i) { return taskCard(t, i, m); }).join("") + '</ol>'
      + '<p class="ex-foot">Graded in this browser by the same Java core as the command line and the server: the same answer gets the same verdict everywhere, also offline.</p>'
      + '</div>';
    aside.querySelector(".ex-collapse").setAttribute("aria-expanded", String(!m.collapsed));
    widths(aside);
  }

  // Bar widths through the CSSOM, not style attributes in the markup (a strict style-src CSP refuses those).
  function widths(root) {
    root.querySelectorAll("[data-pct]").forEach(function (el) { el.style.width = el.getAttribute("data-pct") + "%"; });
  }

  // Only the grading bar moves while the trials run (no re-render: the student may be reading the card).
  function setGradingProgress(aside, progress) {
    var bar = aside.querySelector(".ex-grading");
    if (!bar) return;
    var pct = Math.round(100 * progress);
    bar.setAttribute("aria-valuenow", String(pct));
    bar.querySelector(".ex-grading-bar span").style.width = pct + "%";
    bar.querySelector(".ex-grading-text b").textContent = pct + " %";
  }

  function renderProblem(aside, message, where, freeLabHref) {
    aside.className = "ex ex-problem";
    aside.innerHTML = '<header class="ex-head"><div class="ex-kicker"><span>Exercise</span></div>'
      + '<h2 class="ex-title">This exercise cannot be opened</h2></header>'
      + '<div class="ex-body"><div class="ex-fb ex-fb-error" data-verdict="unreadable"><div class="ex-fb-head"><span class="ex-fb-icon" aria-hidden="true"></span>'
      + '<div><p class="ex-problem-message">' + esc(message) + '</p>'
      + (where && String(message).indexOf(where + ":") !== 0 ? '<p class="ex-problem-where"><span class="ex-label">Where</span> <code>' + esc(where) + '</code></p>' : "")
      + '</div></div></div>'
      + '<p class="ex-foot">Nothing of this exercise was run: the lab beside it is the ordinary lab. Ask for a new link or file, or pick an exercise of the course (menu <b>Course</b> at the top).</p>'
      + '<p><a class="btn small" href="' + esc(freeLabHref) + '">Close this message</a></p></div>';
  }

  L.exview = { render: render, updateLive: updateLive, renderProblem: renderProblem, setGradingProgress: setGradingProgress, feedback: feedback };
})(window.HLab = window.HLab || {});
