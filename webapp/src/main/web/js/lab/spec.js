// The spec as key/value pairs: parsing and writing query strings, and changing keys through the core so that
// the page only ever holds a canonical spec (the same string the JVM, the CLI and share links use).
(function (L) {
  "use strict";

  function parseQuery(q) {
    var out = [];
    q = (q || "").replace(/^\?/, "");
    if (!q) return out;
    q.split("&").forEach(function (pair) {
      if (!pair) return;
      var eq = pair.indexOf("=");
      var k = eq < 0 ? pair : pair.substring(0, eq), v = eq < 0 ? "" : pair.substring(eq + 1);
      try { k = decodeURIComponent(k); v = decodeURIComponent(v.replace(/\+/g, " ")); } catch (e) { /* keep raw */ }
      out.push([k, v]);
    });
    return out;
  }

  function kvOf(spec) {
    var m = {};
    parseQuery(spec).forEach(function (p) { m[p[0]] = p[1]; });
    return m;
  }

  // Commas and colons stay readable in links (the schedule is full of them).
  function enc(v) { return encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3A/g, ":"); }

  function toQuery(kv) { return Object.keys(kv).map(function (k) { return k + "=" + enc(kv[k]); }).join("&"); }

  function hasCueWindow(kv) { return /(^|,)[^,:]*:c\d+/.test(kv["in"] || ""); }
  function hasDrawnWindow(kv) { return /(^|,)[^,:]*:p(,|$)/.test(kv["in"] || ""); }
  function usesDrawnCue(kv) { return kv.x0 === "drawn" || hasDrawnWindow(kv); }

  // The drawn cue picture (cuepat): N signs, 6 per URL-safe base64 character, bit set = +1 (as PatternCodec).
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function unpackCue(text, n) {
    if (!text || text.length !== Math.ceil(n / 6)) return null;
    var out = new Int8Array(n);
    for (var c = 0; c < text.length; c++) {
      var v = B64.indexOf(text.charAt(c));
      if (v < 0) return null;
      for (var b = 0; b < 6 && c * 6 + b < n; b++) out[c * 6 + b] = v & (1 << (5 - b)) ? 1 : -1;
    }
    return out;
  }
  function packCue(signs) {
    var t = "";
    for (var i = 0; i < signs.length; i++) t += signs[i] > 0 ? "+" : "-";
    return L.core.packPatterns(t, signs.length);
  }

  // The drawn cue this spec has, or the last one drawn for its N ("" when there is none).
  function cueFor(kv) {
    var last = L.S.lastCue;
    return kv.cuepat || (last && last.n === Number(kv.n) ? last.pat : "");
  }

  // A square cue picture follows a change of N (nearest neighbour), so drawing it again is not needed.
  function fitCue(text, fromN, toN) {
    var a = Math.round(Math.sqrt(fromN)), b = Math.round(Math.sqrt(toN)), m = unpackCue(text, fromN);
    if (!m || a * a !== fromN || b * b !== toN) return null;
    var out = new Int8Array(toN);
    for (var y = 0; y < b; y++) for (var x = 0; x < b; x++) out[y * b + x] = m[Math.floor(y * a / b) * a + Math.floor(x * a / b)];
    return packCue(out);
  }

  // Keys that only apply in some settings (mirror of SpecCodec.relevant).
  function relevant(kv, key) {
    switch (key) {
      case "chars": return kv.mem === "glyphs";
      case "pat": return kv.mem === "custom";
      case "cue": return kv.x0 === "cue";
      case "mask": case "flip": return kv.x0 === "cue" || hasCueWindow(kv);
      case "camp": return hasCueWindow(kv) || hasDrawnWindow(kv);
      case "cuepat": return usesDrawnCue(kv);
      case "map": case "gamma": return kv.model === "modern";
      case "lambda": return kv.model === "modern" && kv.map === "softmax";
      case "deg": return kv.model === "modern" && kv.map === "poly";
      case "update": return kv.model === "discrete";
      default: return true;
    }
  }

  var DEFAULTS = { cue: "1", mask: "0.3", flip: "0.1", camp: "1", map: "softmax", lambda: "10", deg: "3", gamma: "0.5", update: "async" };

  // Applies changes {key: value|null} to the current spec; returns the canonical spec or throws {message, key}.
  function changed(changes, base) {
    var kv = kvOf(base || L.S.spec), oldN = Number(kv.n);
    Object.keys(changes).forEach(function (k) { if (changes[k] == null) delete kv[k]; else kv[k] = String(changes[k]); });
    // the drawn cue: resized with N; when it becomes needed again, the last one drawn for this N comes back
    if (kv.cuepat && Number(kv.n) !== oldN && changes.cuepat == null) { var fit = fitCue(kv.cuepat, oldN, Number(kv.n)); if (fit) kv.cuepat = fit; }
    var last = L.S.lastCue;
    if (!kv.cuepat && usesDrawnCue(kv) && last && last.n === Number(kv.n)) kv.cuepat = last.pat;
    // fill keys that become relevant, drop keys that no longer apply
    Object.keys(DEFAULTS).forEach(function (k) { if (kv[k] == null && relevant(kv, k)) kv[k] = DEFAULTS[k]; });
    Object.keys(kv).forEach(function (k) { if (!relevant(kv, k)) delete kv[k]; });
    var c = L.core.canonical(toQuery(kv));
    if (!c) throw { message: L.core.lastError(), key: L.core.lastErrorKey() };
    return c;
  }

  // The same run with the other model (classic ↔ IDP), for compare mode; "" when there is none.
  function compareSpec(spec) {
    var kv = kvOf(spec);
    if (kv.model === "discrete") return "";
    try { return changed({ model: kv.model === "classic" ? "idp" : "classic" }, spec); } catch (e) { return ""; }
  }

  // Keeps input windows valid when P shrinks: memory numbers above P wrap, weight lists are cut or padded.
  function fixSchedule(inText, p) {
    return (inText || "0:d1").split(",").map(function (it) {
      var parts = it.split(":"), what = parts[1] || "off";
      if (/^[dc]\d+$/.test(what)) { var k = Number(what.substring(1)); if (k > p) what = what.charAt(0) + (((k - 1) % p) + 1); }
      else if (what.charAt(0) === "w") {
        var ws = what.substring(1).split("_");
        while (ws.length < p) ws.push("1");
        what = "w" + ws.slice(0, p).join("_");
      }
      return parts[0] + ":" + what;
    }).join(",");
  }

  // P letters for the glyph memories: the current ones first, then unused letters and digits.
  function fitChars(chars, p) {
    var pool = (chars || "") + "HOPFIELDABCGJKMNQRSTUVWXYZ0123456789", out = "";
    for (var i = 0; i < pool.length && out.length < p; i++) if (out.indexOf(pool[i]) < 0) out += pool[i];
    return out;
  }

  // Times in the schedule without float noise (0.30000000000000004 → 0.3).
  function fmtTime(v) { return String(Number(v.toFixed(6))); }

  L.spec = {
    parseQuery: parseQuery, kvOf: kvOf, toQuery: toQuery, hasCueWindow: hasCueWindow, hasDrawnWindow: hasDrawnWindow,
    usesDrawnCue: usesDrawnCue, cueFor: cueFor, unpackCue: unpackCue, packCue: packCue, changed: changed,
    compareSpec: compareSpec, fixSchedule: fixSchedule, fitChars: fitChars, fmtTime: fmtTime
  };
})(window.HLab = window.HLab || {});
