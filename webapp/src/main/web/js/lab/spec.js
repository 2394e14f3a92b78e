// The spec, asked of the core. Every question about a spec — its values, which keys apply and why not, their
// ranges and defaults, what an edit does, the input windows, the drawn cue, the compare run — is a call into the
// Java core (LabExports); this file only turns the answers into JS objects and failed calls into exceptions
// {message, key} that the controls show next to the control at fault. No key, default, range or rule is written here.
(function (L) {
  "use strict";

  var schema = null, kinds = null;

  // Calls a core export that answers text; "" means it failed and lastError says why.
  function ask(fn) {
    var r = L.core[fn].apply(L.core, Array.prototype.slice.call(arguments, 1));
    if (r === "") throw { message: L.core.lastError(), key: L.core.lastErrorKey() };
    return r;
  }

  // ---- the key table ----

  function schemaTable() { return schema || (schema = JSON.parse(L.core.schemaJson())); }

  // A key of the table (spec or view key) by name.
  function keyInfo(name) {
    var keys = schemaTable().keys;
    for (var i = 0; i < keys.length; i++) if (keys[i].name === name) return keys[i];
    return null;
  }

  // The label the table gives a key's value ("idp" → "IDP"); the value itself when the key has no such choice.
  function choiceLabel(key, value) {
    var k = keyInfo(key), c = k ? k.choices.filter(function (x) { return x.value === value; })[0] : null;
    return c ? c.label : value;
  }

  // The kinds of input window the editor offers: [{code, label, takes, help}].
  function windowKinds() { return kinds || (kinds = JSON.parse(L.core.windowKinds())); }

  // ---- one spec ----

  // The core's answer for a spec: {spec, values: {key: text} of the keys that apply, keys: {key: control state}}
  // (control state: value, applies, whyNot, min, max, minOpen, maxOpen, step, scale, typicalMin, typicalMax,
  // choices, label, help, unit, group, rule, editDefault — see SchemaDocs.controlsJson).
  function state(spec) {
    var c = JSON.parse(ask("controls", spec)), values = {}, keys = {};
    c.keys.forEach(function (k) { keys[k.name] = k; if (k.applies) values[k.name] = k.value; });
    return { spec: c.spec, values: values, keys: keys };
  }

  // The input windows: [{index, start, startStep, endStep, kind, code, memory, weights, what, text}].
  function windows(spec) { return JSON.parse(ask("schedule", spec)); }

  function hasDrawnWindow(spec) { return windows(spec).some(function (w) { return w.code === "p"; }); }

  // An edit {key: value} (null or "" = the key's edit default) of the current spec (or `base`), as the core does it:
  // transitions, fitting to p and n, keys that start or stop applying. Returns the canonical spec; throws {message, key}.
  function change(changes, base) {
    var q = Object.keys(changes).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(changes[k] == null ? "" : String(changes[k]));
    }).join("&");
    return ask("change", base || L.S.spec, q);
  }

  // The same run with the other model for compare mode, or "" when there is none.
  function compareSpec(spec) {
    try { return ask("compareSpec", spec); } catch (e) { return ""; }
  }

  // ---- the drawn cue (packed by the core; "+" is an inked pixel) ----

  // The drawn cue this spec has, or the last one drawn for its N ("" when there is none). The last cue is page
  // memory (what the user drew), not spec knowledge: it is passed to the core as cuepat= when an action needs it.
  function cueFor(st) {
    var last = L.S.lastCue;
    return st.values.cuepat || (last && last.n === Number(st.values.n) ? last.pat : "");
  }

  function unpackCue(packed, n) {
    var t = ask("unpackCue", packed, n), out = new Int8Array(n);
    for (var i = 0; i < n; i++) out[i] = t.charCodeAt(i) === 43 ? 1 : -1;
    return out;
  }

  function packCue(signs) {
    var t = "";
    for (var i = 0; i < signs.length; i++) t += signs[i] > 0 ? "+" : "-";
    return ask("packCue", t);
  }

  L.spec = { ask: ask, schema: schemaTable, keyInfo: keyInfo, choiceLabel: choiceLabel, windowKinds: windowKinds,
    state: state, windows: windows, hasDrawnWindow: hasDrawnWindow, change: change, compareSpec: compareSpec,
    cueFor: cueFor, unpackCue: unpackCue, packCue: packCue };
})(window.HLab = window.HLab || {});
