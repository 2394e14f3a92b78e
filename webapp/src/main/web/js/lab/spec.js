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

  // Keys that only apply in some settings (mirror of SpecCodec.relevant).
  function relevant(kv, key) {
    switch (key) {
      case "chars": return kv.mem === "glyphs";
      case "pat": return kv.mem === "custom";
      case "cue": return kv.x0 === "cue";
      case "mask": case "flip": return kv.x0 === "cue" || hasCueWindow(kv);
      case "camp": return hasCueWindow(kv);
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
    var kv = kvOf(base || L.S.spec);
    Object.keys(changes).forEach(function (k) { if (changes[k] == null) delete kv[k]; else kv[k] = String(changes[k]); });
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
    parseQuery: parseQuery, kvOf: kvOf, toQuery: toQuery, hasCueWindow: hasCueWindow, changed: changed,
    compareSpec: compareSpec, fixSchedule: fixSchedule, fitChars: fitChars, fmtTime: fmtTime
  };
})(window.HLab = window.HLab || {});
