package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The view keys of a lab link, validated against the key table ({@link SpecSchema#viewKeys()}): the preset the
 * link started from, hidden and locked controls (a teacher's restrictions), the view to open, the speed and the
 * engine. Values left out hold their defaults ("", empty lists, speed 3, engine "auto").
 */
public final class ViewState {
    private final String preset;
    private final List<String> hide;
    private final List<String> lock;
    private final String view;
    private final int speed;
    private final String engine;

    public ViewState(String preset, List<String> hide, List<String> lock, String view, int speed, String engine) {
        this.preset = preset == null ? "" : preset;
        this.hide = canonicalNames(hide);
        this.lock = canonicalNames(lock);
        this.view = view == null ? "" : view;
        this.speed = speed;
        this.engine = engine == null || engine.isEmpty() ? "auto" : engine;
    }

    /** No view keys: the lab's defaults. */
    public static ViewState defaults() {
        return new ViewState("", List.of(), List.of(), "", defaultSpeed(), "auto");
    }

    /** Steps per frame of each speed level 0 … 9; the last one means as fast as the machine goes. */
    private static final double[] STEPS_PER_FRAME = {1, 2, 4, 8, 16, 32, 64, 128, 512, Double.POSITIVE_INFINITY};

    /** How many steps one frame asks for at speed level {@code speed} (infinite: as fast as possible). */
    public static double stepsPerFrame(int speed) {
        if (speed < 0 || speed >= STEPS_PER_FRAME.length) {
            throw new SpecException("speed", "speed = " + speed + " is out of range; allowed: 0 to " + maxSpeed());
        }
        return STEPS_PER_FRAME[speed];
    }

    /** The fastest speed level. */
    static int maxSpeed() {
        return STEPS_PER_FRAME.length - 1;
    }

    /** The speed key's help, from the table above: "steps per frame, 0 … 9 (1 … 512; 9 = as fast as possible)". */
    static String speedHelp() {
        int last = maxSpeed();
        return "steps per frame, 0 … " + last + " (" + Numbers.format(STEPS_PER_FRAME[0]) + " … "
                + Numbers.format(STEPS_PER_FRAME[last - 1]) + "; " + last + " = as fast as possible)";
    }

    private static int defaultSpeed() {
        return Integer.parseInt(SpecSchema.key("speed").defaultText());
    }

    /** The preset the link started from ("" = none). */
    public String preset() { return preset; }
    /** Controls to hide: spec keys and lab sections, in table order. */
    public List<String> hide() { return hide; }
    /** Controls to show but disable, in table order. */
    public List<String> lock() { return lock; }
    /** The view to open on ("" = the time-series chart). */
    public String view() { return view; }
    /** Steps-per-frame level 0 … 9. */
    public int speed() { return speed; }
    /** auto, js or wasm. */
    public String engine() { return engine; }

    public ViewState withPreset(String p) { return new ViewState(p, hide, lock, view, speed, engine); }
    public ViewState withHide(List<String> h) { return new ViewState(preset, h, lock, view, speed, engine); }
    public ViewState withLock(List<String> l) { return new ViewState(preset, hide, l, view, speed, engine); }
    public ViewState withView(String v) { return new ViewState(preset, hide, lock, v, speed, engine); }
    public ViewState withSpeed(int s) { return new ViewState(preset, hide, lock, view, s, engine); }
    public ViewState withEngine(String e) { return new ViewState(preset, hide, lock, view, speed, e); }

    /**
     * Sets one view key from its link text; throws a {@link SpecException} naming the key with the allowed values.
     */
    ViewState with(String key, String text) {
        SpecKey k = SpecSchema.key(key);
        switch (key) {
            case "preset":
                Presets.get(text);
                return withPreset(text);
            case "hide":
                return withHide(names(k, text));
            case "lock":
                return withLock(names(k, text));
            case "view":
                return withView(oneOf(k, text));
            case "speed": {
                int s = Numbers.parseInt(key, text);
                k.checkStatic(s);
                return withSpeed(s);
            }
            case "engine":
                return withEngine(oneOf(k, text));
            default:
                throw new SpecException(key, "key '" + key + "' is not a view key");
        }
    }

    private static String oneOf(SpecKey k, String text) {
        for (SpecKey.Choice c : k.choices()) {
            if (c.value().equals(text)) {
                return text;
            }
        }
        throw new SpecException(k.name(), k.name() + " = '" + text + "' is not one of: " + k.rangeDoc());
    }

    /** A comma list of names from the key's choices; empty items are skipped, unknown names are refused. */
    private static List<String> names(SpecKey k, String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            boolean known = false;
            for (SpecKey.Choice c : k.choices()) {
                known |= c.value().equals(part);
            }
            if (!known) {
                throw new SpecException(k.name(), k.name() + ": '" + part + "' is neither a spec key nor a lab "
                        + "section; allowed: " + k.rangeDoc());
            }
            if (out.contains(part)) {
                throw new SpecException(k.name(), k.name() + ": '" + part + "' is named twice");
            }
            out.add(part);
        }
        return out;
    }

    /** Names in the order of the key table (spec keys, then sections), without duplicates. */
    private static List<String> canonicalNames(List<String> names) {
        List<String> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (SpecKey.Choice c : SpecSchema.key("hide").choices()) {
            if (names.contains(c.value())) {
                out.add(c.value());
            }
        }
        for (String n : names) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The view keys that differ from the defaults, canonical order: hide, lock, view, speed, engine. */
    public String format() {
        StringBuilder q = new StringBuilder();
        if (!hide.isEmpty()) {
            q.append("hide=").append(String.join(",", hide));
        }
        if (!lock.isEmpty()) {
            q.append(q.length() > 0 ? "&" : "").append("lock=").append(String.join(",", lock));
        }
        if (!view.isEmpty()) {
            q.append(q.length() > 0 ? "&" : "").append("view=").append(view);
        }
        if (speed != defaultSpeed()) {
            q.append(q.length() > 0 ? "&" : "").append("speed=").append(speed);
        }
        if (!engine.equals("auto")) {
            q.append(q.length() > 0 ? "&" : "").append("engine=").append(engine);
        }
        return q.toString();
    }

    /** As JSON: {"preset":…,"hide":[…],"lock":[…],"view":…,"speed":…,"engine":…}. */
    public String toJson() {
        return new JsonText().object().field("preset", preset).field("hide", hide).field("lock", lock)
                .field("view", view).field("speed", speed).field("engine", engine).end().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViewState v && v.preset.equals(preset) && v.format().equals(format());
    }

    @Override
    public int hashCode() {
        return preset.hashCode() * 31 + format().hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
