// Where an exercise comes from and how it travels: the link fragment "#exercise=z.<base64url(deflate-raw(UTF-8 JSON))>",
// "#exercise=j.<base64url(UTF-8 JSON)>" or "#exercise=<built-in id>", and JSON files. The browser's own
// (De)CompressionStream does the deflate (it also works from file://); the core only ever gets the plain JSON text
// and decides whether it is a valid exercise.
(function (L) {
  "use strict";

  // Safety caps of the transport only (the core's own size limit, with its message, applies to the JSON): a link
  // or a file larger than this, or a payload that inflates past it, is refused before the core sees it.
  var MAX_PAYLOAD_CHARS = 4000000, MAX_JSON_BYTES = 1048576;

  function problem(message) { var e = new Error(message); e.exercise = true; return e; }

  function base64urlToBytes(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw problem("The exercise link is damaged: its payload has characters that base64url does not use (was it cut or changed when it was copied?).");
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin;
    try { bin = atob(b64); } catch (e) { throw problem("The exercise link is damaged: its payload is not base64url."); }
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function bytesToBase64url(bytes) {
    var bin = "";
    for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function utf8(bytes) {
    try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (e) { throw problem("The exercise is not UTF-8 text."); }
  }

  // Reads a stream to its end, refusing more than MAX_JSON_BYTES (a small link must not inflate into gigabytes).
  function readCapped(stream) {
    var reader = stream.getReader(), parts = [], total = 0;
    function next() {
      return reader.read().then(function (r) {
        if (r.done) {
          var out = new Uint8Array(total), at = 0;
          parts.forEach(function (p) { out.set(p, at); at += p.length; });
          return out;
        }
        total += r.value.length;
        if (total > MAX_JSON_BYTES) {
          reader.cancel();
          throw problem("This exercise unpacks to more than " + MAX_JSON_BYTES + " bytes: far too large to be an exercise. Nothing of it was run.");
        }
        parts.push(r.value);
        return next();
      });
    }
    return next();
  }

  function inflate(bytes) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(problem("This browser cannot unpack compressed exercise links (no DecompressionStream). Open the exercise as a JSON file instead."));
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return readCapped(stream).catch(function (e) {
      throw e.exercise ? e : problem("The exercise link is damaged: its compressed payload does not unpack (" + (e && e.message || e) + ").");
    });
  }

  function deflate(text) {
    var stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  // The value after "#exercise=" in a fragment, or null when the fragment holds no exercise.
  function payloadOf(hash) {
    var m = /^#?exercise=(.*)$/.exec(hash || "");
    return m ? m[1] : null;
  }

  // → Promise<{json, payload}>: the plain JSON of the exercise a fragment names (a built-in id, j. or z.).
  function fromPayload(payload) {
    return Promise.resolve().then(function () {
      if (payload.length > MAX_PAYLOAD_CHARS) throw problem("This exercise link is " + payload.length + " characters long: far too large to be an exercise. Nothing of it was run.");
      if (/^z\./.test(payload)) return inflate(base64urlToBytes(payload.substring(2))).then(utf8);
      if (/^j\./.test(payload)) {
        var bytes = base64urlToBytes(payload.substring(2));
        if (bytes.length > MAX_JSON_BYTES) throw problem("This exercise is more than " + MAX_JSON_BYTES + " bytes long: far too large to be an exercise. Nothing of it was run.");
        return utf8(bytes);
      }
      var id = decodeURIComponent(payload);
      var json = L.core.exerciseBuiltin(id);
      if (!json) {
        throw problem("There is no built-in exercise '" + id + "'. The course has: " + String(L.core.exerciseIds()).split(",").join(", ")
          + ". A shared exercise's link starts with #exercise=z. or #exercise=j.");
      }
      return String(json);
    }).then(function (json) { return { json: json, payload: payload }; });
  }

  // → Promise<"z.…">: the compact link payload of an exercise's JSON (a built-in one could also use its id).
  function toPayload(json) {
    if (typeof CompressionStream === "undefined") return Promise.resolve("j." + bytesToBase64url(new TextEncoder().encode(json)));
    return deflate(json).then(function (bytes) { return "z." + bytesToBase64url(bytes); });
  }

  // → Promise<text> of a file the student or teacher opened or dropped (refused when far too large).
  function readFile(file) {
    if (file.size > MAX_JSON_BYTES) return Promise.reject(problem("“" + file.name + "” is " + file.size + " bytes: far too large to be an exercise. Nothing of it was run."));
    return file.text();
  }

  L.exsource = { payloadOf: payloadOf, fromPayload: fromPayload, toPayload: toPayload, readFile: readFile };
})(window.HLab = window.HLab || {});
