package org.hopfieldlab.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sign-in page's words for a lock: whose lock it is, and the wait in minutes and seconds. */
class LoginTextTest {
    @Test
    void theLockSaysWhoseItIsAndTheWaitInMinutes() {
        String name = LoginView.lockedText("29", false);
        assertTrue(name.startsWith("Too many failed sign-ins for this name from your address."), name);
        assertTrue(name.contains("Try again in 29 seconds;"), name);
        String address = LoginView.lockedText("290", true);
        assertTrue(address.contains("every name is locked here"), address);
        assertTrue(!address.contains("for this name"), "the address's lock blames no name: " + address);
        assertTrue(address.contains("Try again in 4 min 50 s;"), address);
        assertTrue(LoginView.lockedText("300", true).contains("in 5 min;"));
        assertTrue(LoginView.lockedText("1", false).contains("in 1 second;"));
        // a mangled parameter never shows raw text
        assertTrue(LoginView.lockedText("<b>x</b>", false).contains("in a few minutes;"));
        assertTrue(LoginView.lockedText("99999999999999999999", false).contains("in a few minutes;"));
    }

    @Test
    void theFormUsesTheSitesWords() {
        var i18n = LoginView.i18n();
        assertEquals("Sign in", i18n.getForm().getTitle());
        assertEquals("Sign in", i18n.getForm().getSubmit());
        assertEquals("Name", i18n.getForm().getUsername());
        assertTrue(i18n.getErrorMessage().getMessage().contains("5 wrong tries"), i18n.getErrorMessage().getMessage());
    }
}
