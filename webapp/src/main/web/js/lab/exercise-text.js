// Exercise text comes from anyone, so it is rendered in two safe steps: markdown-it turns Markdown into HTML with raw
// HTML switched off (a <script> in the text stays visible text), then DOMPurify keeps only a short list of tags and
// attributes. No script, no styles, no forms, no remote images (only embedded data:image pictures), and links open
// in a new tab without access to this page. Math is Unicode text (β α′μ > 1, ξ¹, m₁), which needs no renderer.
(function (L) {
  "use strict";

  var TAGS = ["p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "a", "img", "hr", "s", "sub", "sup",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"];
  var ATTRS = ["href", "title", "src", "alt", "start"];
  var SAFE_LINK = /^(https?:|mailto:)/i, SAFE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]*$/i;

  var md = null, purifier = null, loading = null;

  // markdown-it (~124 KB) and DOMPurify are needed for exercise text only: they load with the first exercise, not
  // with every page. Classic scripts added to the page, so this works from disk (file://) as well; the service worker
  // precaches both, so an exercise opened offline renders the same. A file that fails to load leaves plain text.
  function script(src) {
    return new Promise(function (done) {
      var el = document.createElement("script");
      el.src = src;
      el.onload = el.onerror = function () { done(); };
      document.head.appendChild(el);
    });
  }

  function load() {
    if (!loading) {
      loading = Promise.all([window.markdownit ? null : script("vendor/markdown-it.min.js"),
        window.DOMPurify ? null : script("vendor/purify.min.js")]).then(function () { return !!renderer(); });
    }
    return loading;
  }

  function renderer() {
    if (md || !window.markdownit || !window.DOMPurify) return md;
    md = window.markdownit({ html: false, linkify: false, typographer: false, breaks: false });
    // a link may go to the web or a mail address; an image must be embedded (no request leaves the page for it)
    md.validateLink = function (url) { var u = String(url).trim(); return SAFE_LINK.test(u) || SAFE_IMAGE.test(u); };
    // a picture from elsewhere would be fetched from a server: say what it is instead of loading it
    var image = md.renderer.rules.image;
    md.renderer.rules.image = function (tokens, idx, options, env, self) {
      if (SAFE_IMAGE.test(String(tokens[idx].attrGet("src") || ""))) return image(tokens, idx, options, env, self);
      return '<em class="ex-noimage">[picture “' + md.utils.escapeHtml(tokens[idx].content || "") + '” left out: only embedded pictures are shown]</em>';
    };
    purifier = window.DOMPurify(window);   // an instance of our own: its hooks touch no one else's sanitizing
    purifier.addHook("afterSanitizeAttributes", function (node) {
      if (node.nodeName === "A") {
        if (!SAFE_LINK.test(node.getAttribute("href") || "")) node.removeAttribute("href");
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer nofollow");
      } else if (node.nodeName === "IMG" && !SAFE_IMAGE.test(node.getAttribute("src") || "")) {
        node.removeAttribute("src");
        node.setAttribute("alt", "[picture left out: only embedded pictures are shown]");
      }
    });
    return md;
  }

  function clean(html) {
    return purifier.sanitize(html, { ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ATTRS, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false });
  }

  function plain(text) { return "<p>" + L.V.esc(text).replace(/\n\n+/g, "</p><p>").replace(/\n/g, "<br>") + "</p>"; }

  // Markdown blocks (instructions, a task's prompt) → safe HTML. Without the libraries (not loaded yet, see load()):
  // escaped plain text.
  function block(text) {
    text = String(text == null ? "" : text);
    return renderer() ? clean(md.render(text)) : plain(text);
  }

  // One line of Markdown (a choice, a hint) → safe inline HTML.
  function inline(text) {
    text = String(text == null ? "" : text);
    return renderer() ? clean(md.renderInline(text)) : L.V.esc(text);
  }

  L.extext = { load: load, block: block, inline: inline };
})(window.HLab = window.HLab || {});
