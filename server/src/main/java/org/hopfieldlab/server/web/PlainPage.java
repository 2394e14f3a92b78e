package org.hopfieldlab.server.web;

/**
 * A small self-contained HTML page (inline style, no scripts, nothing loaded) for the moments the application itself
 * cannot answer: a request Tomcat refused before Spring saw it, or a server that could not start. Says what went
 * wrong in plain words; never names the server software or shows a stack trace.
 */
public final class PlainPage {
    private PlainPage() {
    }

    /** The page; {@code paragraphs} are plain text (escaped here). */
    public static String html(String title, String... paragraphs) {
        StringBuilder b = new StringBuilder(1500);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" · Hopfield Lab</title><style>")
                .append("body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;")
                .append("color:#1d2330;background:#f4f6fa;padding:0 .75rem}")
                .append("main{max-width:38rem;margin:10vh auto;padding:1.5rem 1.75rem;background:#fff;")
                .append("border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.12)}")
                .append("h1{font-size:1.35rem;margin:0 0 .75rem}p{margin:.6rem 0}a{color:#1f5fbf}")
                .append(".brand{font-size:.85rem;color:#5b6475;margin:0 0 1rem}")
                .append("</style></head><body><main><p class=\"brand\">Hopfield Lab</p><h1>")
                .append(escape(title)).append("</h1>");
        for (String p : paragraphs) {
            b.append("<p>").append(escape(p)).append("</p>");
        }
        return b.append("</main></body></html>").toString();
    }

    /** The same page with a last paragraph holding one link (a fixed path of this site). */
    public static String withLink(String title, String linkPath, String linkText, String... paragraphs) {
        String page = html(title, paragraphs);
        return page.replace("</main>", "<p><a href=\"" + escape(linkPath) + "\">" + escape(linkText)
                + "</a></p></main>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
