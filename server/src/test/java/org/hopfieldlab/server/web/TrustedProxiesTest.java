package org.hopfieldlab.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The setting hopfield.proxy.trusted: addresses and CIDR blocks become Tomcat's CIDR list; anything else is refused. */
class TrustedProxiesTest {
    @Test
    void addressesAndBlocksBecomeCidrs() {
        assertEquals("", TrustedProxies.cidrs(null));
        assertEquals("", TrustedProxies.cidrs(" , "));
        assertEquals("127.0.0.1/32,10.0.0.0/8,0:0:0:0:0:0:0:1/128,fd00:0:0:0:0:0:0:0/8,fe80:0:0:0:0:0:0:1/128",
                TrustedProxies.cidrs(" 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,fe80::1%eth0"));
    }

    @Test
    void anythingElseIsRefusedNamingTheSettingAndTheEntry() {
        for (String bad : new String[] {"proxy.example.com", "10.0.0.0/33", "::1/129", "10.0.0.256", "10.0.0",
                "127\\.0\\.0\\.1", "10.0.0.0/x", "10.0.0.0/", "1::2::3", ".:", "*"}) {
            TrustedProxies.SettingException e = assertThrows(TrustedProxies.SettingException.class,
                    () -> TrustedProxies.cidrs("127.0.0.1," + bad), bad);
            assertTrue(e.getMessage().startsWith("The setting hopfield.proxy.trusted has \"" + bad + "\", which "),
                    e.getMessage());
        }
    }
}
