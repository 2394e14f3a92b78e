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
        user.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> currentUser.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        logout.setId("logout");
        HorizontalLayout right = new HorizontalLayout(user, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.Right.MEDIUM);

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), brand, right);
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
