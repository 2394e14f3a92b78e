package org.hopfieldlab.server.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hopfieldlab.server.account.AccountService;

@Route(value = "signup", autoLayout = false)
@PageTitle("Create an account · Hopfield Lab")
@AnonymousAllowed
public class SignupView extends VerticalLayout {
    public SignupView(AccountService accounts) {
        addClassName("auth-page");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        TextField username = new TextField("Name");
        username.setId("signup-username");
        username.setHelperText("3–64 letters, digits, . _ - (any letter case is the same name)");
        PasswordField password = new PasswordField("Password");
        password.setId("signup-password");
        password.setHelperText("At least " + AccountService.MIN_PASSWORD + " characters, not a common password; "
                + "a few unrelated words work well");
        PasswordField confirm = new PasswordField("Repeat password");
        confirm.setId("signup-confirm");
        Button create = new Button("Create account");
        create.setId("signup-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> {
            username.setInvalid(false);
            password.setInvalid(false);
            confirm.setInvalid(false);
            if (!password.getValue().equals(confirm.getValue())) {
                confirm.setErrorMessage("the passwords differ");
                confirm.setInvalid(true);
                return;
            }
            try {
                accounts.signUp(username.getValue(), password.getValue());
                getUI().ifPresent(ui -> ui.navigate("login", com.vaadin.flow.router.QueryParameters.of("created", "1")));
            } catch (AccountService.SignupException ex) {
                if (ex.field().equals("username")) {
                    username.setErrorMessage(ex.getMessage());
                    username.setInvalid(true);
                } else {
                    password.setErrorMessage(ex.getMessage());
                    password.setInvalid(true);
                }
            }
        });
        VerticalLayout card = new VerticalLayout(new H2("Create an account"), username, password, confirm, create,
                new Paragraph(new com.vaadin.flow.component.html.Span("Have one? "), new Anchor("login", "Sign in")));
        card.addClassName("card");
        card.setWidth("360px");
        for (var f : new com.vaadin.flow.component.HasSize[] {username, password, confirm, create}) {
            f.setWidthFull();
        }
        H1 brand = new H1("Hopfield Lab");
        brand.addClassName("auth-brand");
        add(brand, LoginView.tagline(), card);
    }
}
