package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.session.SessionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database going away while the server runs (every new connection fails): a click that writes shows a short
 * error and writes nothing; opening a page shows the "database unavailable" page, never a stack trace.
 */
@ServerTest
@Import(DatabaseOutageIT.Outage.class)
class DatabaseOutageIT {
    /** Wraps the real DataSource with a switch that makes every connection attempt fail. */
    @TestConfiguration
    static class Outage {
        static volatile boolean down;

        @Bean
        static BeanPostProcessor outageSwitch() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)) {
                        return new DelegatingDataSource(ds) {
                            @Override
                            public Connection getConnection() throws SQLException {
                                if (down) {
                                    throw new SQLException("connection refused (simulated outage)");
                                }
                                return super.getConnection();
                            }
                        };
                    }
                    return bean;
                }
            };
        }
    }

    @Autowired
    AccountService accounts;
    @Autowired
    SessionService sessions;
    @LocalServerPort
    int port;

    @AfterEach
    void up() {
        Outage.down = false;
    }

    @Test
    void clearMessagesAndNothingHalfWritten() throws Exception {
        String user = "outage-" + Long.toString(System.nanoTime(), 36);
        long id = accounts.signUp(user, "a long password");
        String base = "http://localhost:" + port;
        try (Browser b = new Browser()) {
            b.login(base, user, "a long password");
            b.driver.get(base + "/experiment?v=1&model=idp&n=256&p=3");
            b.type("#lab-title", "Written during an outage");
            Outage.down = true;
            b.el("#save").click();
            String message = b.waitFor(d -> {
                Object t = b.js("const c = document.querySelector('vaadin-notification-card[theme~=\"error\"]');"
                        + "return c ? c.innerText : null;");
                return t == null ? null : t.toString();
            });
            assertTrue(message.contains("database is unavailable"), message);
            Thread.sleep(500); // let the notification finish opening for the screenshot
            b.shot("15-db-down-save");
            b.driver.get(base + "/");
            assertTrue(b.el("#db-error").getText().contains("database is unavailable"));
            assertFalse(b.driver.getPageSource().contains("at org."), "no stack trace on the page");
            b.shot("16-db-down-page");
            Outage.down = false;
            assertTrue(sessions.list(id, "").isEmpty(), "nothing was written");
        }
    }
}
