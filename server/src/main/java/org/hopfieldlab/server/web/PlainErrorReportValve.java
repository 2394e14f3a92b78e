package org.hopfieldlab.server.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.hopfieldlab.server.security.SecurityConfig;

/**
 * The host's error report: a plain explanation instead of Tomcat's "HTTP Status 400" page for every error response
 * nobody else wrote a body for (Spring's error handling writes its own inside the application; this one answers
 * requests Tomcat refuses before any servlet runs). The status code is kept.
 */
public class PlainErrorReportValve extends ErrorReportValve {
    private final long headerLimit;

    public PlainErrorReportValve(long headerLimit) {
        this.headerLimit = headerLimit;
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Tomcat instantiates the host's valve class by name when none is present; the default limit then. */
    public PlainErrorReportValve() {
        this(8 * 1024);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String page = page(status, throwable);
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("utf-8");
            response.setHeader("Content-Security-Policy", SecurityConfig.CSP);
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            response.setHeader("Cache-Control", "no-store");
            Writer w = response.getReporter();
            if (w != null) {
                w.write(page);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to say
        }
    }

    String page(int status, Throwable cause) {
        String why = cause == null ? "" : String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (status == 431 || status == 414 || (status == 400 && why.contains("too large"))) {
            return PlainPage.withLink("This link is too long", "/", "Go to the start page",
                    "This link is too long for the server (limit " + size(headerLimit) + " for the address and "
                            + "headers together), so it was not opened. Nothing was changed.",
                    "Lab links carry the whole experiment in the address. Open it in the static lab (the lab's "
                            + "files opened from disk or any static host have no such limit), or sign in, save the "
                            + "experiment as a session and share the session's short link instead.");
        }
        if (status == 400) {
            return PlainPage.withLink("This request could not be read", "/", "Go to the start page",
                    "The server could not read this request, so it was not opened. Nothing was changed.",
                    "Its address or headers are malformed: for example a % that is not followed by two hexadecimal "
                            + "digits, or a character that must be escaped. If you typed or edited the link, check "
                            + "it; if a page of this site produced it, please report it.");
        }
        if (status == 413) {
            return PlainPage.withLink("Too much data", "/", "Go to the start page",
                    "What was sent is larger than the server accepts, so it was refused. Nothing was changed.");
        }
        if (status == 505) {
            return PlainPage.withLink("Unsupported HTTP version", "/", "Go to the start page",
                    "The request used an HTTP version this server does not speak (it speaks HTTP/1.1). "
                            + "Nothing was changed.");
        }
        if (status == 404) {
            return PlainPage.withLink("Page not found", "/", "Go to the start page",
                    "There is no page at this address.");
        }
        if (status >= 500) {
            return PlainPage.withLink("Something went wrong on the server", "/", "Go to the start page",
                    "The server could not answer this request (error " + status + "). Nothing was changed. "
                            + "The details are in the server's log; try again in a moment.");
        }
        return PlainPage.withLink("The request was refused", "/", "Go to the start page",
                "The server refused this request (error " + status + "). Nothing was changed.");
    }

    static String size(long bytes) {
        return bytes % 1024 == 0 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }
}
