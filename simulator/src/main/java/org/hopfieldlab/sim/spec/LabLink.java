package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole lab link — the experiment spec's keys and the view keys ({@code preset}, {@code hide}, {@code lock},
 * {@code view}, {@code speed}, {@code engine}) — read and written by the core, so the lab, the server and the CLI
 * agree on what a link means.
 *
 * <p>A link with {@code preset=NAME} starts from that preset and applies its spec keys as edits
 * ({@link SpecEdit#change}, the same as {@code spec NAME key=value} on the CLI); a link without it is read by
 * {@link SpecCodec#parse} (keys left out take their defaults). A key given twice — spec or view — is refused.
 *
 * <p>{@link #parse} is strict (the first problem throws a {@link SpecException} naming the key); {@link #read} is
 * forgiving, for opening links in the lab: it drops what it cannot use, says why for each key, and keeps the rest.
 */
public final class LabLink {
    private final ExperimentSpec spec;
    private final ViewState view;
    private final List<SpecException> errors;
    private final List<String> dropped;

    private LabLink(ExperimentSpec spec, ViewState view, List<SpecException> errors, List<String> dropped) {
        this.spec = spec;
        this.view = view;
        this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
        this.dropped = Collections.unmodifiableList(new ArrayList<>(dropped));
    }

    public ExperimentSpec spec() { return spec; }
    public ViewState view() { return view; }
    /** What was wrong with the link ({@link #read} only; empty after {@link #parse}). */
    public List<SpecException> errors() { return errors; }
    /** Keys of the link that were not used ({@link #read} only), in link order. */
    public List<String> dropped() { return dropped; }

    /** The canonical link query (no '?'): the canonical spec, then the view keys that differ from the defaults. */
    public String format() {
        return format(spec, view);
    }

    public static String format(ExperimentSpec spec, ViewState view) {
        String v = view == null ? "" : view.format();
        return SpecCodec.format(spec) + (v.isEmpty() ? "" : "&" + v);
    }

    /** A link with its spec and view as given; the view is not re-validated (it came from a ViewState). */
    public static LabLink of(ExperimentSpec spec, ViewState view) {
        return new LabLink(spec, view == null ? ViewState.defaults() : view, List.of(), List.of());
    }

    /** Reads a whole link strictly: any problem throws a {@link SpecException} naming the key. */
    public static LabLink parse(String query) {
        List<String[]> specPairs = new ArrayList<>();
        ViewState view = ViewState.defaults();
        for (String[] kv : SpecCodec.pairs(query)) {
            SpecKey k = SpecSchema.key(kv[0]);
            if (k.isView()) {
                view = view.with(kv[0], kv[1]);
            } else {
                specPairs.add(kv);
            }
        }
        return new LabLink(specOf(view.preset(), specPairs), view, List.of(), List.of());
    }

    private static ExperimentSpec specOf(String preset, List<String[]> specPairs) {
        if (!preset.isEmpty()) {
            return SpecEdit.change(Presets.get(preset).spec(), specPairs);
        }
        ExperimentSpec.Builder b = ExperimentSpec.builder();
        for (String[] kv : specPairs) {
            SpecCodec.apply(b, kv[0], kv[1]);
        }
        ExperimentSpec spec = b.build();
        for (String[] kv : specPairs) {
            SpecCodec.requireApplies(spec, kv[0]);
        }
        return spec;
    }

    /**
     * Reads a link forgivingly: every key that cannot be used is dropped with its reason (a key given twice is
     * dropped altogether; a key that others needed takes those with it), and what is left is used. When nothing of
     * the spec can be used the spec is the preset's (or the default experiment).
     */
    public static LabLink read(String query) {
        List<SpecException> errors = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String[]> all = Query.split(query);
        List<String> twice = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String[] kv : all) {
            if (seen.contains(kv[0]) && !twice.contains(kv[0])) {
                twice.add(kv[0]);
            }
            seen.add(kv[0]);
        }
        List<String[]> specPairs = new ArrayList<>();
        ViewState view = ViewState.defaults();
        for (String[] kv : all) {
            String key = kv[0];
            if (twice.contains(key)) {
                if (!dropped.contains(key)) {
                    errors.add(new SpecException(key, "key '" + key + "' is given twice; both were dropped"));
                    dropped.add(key);
                }
                continue;
            }
            if (kv[1] == null) {
                errors.add(new SpecException(key, "'" + key + "' has no value; write key=value"));
                dropped.add(key);
                continue;
            }
            SpecKey k = SpecSchema.find(key);
            if (k == null) {
                errors.add(new SpecException(key, unknownKey(key)));
                dropped.add(key);
            } else if (k.isView()) {
                try {
                    view = view.with(key, kv[1]);
                } catch (SpecException e) {
                    errors.add(e);
                    dropped.add(key);
                }
            } else {
                specPairs.add(kv);
            }
        }
        ExperimentSpec spec = null;
        // each failed attempt names the key at fault: drop it (or what made it needed) and try again
        for (int attempt = 0; attempt <= all.size() + 1 && spec == null; attempt++) {
            try {
                spec = specOf(view.preset(), specPairs);
            } catch (SpecException e) {
                List<String> culprits = culprits(e.key(), specPairs);
                if (culprits.isEmpty() || culprits.contains(e.key())) {
                    errors.add(e);
                }
                if (culprits.isEmpty()) {
                    for (String[] kv : specPairs) {
                        dropped.add(kv[0]);
                    }
                    specPairs.clear();
                    spec = specOf(view.preset(), specPairs);
                    break;
                }
                for (String c : culprits) {
                    if (!c.equals(e.key())) {
                        errors.add(new SpecException(c, "dropped " + c + "=" + valueOf(c, specPairs) + ": "
                                + e.getMessage()));
                    }
                    remove(c, specPairs);
                    dropped.add(c);
                }
            }
        }
        if (spec == null) {
            spec = specOf(view.preset(), new ArrayList<>());
        }
        return new LabLink(spec, view, errors, dropped);
    }

    /** The link's keys to blame for an error on {@code key}: the key itself, or the keys that made it needed. */
    private static List<String> culprits(String key, List<String[]> pairs) {
        List<String> out = new ArrayList<>();
        if (valueOf(key, pairs) != null) {
            out.add(key);
            return out;
        }
        SpecKey k = SpecSchema.find(key);
        if (k != null) {
            for (String c : k.conditionKeys()) {
                if (valueOf(c, pairs) != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static String valueOf(String key, List<String[]> pairs) {
        for (String[] kv : pairs) {
            if (kv[0].equals(key)) {
                return kv[1];
            }
        }
        return null;
    }

    private static void remove(String key, List<String[]> pairs) {
        for (int k = pairs.size() - 1; k >= 0; k--) {
            if (pairs.get(k)[0].equals(key)) {
                pairs.remove(k);
            }
        }
    }

    private static String unknownKey(String key) {
        StringBuilder known = new StringBuilder();
        for (SpecKey k : SpecSchema.all()) {
            known.append(known.length() > 0 ? ", " : "").append(k.name());
        }
        return "unknown key '" + key + "'; known keys: " + known;
    }

    /**
     * As JSON for the lab: {"spec":canonical spec, "link":canonical link, "view":{…}, "errors":[{"key","message"}],
     * "dropped":[keys]}.
     */
    public String toJson() {
        JsonText j = new JsonText().object().field("spec", SpecCodec.format(spec)).field("link", format())
                .key("view").raw(view.toJson()).key("errors").array();
        for (SpecException e : errors) {
            j.object().field("key", e.key()).field("message", e.getMessage()).end();
        }
        return j.end().field("dropped", dropped).end().toString();
    }
}
