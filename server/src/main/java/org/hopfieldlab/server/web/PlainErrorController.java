package org.hopfieldlab.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised inside the application but outside Vaadin's views (a malformed %-escape in a parameter that a filter
 * reads, a refused non-Vaadin request) reach Spring's {@code /error}: they get the same plain page as the requests
 * Tomcat refuses itself ({@link PlainErrorReportValve}), with their status, instead of Spring's "Whitelabel" page.
 * A refusal of someone not signed in still leads to the sign-in page.
 */
@Controller
public class PlainErrorController implements ErrorController {
    private final PlainErrorReportValve pages;

    public PlainErrorController(@Value("${server.max-http-request-header-size:8KB}") DataSize headerLimit) {
        this.pages = new PlainErrorReportValve(headerLimit.toBytes());
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : 500;
        if ((status == 401 || status == 403) && request.getUserPrincipal() == null) {
            // someone not signed in who was refused (a stale sign-in form's token, a protected address): the sign-in
            // page is the useful answer, as before errors had a page of their own
            return ResponseEntity.status(302).header("Location", request.getContextPath() + "/login").build();
        }
        Throwable cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .header("Cache-Control", "no-store").body(pages.page(status, cause));
    }
}
