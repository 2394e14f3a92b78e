package org.hopfieldlab.server;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Properties;

/**
 * Child process of {@link DurabilityKillTest}: opens the embedded database exactly as the server does (the JDBC URL
 * of application.properties) and saves rows one by one in auto-commit, printing "ACK id" after each commit returns,
 * the moment the server would say "Saved".
 */
public final class H2SaveWorker {
    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int first = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection(serverUrl(dataDir), "sa", "")) {
            c.createStatement().execute("create table if not exists save_probe (id int primary key, payload "
                    + "varchar(2000) not null)");
            System.out.println("READY");
            System.out.flush();
            PreparedStatement ps = c.prepareStatement("insert into save_probe (id, payload) values (?, ?)");
            for (int id = first; ; id++) {
                ps.setInt(1, id);
                ps.setString(2, "v=1&model=idp&n=256&p=3&note=" + "x".repeat(id % 500));
                ps.executeUpdate();
                System.out.println("ACK " + id);
                System.out.flush();
                Thread.sleep(2);
            }
        }
    }

    static String serverUrl(String dataDir) throws Exception {
        Properties p = new Properties();
        try (InputStream in = H2SaveWorker.class.getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        return p.getProperty("spring.datasource.url").replace("${hopfield.data-dir}", dataDir);
    }
}
