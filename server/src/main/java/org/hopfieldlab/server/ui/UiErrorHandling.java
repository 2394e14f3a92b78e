package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.hopfieldlab.sim.spec.SpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Errors inside button clicks and other events: a short message for the user (never a stack trace), the details in
 * the server log. Navigation errors go to {@link ErrorView} instead.
 */
@Component
public class UiErrorHandling implements VaadinServiceInitListener {
    private static final Logger LOG = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            if (clientGone(error.getThrowable())) {
                // the browser left (page reloaded or closed) while its answer was written: nobody to tell
                LOG.debug("browser went away during a response: {}", error.getThrowable().toString());
                return;
            }
            Throwable t = error.getThrowable();
            while (t.getCause() != null && !(t instanceof DataAccessException) && !(t instanceof SpecException)) {
                t = t.getCause();
            }
            String message;
            if (t instanceof DataAccessException) {
                LOG.error("database error", error.getThrowable());
                message = "The database is unavailable; nothing was changed. Try again in a moment.";
            } else if (t instanceof SpecException || t instanceof IllegalArgumentException) {
                message = t.getMessage();
            } else {
                LOG.error("unexpected error", error.getThrowable());
                message = "Something went wrong on the server; nothing was changed.";
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }));
    }

    /** Whether the error is the servlet container's "client aborted" (a broken pipe to a browser that left). */
    static boolean clientGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.apache.catalina.connector.ClientAbortException) {
                return true;
            }
        }
        return false;
    }
}
