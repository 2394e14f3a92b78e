package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.hopfieldlab.server.session.SessionService;

/** The share link of a session (visitors can try and fork it, never change it): copy it, or revoke it (the link then stops working). */
public class ShareDialog extends Dialog {
    public ShareDialog(SessionService sessions, long userId, long sessionId, Runnable changed) {
        setHeaderTitle("Share a link");
        String token = sessions.share(userId, sessionId);
        TextField link = new TextField("Anyone with this link can open and fork the session");
        link.setId("share-link");
        link.setValue(origin() + "/shared/" + token);
        link.setReadOnly(true);
        link.setWidthFull();
        setWidth("min(96vw, 40rem)"); // the link fits a phone's width too (560 px ran off a 390 px screen)
        link.addFocusListener(e -> link.getElement().executeJs("this.inputElement.select()"));
        Button copy = new Button("Copy", e -> {
            link.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link.getValue());
            Notification.show("Link copied");
        });
        Button revoke = new Button("Revoke link", e -> {
            sessions.revokeShare(userId, sessionId);
            Notification.show("The share link no longer works.");
            changed.run();
            close();
        });
        revoke.setId("share-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Button close = new Button("Done", e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout body = new VerticalLayout(link, new Paragraph("Revoking makes this exact link invalid; sharing "
                + "again creates a new one."));
        body.setPadding(false);
        add(body);
        getFooter().add(revoke, copy, close);
        changed.run();
    }

    static String origin() {
        VaadinServletRequest r = VaadinServletRequest.getCurrent();
        if (r == null) {
            return "";
        }
        HttpServletRequest h = r.getHttpServletRequest();
        int port = h.getServerPort();
        boolean defaultPort = (h.getScheme().equals("http") && port == 80) || (h.getScheme().equals("https") && port == 443);
        return h.getScheme() + "://" + h.getServerName() + (defaultPort ? "" : ":" + port) + h.getContextPath();
    }
}
