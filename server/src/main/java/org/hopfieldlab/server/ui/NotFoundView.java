package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that is no page of this site (a mistyped link, a missing file under /lab/, a class or sweep address
 * whose number is not a number): a plain "page not found" with the way back, instead of Vaadin's "Could not navigate
 * to …" text. Signed-out visitors to a non-public address are sent to the sign-in page first (Spring
 * Security), so this page shows nothing of the site's pages to them.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("auth-page");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        H1 brand = new H1("Hopfield Lab");
        brand.addClassName("auth-brand");
        H2 title = new H2("Page not found");
        title.setId("not-found");
        String path = event.getLocation().getPath();
        Paragraph what = new Paragraph("There is no page at /" + path + ". The link may be mistyped, or the page "
                + "was moved.");
        what.addClassName("break-anywhere");
        Div card = new Div(title, what, new Paragraph(new Anchor("", "Go to my sessions")),
                new Paragraph(new Anchor("lab/", "Open the lab on its own")));
        card.addClassName("card");
        card.setWidth("min(100%, 30rem)");
        add(brand, card);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
