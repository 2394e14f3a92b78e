// Hopfield Lab service worker: precaches the whole static bundle so the lab opens offline after the first visit.
// The cache name changes with every build (@lab.build@ is filled in by Maven), so a new deployment replaces it.
"use strict";
var CACHE = "hopfield-lab-@lab.build@";
var FILES = [
  "./", "index.html", "manifest.webmanifest", "css/lab.css",
  "js/views.js", "js/engine.js", "js/engine-core.js", "js/worker.js", "js/hopfield-classic.js",
  "js/lab/base.js", "js/lab/spec.js", "js/lab/link.js", "js/lab/run.js", "js/lab/display.js", "js/lab/side-views.js",
  "js/lab/synapses.js", "js/lab/controls.js", "js/lab/schedule.js", "js/lab/memories.js", "js/lab/export.js",
  "js/lab/main.js",
  "css/exercise.css", "js/exercise-engine.js", "js/lab/exercise-source.js", "js/lab/exercise-text.js",
  "js/lab/exercise-progress.js", "js/lab/exercise-view.js", "js/lab/exercise.js",
  // loaded by the page only when an exercise opens, precached all the same: exercises open offline too
  "vendor/markdown-it.min.js", "vendor/purify.min.js",
  "wasm/hopfield.wasm", "wasm/hopfield.wasm-runtime.js",
  "vendor/uPlot.iife.min.js", "vendor/uPlot.min.css",
  "icons/icon.svg", "icons/icon-192.png", "icons/icon-512.png"
];

self.addEventListener("install", function (ev) {
  ev.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(FILES); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (ev) {
  ev.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("hopfield-lab-") === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// Cache first (the bundle is immutable per build); the page's query string is its state, so it is ignored.
// Pages of the same origin that are not part of the bundle go to the network.
self.addEventListener("fetch", function (ev) {
  var req = ev.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  ev.respondWith(caches.open(CACHE).then(function (c) {
    return c.match(req, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(req).then(function (res) {
        if (res.ok && req.mode !== "navigate" && FILES.some(function (f) { return new URL(f, self.location.href).href === req.url.split("?")[0]; })) {
          c.put(req, res.clone());
        }
        return res;
      });
    });
  }));
});
