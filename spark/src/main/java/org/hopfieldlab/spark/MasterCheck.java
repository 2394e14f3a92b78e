package org.hopfieldlab.spark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * Before a SparkContext starts on a standalone master ({@code spark://host:port}, or an HA list
 * {@code spark://h1:p1,h2:p2}): at least one master must resolve and accept a TCP connection within a few seconds.
 * Otherwise the sweep is refused in one line naming each master and why (does not resolve, connection refused, timed
 * out), instead of a minute of Spark's retry logs (found: a closed port took about 60 s and pages of
 * "Failed to connect to master" before "SparkContext was shut down"). Other masters ({@code local[...]}, {@code yarn},
 * {@code k8s://}) are not checked.
 */
final class MasterCheck {
    /** Per master, resolving and connecting together. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private MasterCheck() {
    }

    /**
     * Refuses (a {@link SpecException} for {@code --master}: the CLI's exit code 2, like a missing Spark jar) a
     * {@code spark://} master none of whose hosts can be reached; returns at once for any other master.
     */
    static void requireReachable(String master, Duration timeout) {
        if (master == null || !master.startsWith("spark://")) {
            return;
        }
        String[] hostPorts = master.substring("spark://".length()).split(",");
        List<CompletableFuture<String>> probes = new ArrayList<>();
        for (String hp : hostPorts) {
            int colon = hp.lastIndexOf(':');
            String host = hp.substring(0, colon);
            int port = Integer.parseInt(hp.substring(colon + 1));
            CompletableFuture<String> f = new CompletableFuture<>();
            // every master at once: an HA list of dead masters costs one timeout, not one per master
            Thread.ofVirtual().name("spark-master-check-" + hp).start(() -> f.complete(probe(host, port, timeout)));
            probes.add(f);
        }
        List<String> why = new ArrayList<>();
        for (int i = 0; i < hostPorts.length; i++) {
            String reason;
            try {
                // a resolver that hangs is bounded here; a connect is bounded by its own timeout
                reason = probes.get(i).get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                reason = "timed out after " + seconds(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted");
            } catch (ExecutionException e) {
                reason = String.valueOf(e.getCause());
            }
            if (reason == null) {
                return; // one reachable master is enough: Spark finds the leader among them
            }
            why.add(hostPorts[i] + " " + reason);
        }
        throw new SpecException("--master", (hostPorts.length == 1 ? "the Spark master " + master + " is not "
                + "reachable: " : "none of the Spark masters " + master + " is reachable: ") + String.join(", ", why)
                + "; nothing ran (is the master running, and is the URL right?)");
    }

    /** Null when host:port accepts a TCP connection within the timeout, else why not, in a few words. */
    static String probe(String host, int port, Duration timeout) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        long deadline = System.nanoTime() + timeout.toNanos();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(h);
        } catch (UnknownHostException e) {
            return "does not resolve";
        }
        String why = "does not resolve";
        for (InetAddress a : addresses) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return "timed out after " + seconds(timeout);
            }
            // no proxy: Spark's RPC connects directly, so must the check
            try (Socket s = new Socket(Proxy.NO_PROXY)) {
                s.connect(new InetSocketAddress(a, port), (int) Math.min(left, Integer.MAX_VALUE));
                return null;
            } catch (SocketTimeoutException e) {
                why = "timed out after " + seconds(timeout);
            } catch (ConnectException e) {
                why = "connection refused";
            } catch (NoRouteToHostException e) {
                why = "no route to host";
            } catch (IOException | RuntimeException e) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        return why;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
