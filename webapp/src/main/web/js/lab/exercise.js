// Exercise mode of the lab: a link "#exercise=…" (or an exercise file opened or dropped, or a parent page's message)
// puts the instructions and tasks beside the lab, with the exercise's locks and hidden controls in force. The core
// decides everything about the exercise (exerciseView validates it and says what is locked; the engine grades an
// answer step by step); this module keeps the student's place and progress and wires the panel to the lab.
(function (L) {
  "use strict";

  var S = L.S, $ = L.$;
  var graded = 0;                   // verdicts shown so far (tests wait for the next one)
  var X = null;                     // the open exercise: {json, view, payload, progress, current, drafts, notes, …}
  var aside = null, gradingNow = null;

  function page() { return location.href.split(/[?#]/)[0]; }
  function active() { return !!X; }

  // The fragment that keeps the exercise in the page's URL and in copied links ("" when no exercise is open).
  function fragment() { return X ? "#exercise=" + X.payload : ""; }

  function task(id) { return X.view.tasks.filter(function (t) { return t.id === id; })[0] || null; }
  function currentTask() { return task(X.current); }
  function restrictions() { return S.view || S.ui; }   // the lab's view keys (hide, lock) by either of their names

  function changedKeys(a, b) { return String(L.core.changedKeys(a, b)).split(",").filter(Boolean); }
  function onlyFree(t, spec) {
    return !!spec && changedKeys(t.spec, spec).every(function (k) { return t.free.indexOf(k) >= 0; });
  }

  // ---- start: called by main.js with the link's spec; resolves to the spec the lab opens with ----

  function begin(linkSpec) {
    installCourseMenu();
    wireFiles();
    wireMessages();
    window.addEventListener("hashchange", function () {
      if (L.exsource.payloadOf(location.hash) !== (X ? X.payload : null)) location.reload();
    });
    var payload = L.exsource.payloadOf(location.hash);
    if (payload == null) return Promise.resolve({ spec: linkSpec });
    return L.exsource.fromPayload(payload).then(function (r) {
      return open(r.json, r.payload, location.search.length > 1 ? linkSpec : "");
    }).catch(function (e) {
      problem(e && e.message || String(e), "");
      return { spec: linkSpec, opts: { keepPlaying: false } };
    });
  }

  function open(json, payload, linkSpec) {
    var viewText = L.core.exerciseView(json);
    if (!viewText) {
      problem(String(L.core.lastError()), String(L.core.lastErrorKey() || ""));
      return { spec: linkSpec || S.spec || L.link.readLink("").spec, opts: { keepPlaying: false } };
    }
    var view = JSON.parse(viewText);
    X = { json: json, view: view, payload: payload, progress: L.exprogress.load(view.id), current: "", drafts: {}, notes: {},
      collapsed: false, seenSpec: "" };
    X.view.tasks.forEach(function (t) {
      var rec = X.progress.tasks[t.id];
      if (rec && rec.answer != null && (t.kind === "numeric" || t.kind === "choice")) X.drafts[t.id] = rec.answer;
    });
    X.current = task(X.progress.current) ? X.progress.current : view.tasks[0].id;
    var t = currentTask();
    restrict(t);
    mountPanel();
    var saved = X.progress.tasks[t.id] && X.progress.tasks[t.id].spec;
    var spec = onlyFree(t, linkSpec) ? linkSpec : onlyFree(t, saved) ? saved : t.spec;
    X.seenSpec = spec;
    document.body.setAttribute("data-exercise", view.id);
    var item = document.querySelector('.ex-course [data-course="' + view.id + '"]');
    if (item) { item.classList.add("current"); item.setAttribute("aria-current", "page"); }
    // after the lab has taken the spec (the free keys' values come from it) and the Markdown renderer has loaded
    L.extext.load().then(function () { setTimeout(render, 0); });
    return { spec: spec, opts: { keepPlaying: false } };
  }

  // ---- the exercise's locks and hidden controls, through the lab's own teacher mode ----

  function restrict(t) {
    var r = restrictions(), lock = t.locked.slice();
    var same = r.lock.length === lock.length && r.lock.every(function (k) { return lock.indexOf(k) >= 0; });
    if (!same) {
      // the lab's teacher mode only ever disables: give back what this task frees before it locks again
      document.querySelectorAll(".locked").forEach(function (el) {
        el.classList.remove("locked");
        if (/^Locked in this exercise/.test(el.title)) el.title = "";
        if (el.matches("input,select,button,textarea")) el.disabled = false;
        el.querySelectorAll("input,select,button,textarea").forEach(function (c) { c.disabled = false; });
      });
    }
    r.hide = X.view.hidden.slice();
    r.lock = lock;
  }

  // ---- the panel ----

  function mountPanel() {
    if (!aside) {
      aside = document.createElement("aside");
      aside.id = "exercise";
      aside.setAttribute("aria-label", "Exercise");
      document.querySelector("main.lab").before(aside);
      aside.addEventListener("click", onClick);
      aside.addEventListener("input", onInput);
      aside.addEventListener("change", onInput);
      aside.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" && ev.target.classList.contains("ex-number")) { ev.preventDefault(); check(X.current); }
      });
    }
    document.body.classList.add("exercise-mode");
    L.followOrder();   // beside an exercise the header has another layout (exercise.css)
  }

  function kicker() {
    var ids = String(L.core.exerciseIds()).split(","), k = ids.indexOf(X.view.id);
    if (k >= 0 && String(L.core.exerciseBuiltin(X.view.id)) === X.json) return "Course · exercise " + (k + 1) + " of " + ids.length;
    return "Exercise";
  }

  function model() {
    var t = currentTask(), kv = (S.st && S.st.values) || {}, inked = 0;
    if (t && t.kind === "draw" && kv.cuepat) inked = (String(L.core.unpackCue(kv.cuepat, Number(kv.n))).match(/\+/g) || []).length;
    return { view: X.view, progress: X.progress, current: X.current, drafts: X.drafts, notes: X.notes, grading: gradingNow,
      collapsed: X.collapsed, next: nextUnsolved(), kicker: X.kicker || (X.kicker = kicker()), values: kv, inked: inked, keyLabel: keyLabel };
  }

  // A spec key as the schema labels it ("Noise s"), from the core's key table.
  var labels = null;
  function keyLabel(key) {
    if (!labels) {
      labels = {};
      try { JSON.parse(String(L.core.schemaJson())).keys.forEach(function (k) { labels[k.name] = k.label; }); } catch (e) { /* names only */ }
    }
    return labels[key] ? labels[key] + " (" + key + ")" : key;
  }

  // The first unsolved task after the open one (wrapping around), or "" when every other task is solved.
  function nextUnsolved() {
    var ts = X.view.tasks, k = ts.indexOf(currentTask());
    for (var i = 1; i < ts.length; i++) {
      var t = ts[(k + i) % ts.length], r = X.progress.tasks[t.id];
      if (!r || r.status !== "right") return t.id;
    }
    return "";
  }

  // The panel is drawn anew on every change: the keyboard's place in it is kept (the same button, box or choice of
  // the same task), and a button that is off while the trials run (Check) gets the focus back with the verdict.
  var pendingFocus = null;

  function focusKey() {
    var a = document.activeElement;
    if (!a || a === document.body || !aside.contains(a)) return null;
    var li = a.closest("li[data-task]");
    return { task: li ? li.getAttribute("data-task") : null, ex: a.getAttribute("data-ex"),
      radio: a.type === "radio" ? a.value : null, cls: (a.className || "").split(/\s+/)[0] || null };
  }

  function restoreFocus(k) {
    if (!k) return;
    var scope = k.task ? aside.querySelector('li[data-task="' + CSS.escape(k.task) + '"]') : aside;
    var sel = k.ex ? '[data-ex="' + CSS.escape(k.ex) + '"]' : k.radio != null ? 'input[type=radio][value="' + CSS.escape(k.radio) + '"]'
      : k.cls ? "." + CSS.escape(k.cls) : null;
    var el = scope && sel ? scope.querySelector(sel) : null;
    if (el && !el.disabled) { el.focus({ preventScroll: true }); pendingFocus = null; } else pendingFocus = k;
  }

  function render() {
    if (!X || !aside) return;
    var top = aside.scrollTop;
    var keep = focusKey();
    if (!keep && pendingFocus && (!document.activeElement || document.activeElement === document.body)) keep = pendingFocus;
    L.exview.render(aside, model());
    aside.scrollTop = top;
    restoreFocus(keep);
    var rec = X.progress.tasks[X.current];
    document.body.setAttribute("data-exercise-task", X.current);
    document.body.setAttribute("data-exercise-verdict", rec && rec.verdict ? rec.verdict.verdict : "");
  }

  function problem(message, where) {
    mountPanel();
    L.exview.renderProblem(aside, message, where, page());
    document.body.setAttribute("data-exercise-problem", message);
  }

  function onInput(ev) {
    var el = ev.target;
    if (el.classList.contains("ex-number")) X.drafts[el.getAttribute("data-task")] = el.value;
    else if (el.type === "radio") X.drafts[X.current] = el.value;
    X.notes[X.current] = "";
  }

  function onClick(ev) {
    var b = ev.target.closest("[data-ex]");
    if (!b) return;
    var what = b.getAttribute("data-ex");
    if (what === "leave") { ev.preventDefault(); location.href = page() + (S.spec ? "?" + S.spec : ""); return; }
    if (!X) return;
    var li = b.closest("[data-task]"), id = li ? li.getAttribute("data-task") : X.current;
    if (what === "open") selectTask(id === X.current ? X.current : id);
    else if (what === "check") check(id);
    else if (what === "reset") resetTask(id);
    else if (what === "next") selectTask(b.getAttribute("data-next"));
    else if (what === "draw") $("open-cue").click();
    else if (what === "export-json") exportJson();
    else if (what === "export-link") exportLink();
    else if (what === "collapse") { X.collapsed = !X.collapsed; render(); }
  }

  // ---- tasks ----

  // Opens a task: its locks, and its spec in the lab (the student's own attempt at it when there is one).
  function selectTask(id) {
    var t = task(id);
    if (!t) return;
    rememberSpec();
    X.current = id;
    X.progress.current = id;
    L.exprogress.save(X.view.id, X.progress);
    restrict(t);
    // a question is about its own run; a make or draw task comes back as the student left it
    var saved = X.progress.tasks[id] && X.progress.tasks[id].spec;
    var spec = onlyFree(t, saved) ? saved : t.spec;
    render();
    if (spec !== S.spec) { X.seenSpec = spec; L.run.setSpec(spec, { keepPlaying: false }); } else L.controls.sync();
  }

  // A make or draw attempt is the lab's spec: kept per task, so switching tasks or reloading loses nothing.
  function rememberSpec() {
    var t = X && currentTask();
    if (!t || (t.kind !== "make" && t.kind !== "draw") || !onlyFree(t, S.spec)) return;
    L.exprogress.task(X.progress, t.id).spec = S.spec;
    L.exprogress.save(X.view.id, X.progress);
  }

  function answerFor(t) {
    if (t.kind === "numeric") {
      var v = String(X.drafts[t.id] == null ? "" : X.drafts[t.id]).trim();
      return v ? v : null;
    }
    if (t.kind === "choice") return X.drafts[t.id] || null;
    return S.spec;
  }

  var EMPTY = { numeric: "Type a number first.", choice: "Pick one of the choices first." };

  function pause() { return new Promise(function (r) { setTimeout(r, 0); }); }

  // Grades an answer in the engine in small steps (the page keeps drawing), then shows the verdict. Resolves to the
  // verdict JSON text ("" when nothing was graded).
  function check(id, answerOverride) {
    var t = task(id);
    if (!t || gradingNow) return Promise.resolve("");
    if (id !== X.current) selectTask(id);
    var answer = answerOverride != null ? String(answerOverride) : answerFor(t);
    if (answer == null) { X.notes[id] = EMPTY[t.kind]; render(); return Promise.resolve(""); }
    if (t.kind === "numeric" || t.kind === "choice") X.drafts[id] = answer;
    else rememberSpec();
    gradingNow = { task: id, progress: 0 };
    X.notes[id] = "";
    render();
    var call = function (msg) {
      msg.cmd = "exercise";
      return S.engine.call(msg).then(function (r) { if (r.error) throw new Error(r.error); return r; });
    };
    return call({ op: "start", json: X.json, task: id, answer: answer }).then(function (r) {
      var step = function () {
        return call({ op: "step", handle: r.handle, budget: S.engine.kind === "worker" ? 50 : 25 }).then(function (s) {
          gradingNow.progress = s.progress;
          L.exview.setGradingProgress(aside, s.progress);
          return s.done ? call({ op: "verdict", handle: r.handle }) : pause().then(step);
        });
      };
      return step();
    }).then(function (r) {
      var v = JSON.parse(r.verdict);
      L.exprogress.record(X.progress, id, answer, v);
      L.exprogress.save(X.view.id, X.progress);
      gradingNow = null;
      render();
      var fb = aside.querySelector(".ex-task.open .ex-fb");
      if (fb && fb.scrollIntoView) fb.scrollIntoView({ block: "nearest", behavior: "smooth" });
      document.body.setAttribute("data-exercise-graded", id + ":" + v.verdict + ":" + (++graded));
      if (window.parent !== window) {
        window.parent.postMessage({ type: "hopfield-lab:answer", exercise: X.view.id, task: id, answer: answer, spec: S.spec,
          verdict: v.verdict }, "*");
      }
      return r.verdict;
    }).catch(function (e) {
      gradingNow = null;
      X.notes[id] = "The answer could not be graded: " + (e && e.message || e);
      render();
      return "";
    });
  }

  function resetTask(id) {
    var t = task(id);
    if (!t || gradingNow) return;
    L.exprogress.resetTask(X.progress, id);
    L.exprogress.save(X.view.id, X.progress);
    delete X.drafts[id];
    X.notes[id] = "";
    X.current = id;
    render();
    if (S.spec !== t.spec) { X.seenSpec = t.spec; L.run.setSpec(t.spec, { keepPlaying: false }); }
  }

  // The lab's spec changed (a control, a drawing, the spec box): keep the attempt and show the new values.
  function watchSpec() {
    if (!X || S.spec === X.seenSpec) return;
    X.seenSpec = S.spec;
    rememberSpec();
    if (aside) L.exview.updateLive(aside, model());
  }

  // ---- export: the exercise as a JSON file and as a compact link ----

  function exportJson() {
    var blob = new Blob([X.json], { type: "application/json" }), a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = X.view.id + ".json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function exerciseLink() {
    return L.exsource.toPayload(X.json).then(function (p) { return page() + "#exercise=" + p; });
  }

  // Copies the link; where the clipboard is refused (file://, an old browser) the link is shown ready to copy by hand.
  function exportLink() {
    return exerciseLink().then(function (url) {
      document.body.setAttribute("data-exercise-link", url);
      var shown = function () { X.notes[X.current] = ""; showLink(url); };
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(url).then(function () {
          L.toast("Exercise link copied (" + url.length + " characters): it opens this exercise, also offline");
        }, shown);
      }
      shown();
    });
  }

  function showLink(url) {
    var box = aside.querySelector(".ex-linkbox") || document.createElement("div");
    box.className = "ex-linkbox";
    box.innerHTML = '<label><span class="ex-label">Copy this link (' + url.length + ' characters)</span>'
      + '<input type="text" readonly spellcheck="false"></label>';
    box.querySelector("input").value = url;
    aside.querySelector(".ex-head").appendChild(box);
    box.querySelector("input").select();
  }

  // ---- opening other exercises: the course menu, a file (open or drop), a parent page's message ----

  // Validates first: a broken or hostile exercise is shown as a message and nothing of it runs.
  function openText(text, from) {
    var view = L.core.exerciseView(String(text));
    if (!view) {
      problem(String(L.core.lastError()) + (from ? " (" + from + ")" : ""), String(L.core.lastErrorKey() || ""));
      return Promise.resolve(false);
    }
    return L.exsource.toPayload(String(text)).then(function (p) {
      location.href = page() + "#exercise=" + p;
      return true;
    });
  }

  function installCourseMenu() {
    if (document.querySelector(".ex-course")) return;
    var ids = String(L.core.exerciseIds()).split(",").filter(Boolean);
    var menu = document.createElement("details");
    menu.className = "menu ex-course";
    var items = ids.map(function (id, k) {
      var doc = JSON.parse(String(L.core.exerciseBuiltin(id))), rec = L.exprogress.load(id), solved = 0;
      doc.tasks.forEach(function (t) { if (rec.tasks[t.id] && rec.tasks[t.id].status === "right") solved++; });
      var title = String(doc.title).replace(/^\d+\.\s*/, "");
      return '<a href="' + L.V.esc(page() + "#exercise=" + id) + '" data-course="' + L.V.esc(id) + '">'
        + '<span class="ex-course-no">' + (k + 1) + '</span><span class="ex-course-title">' + L.V.esc(title) + '</span>'
        + '<span class="ex-course-done' + (solved === doc.tasks.length ? " all" : "") + '">' + solved + "/" + doc.tasks.length + '</span></a>';
    }).join("");
    // a disclosure of links, as the Export menu is: not an ARIA menu (which may hold nothing but items: axe's
    // aria-required-children found its heading and tip); the arrow keys move between its items all the same
    menu.innerHTML = '<summary class="btn" title="The built-in course: exercises that teach the paper in order">'
      + '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2V5zm0 16a2 2 0 0 1 2-2h13"/></svg><span>Course</span></summary>'
      + '<div class="menu-list ex-course-list"><div class="ex-course-head">Course: the paper in ' + ids.length + ' exercises</div>' + items
      + '<hr><button type="button" data-ex-open-file>Open an exercise file…</button>'
      + '<a href="' + L.V.esc(page()) + '" data-ex-free>The free lab (no exercise)</a>'
      + '<p class="ex-course-tip">Tip: drop an exercise file (.json) anywhere on the page to open it.</p></div>';
    var actions = document.querySelector(".top-actions");
    actions.insertBefore(menu, actions.firstChild);
    menu.querySelector("[data-ex-open-file]").addEventListener("click", function () { fileInput().click(); L.closeMenu(menu); });
    L.wireMenu(menu);   // ↓/↑/Home/End between the items, Escape back to the button (base.js)
  }

  var input = null;
  function fileInput() {
    if (input) return input;
    input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.hidden = true;
    input.id = "exercise-file";
    document.body.appendChild(input);
    input.addEventListener("change", function () {
      var f = input.files[0];
      input.value = "";
      if (f) openFile(f);
    });
    return input;
  }

  function openFile(f) {
    return L.exsource.readFile(f).then(function (text) { return openText(text, "file " + f.name); },
      function (e) { problem(e.message, ""); return false; });
  }

  function wireFiles() {
    fileInput();
    var isFiles = function (ev) { return ev.dataTransfer && Array.prototype.indexOf.call(ev.dataTransfer.types || [], "Files") >= 0; };
    document.addEventListener("dragover", function (ev) {
      if (!isFiles(ev) || document.querySelector("dialog[open]")) return;
      ev.preventDefault();
      document.body.classList.add("ex-drop");
    });
    document.addEventListener("dragleave", function (ev) { if (!ev.relatedTarget) document.body.classList.remove("ex-drop"); });
    document.addEventListener("drop", function (ev) {
      document.body.classList.remove("ex-drop");
      if (!isFiles(ev) || document.querySelector("dialog[open]")) return;
      ev.preventDefault();
      var f = ev.dataTransfer.files[0];
      if (!f) return;
      if (!/\.json$/i.test(f.name) && f.type !== "application/json") {
        L.toast("Drop an exercise file (.json) to open it; “" + f.name + "” is not one.");
        return;
      }
      openFile(f);
    });
  }

  // Embedding: a parent page (the server's class view) may open an exercise with {type: "hopfield-lab:exercise",
  // exercise: <JSON text>}; after each check the lab posts {type: "hopfield-lab:answer", exercise, task, answer, spec, verdict}.
  function wireMessages() {
    window.addEventListener("message", function (ev) {
      // only the page the lab is embedded in (see link.js): another window must not swap a student's exercise
      if (window.parent === window || ev.source !== window.parent) return;
      var d = ev.data;
      if (!d || d.type !== "hopfield-lab:exercise" || typeof d.exercise !== "string") return;
      openText(d.exercise, "sent by the page around the lab");
    });
  }

  setInterval(watchSpec, 300);

  L.exercise = { begin: begin, active: active, fragment: fragment };

  // Test and automation hooks (the Selenium tests drive the panel through these and the DOM).
  window.hopfieldExercise = {
    active: active,
    state: function () {
      if (!X) return null;
      return { id: X.view.id, current: X.current, grading: !!gradingNow, spec: S.spec,
        tasks: X.view.tasks.map(function (t) { var r = X.progress.tasks[t.id] || {}; return { id: t.id, kind: t.kind, status: r.status || "", tries: r.tries || 0 }; }) };
    },
    view: function () { return X && X.view; },
    json: function () { return X && X.json; },
    select: function (id) { selectTask(id); return X.current; },
    check: check,
    lastVerdict: function (id) { var r = X && X.progress.tasks[id || X.current]; return r && r.verdict ? JSON.stringify(r.verdict) : ""; },
    link: exerciseLink,
    openText: openText
  };
})(window.HLab = window.HLab || {});
