// Hopfield Lab engine client: the same promise-based API over a Web Worker (http/https) or over the TeaVM JS
// build on the main thread (file://, where Chromium refuses workers, module scripts and fetch). Classic script.
(function (root) {
  "use strict";

  function WorkerEngine(prefer) {
    var self = this;
    this.kind = "worker";
    this.seq = 0;
    this.waiting = {};
    this.worker = new Worker("js/worker.js");
    this.worker.onmessage = function (ev) {
      // frames the worker sends on its own while playing (see engine-core.js, cmd_play)
      if (ev.data.push || ev.data.playError) { if (self.onPush) self.onPush(ev.data.push, ev.data.playError); return; }
      var w = self.waiting[ev.data.seq];
      delete self.waiting[ev.data.seq];
      if (!w) return;
      if (ev.data.err) w.reject(new Error(ev.data.err)); else w.resolve(ev.data.res);
    };
    this.ready = this.call({ cmd: "init", prefer: prefer }).then(function (info) { self.name = info.engine; return info; });
  }

  WorkerEngine.prototype.call = function (msg) {
    var self = this;
    return new Promise(function (resolve, reject) {
      msg.seq = ++self.seq;
      self.waiting[msg.seq] = { resolve: resolve, reject: reject };
      self.worker.postMessage(msg);
    });
  };

  // Main-thread engine: the classic TeaVM JS build that index.html loads anyway (the page needs the core for
  // specs); run requests are time-sliced by the caller's budget so the page keeps drawing.
  function LocalEngine() {
    var self = this;
    this.kind = "main-thread";
    this.name = "js";
    this.ready = new Promise(function (resolve) {
      self.core = new root.HLEngineCore(root.HopfieldCoreJs, "js");
      resolve(self.core.handle({ cmd: "info" }));
    });
  }

  LocalEngine.prototype.call = function (msg) {
    var self = this;
    return this.ready.then(function () {
      if (msg.engine && msg.engine !== "js") {
        return { error: "the " + msg.engine + " engine needs the page to be served over http(s)" };
      }
      if (msg.cmd === "run" && msg.budget != null) msg.budget = Math.min(msg.budget, 10);
      return self.core.handle(msg);
    });
  };

  root.HLEngine = {
    create: function (prefer) {
      var canWorker = typeof Worker !== "undefined" && location.protocol !== "file:";
      if (canWorker && prefer !== "main") {
        try {
          var w = new WorkerEngine(prefer);
          return w.ready.then(function () { return w; }, function (e) {
            console.warn("worker engine failed, using the main thread", e);
            var l = new LocalEngine();
            return l.ready.then(function () { return l; });
          });
        } catch (e) { console.warn(e); }
      }
      var l = new LocalEngine();
      return l.ready.then(function () { return l; });
    }
  };
})(window);
