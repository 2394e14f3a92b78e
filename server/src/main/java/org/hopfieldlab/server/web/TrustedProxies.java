package org.hopfieldlab.server.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMaskSet;

/**
 * The setting {@value #SETTING}: the reverse proxies whose {@code X-Forwarded-For} / {@code X-Forwarded-Proto} are
 * believed, as a comma-separated list of IP addresses and CIDR blocks ({@code 127.0.0.1, 10.0.0.0/8, ::1,
 * fd00::/8}). Only address literals: a host name would need a DNS look-up. Empty (the default): no proxy is trusted
 * and the headers change nothing. The list becomes Tomcat's {@code RemoteIpValve} {@code internalProxies} in CIDR
 * form ({@link ReverseProxy}).
 */
public final class TrustedProxies {
    public static final String SETTING = "hopfield.proxy.trusted";

    /** The setting cannot be read; the message names the setting, the entry and the accepted forms. */
    public static final class SettingException extends RuntimeException {
        SettingException(String entry, String problem) {
            super("The setting " + SETTING + " has \"" + entry + "\", which " + problem + ". It takes IP addresses "
                    + "and CIDR blocks separated by commas, e.g. " + SETTING + "=127.0.0.1,10.0.0.0/8,::1 "
                    + "(no host names, no patterns).");
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private TrustedProxies() {
    }

    /**
     * The setting's value (null or blank: none) as Tomcat's CIDR list, every entry with its prefix
     * ({@code 127.0.0.1/32,::1/128}); empty for none.
     */
    public static String cidrs(String value) {
        List<String> blocks = new ArrayList<>();
        if (value != null) {
            for (String raw : value.split(",")) {
                String entry = raw.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                int slash = entry.indexOf('/');
                byte[] bytes = literal(slash < 0 ? entry : entry.substring(0, slash));
                if (bytes == null) {
                    throw new SettingException(entry, "is not an IP address" + (slash < 0 ? "" : " with a prefix"));
                }
                int max = bytes.length * 8;
                int bits = max;
                if (slash >= 0) {
                    String prefix = entry.substring(slash + 1);
                    if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > max) {
                        throw new SettingException(entry, "has a prefix length that is not 0 to " + max);
                    }
                    bits = Integer.parseInt(prefix);
                }
                String block;
                try {
                    block = InetAddress.getByAddress(bytes).getHostAddress() + "/" + bits;
                    NetMaskSet.parse(block); // what Tomcat will do with it
                } catch (UnknownHostException | IllegalArgumentException e) {
                    throw new SettingException(entry, "Tomcat cannot read (" + e.getMessage() + ")");
                }
                blocks.add(block);
            }
        }
        return String.join(",", blocks);
    }

    /** The bytes of an IPv4 or IPv6 literal (an IPv6 zone is dropped), null for anything else, never from DNS. */
    static byte[] literal(String s) {
        if (IPV4.matcher(s).matches()) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else {
            int zone = s.indexOf('%');
            String bare = zone < 0 ? s : s.substring(0, zone);
            if (!IPV6.matcher(bare).matches()) {
                return null;
            }
            s = bare;
        }
        try {
            // these forms are parsed as literals, never looked up (an IPv6-looking one that does not parse is refused)
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }
}
