package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Any error while opening a page: a plain explanation (the database being unavailable gets its own), never a stack
 * trace; details go to the server log. Views are built by Spring, so the database error may arrive wrapped.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("page");
        Throwable t = parameter.getCaughtException();
        while (t != null && !(t instanceof DataAccessException)) {
            t = t.getCause();
        }
        if (t != null) {
            LOG.error("database error while opening /{}", event.getLocation().getPath(), parameter.getCaughtException());
            H2 h = new H2("The database is unavailable");
            h.setId("db-error");
            add(h, new Paragraph("Your work was not changed: nothing is written when the database cannot be "
                    + "reached. Try again in a moment; if this persists, the server's operator should check the "
                    + "database."), new Anchor("", "Try again"));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        LOG.error("error while opening /{}", event.getLocation().getPath(), parameter.getCaughtException());
        H2 h = new H2("Something went wrong");
        h.setId("server-error");
        add(h, new Paragraph("The page could not be opened; nothing was changed. The details are in the server log."),
                new Anchor("", "Back to my sessions"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
