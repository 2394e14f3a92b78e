// A student's progress in one exercise, kept in localStorage so a reload (or coming back offline tomorrow) loses
// nothing: per task its status (right / wrong / refused), the number of tries, the last answer and verdict, the spec
// of a make or draw attempt; and which task was open. Keyed by the exercise id. Storage may be refused (private
// windows, full quota): the exercise then still works, it only forgets on reload.
(function (L) {
  "use strict";

  var PREFIX = "hopfield-lab.exercise.";

  function key(id) { return PREFIX + id; }

  function empty() { return { current: "", tasks: {} }; }

  function load(id) {
    try {
      var raw = window.localStorage.getItem(key(id));
      var p = raw ? JSON.parse(raw) : null;
      return p && typeof p === "object" && p.tasks && typeof p.tasks === "object" ? p : empty();
    } catch (e) { return empty(); }
  }

  function save(id, progress) {
    try { window.localStorage.setItem(key(id), JSON.stringify(progress)); return true; } catch (e) { return false; }
  }

  function task(progress, taskId) {
    var t = progress.tasks[taskId];
    if (!t || typeof t !== "object") t = progress.tasks[taskId] = { status: "", tries: 0 };
    return t;
  }

  // Records a verdict of a try: a refused answer (a locked key, a bad number) is not a try at the task itself.
  function record(progress, taskId, answer, verdict) {
    var t = task(progress, taskId);
    if (verdict.verdict === "right" || verdict.verdict === "wrong") t.tries = (t.tries || 0) + 1;
    if (verdict.verdict === "right") t.status = "right";
    else if (t.status !== "right" && verdict.verdict === "wrong") t.status = "wrong";
    t.answer = answer;
    t.verdict = verdict;
    return t;
  }

  function resetTask(progress, taskId) { delete progress.tasks[taskId]; }

  L.exprogress = { load: load, save: save, task: task, record: record, resetTask: resetTask };
})(window.HLab = window.HLab || {});
