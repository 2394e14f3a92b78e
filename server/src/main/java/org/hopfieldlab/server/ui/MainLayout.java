package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.hopfieldlab.server.security.CurrentUser;

/** The signed-in frame: navigation on the left, the account and sign-out at the top. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {
    public MainLayout(CurrentUser currentUser) {
        Div brand = new Div(new Span("Hopfield"), new Span(" Lab"));
        brand.addClassName("brand");

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Sessions", SessionsView.class, VaadinIcon.FOLDER_OPEN.create()));
        nav.addItem(new SideNavItem("Lab", LabView.class, VaadinIcon.FLASK.create()));
        nav.addItem(new SideNavItem("Sweeps", SweepsView.class, VaadinIcon.GRID_BIG.create()));
        nav.addItem(new SideNavItem("Classes", ClassesView.class, VaadinIcon.ACADEMY_CAP.create()));
        nav.addClassNames(LumoUtility.Padding.SMALL);

        Span user = new Span(currentUser.get().map(u -> u.username()).orElse(""));
        user.setId("current-user");
        user.addClassNames("navbar-user", LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        user.getElement().setAttribute("title", user.getText());
        // the label is its own element so that a phone can hide it (icon only) and keep the bar on one line
        Span logoutLabel = new Span("Sign out");
        logoutLabel.addClassName("navbar-logout-label");
        Button logout = new Button(VaadinIcon.SIGN_OUT.create(), e -> currentUser.logout());
        logout.getElement().appendChild(logoutLabel.getElement());
        logout.getElement().setAttribute("aria-label", "Sign out");
        logout.getElement().setAttribute("title", "Sign out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        logout.setId("logout");
        HorizontalLayout right = new HorizontalLayout(user, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.Right.MEDIUM);

        right.setSpacing(false);
        right.addClassName("navbar-right");
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), brand, right);
        bar.addClassName("navbar");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        addToNavbar(bar);
        Div foot = new Div(new Span("Betteti et al. 2025: input-driven plasticity"));
        foot.addClassNames("nav-foot", LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.TERTIARY,
                LumoUtility.Padding.MEDIUM);
        addToDrawer(nav, foot);
        setPrimarySection(Section.DRAWER);
    }
}
