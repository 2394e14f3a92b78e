// Exercise grading inside the engine (the Web Worker, or the main thread from file://): the core grades an answer in
// small steps so the page never freezes; each request works for at most its time budget and reports the progress.
// Classic script, loaded after engine-core.js (it adds one command to HLEngineCore).
(function (root) {
  "use strict";

  var EngineCore = root.HLEngineCore;

  function now() { return (typeof performance !== "undefined" ? performance : Date).now(); }

  function failure(c) { return { error: String(c.lastError() || "the exercise could not be graded"), key: String(c.lastErrorKey() || "") }; }

  // {cmd: "exercise", op: "start", json, task, answer}  → {handle} | {error, key}
  // {cmd: "exercise", op: "step", handle, budget}       → {done, progress} | {error}
  // {cmd: "exercise", op: "verdict", handle}            → {verdict: JSON text} | {error}
  EngineCore.prototype.cmd_exercise = function (msg) {
    var c = this.core;
    if (msg.op === "start") {
      var h = c.exerciseGradeStart(msg.json, msg.task, msg.answer);
      return h < 0 ? failure(c) : { handle: h };
    }
    if (msg.op === "step") {
      var t0 = now(), budget = msg.budget == null ? 40 : msg.budget, r = 0;
      // one trial at a time until the budget is spent (a trial of the course takes a few to a few tens of ms)
      do { r = c.exerciseGradeStep(msg.handle, 1); } while (r === 0 && now() - t0 < budget);
      if (r < 0) return failure(c);
      return { done: r === 1, progress: r === 1 ? 1 : Number(c.exerciseGradeProgress(msg.handle)) };
    }
    if (msg.op === "verdict") {
      var v = c.exerciseGradeVerdict(msg.handle);
      return v ? { verdict: String(v) } : failure(c);
    }
    throw new Error("unknown exercise operation " + msg.op);
  };
})(typeof self !== "undefined" ? self : this);
