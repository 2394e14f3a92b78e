package org.hopfieldlab.sim.spec;

import java.util.List;

/**
 * The key table written out for its readers: JSON for the lab and the server ({@link #toJson}), the control state
 * of one spec ({@link #controlsJson}), a plain-text table for the CLI ({@link #textTable}) and the README's Markdown
 * table ({@link #markdownTable}, checked by a test).
 */
public final class SchemaDocs {
    private SchemaDocs() {
    }

    /** The whole table: {"version", "groups", "keys", "rules", "sections"} (one object per key). */
    public static String toJson() {
        JsonText j = new JsonText().object().field("version", ExperimentSpec.VERSION).key("groups").array();
        for (KeyGroup g : KeyGroup.values()) {
            j.object().field("name", g.key()).field("label", g.label).end();
        }
        j.end().key("keys").array();
        for (SpecKey k : SpecSchema.all()) {
            keyJson(j, k);
        }
        j.end().key("rules").array();
        for (SpecRule r : SpecSchema.rules()) {
            j.object().field("name", r.name()).field("text", r.text()).field("keys", r.keys())
                    .field("appliesWhen", r.appliesWhen()).end();
        }
        j.end().key("sections").array();
        for (SpecKey.Choice c : SpecSchema.sections()) {
            j.object().field("value", c.value()).field("label", c.label()).end();
        }
        return j.end().end().toString();
    }

    /** One key as a JSON object (also what {@code hopfield-cli schema --json} prints per key). */
    static void keyJson(JsonText j, SpecKey k) {
        j.object().field("name", k.name()).field("kind", k.isView() ? "view" : "spec").field("type", k.type().key())
                .field("since", k.since()).field("group", k.group().key()).field("groupLabel", k.group().label)
                .field("label", k.label()).field("help", k.help()).field("unit", k.unit());
        j.key("default").value(k.required() ? null : k.defaultText()).field("required", k.required());
        j.key("editDefault").value(k.editDefault()).key("editDefaults").array();
        for (String[] d : k.contextDefaults()) {
            j.object().field("when", d[0]).field("value", d[1]).end();
        }
        j.end().field("min", k.min()).field("minOpen", k.minOpen()).field("max", k.max()).field("maxOpen", k.maxOpen())
                .field("maxKey", k.maxKey()).field("range", k.rangeDoc()).field("step", k.step())
                .field("scale", k.scale()).field("typicalMin", k.typicalMin()).field("typicalMax", k.typicalMax());
        choices(j, k.choices());
        j.field("appliesWhen", k.appliesWhen()).field("whyNot", k.whyNot()).end();
    }

    private static void choices(JsonText j, List<SpecKey.Choice> choices) {
        j.key("choices").array();
        for (SpecKey.Choice c : choices) {
            j.object().field("value", c.value()).field("label", c.label()).end();
        }
        j.end();
    }

    /**
     * What a form needs for every spec key of this spec: {"spec", "keys":[{"name","value","applies","whyNot",
     * "min","max","minOpen","maxOpen","step","scale","typicalMin","typicalMax","choices","label","help","unit",
     * "group","rule","editDefault"}]}. Bounds are the ones in force now (p ≤ n and n·p ≤ 2^22, pulse ≤ t, …).
     */
    public static String controlsJson(ExperimentSpec spec) {
        ExperimentSpec.Builder b = spec.values();
        JsonText j = new JsonText().object().field("spec", SpecCodec.format(spec)).key("keys").array();
        for (SpecKey k : SpecSchema.specKeys()) {
            boolean applies = k.applies(b);
            j.object().field("name", k.name()).field("value", k.text(b)).field("applies", applies)
                    .field("whyNot", applies ? "" : k.whyNot());
            double lo = SpecSchema.lower(k, b);
            double hi = SpecSchema.upper(k, b);
            j.field("min", lo).field("minOpen", k.minOpen() && lo == k.min())
                    .field("max", hi).field("maxOpen", SpecSchema.upperOpen(k, b))
                    .field("step", k.step()).field("scale", k.scale()).field("typicalMin", k.typicalMin())
                    .field("typicalMax", k.typicalMax());
            choices(j, k.choices());
            j.field("label", k.label()).field("help", k.help()).field("unit", k.unit()).field("group", k.group().key())
                    .field("rule", SpecSchema.activeRules(k, b)).key("editDefault")
                    .value(k.editDefault(b)).end();
        }
        return j.end().end().toString();
    }

    /** A plain-text table for the terminal: one block per key. */
    public static String textTable() {
        StringBuilder sb = new StringBuilder();
        KeyGroup group = null;
        for (SpecKey k : SpecSchema.all()) {
            if (k.group() != group) {
                group = k.group();
                sb.append(sb.length() > 0 ? "\n" : "").append(group.label).append('\n');
            }
            sb.append(String.format("  %-8s %-8s %s%n", k.name(), k.type().key(), k.label()));
            String def = k.required() ? "(none: required when it applies)" : k.defaultText().isEmpty() ? "(empty)"
                    : k.defaultText();
            sb.append("           default ").append(def);
            if (k.editDefault() != null && !k.editDefault().equals(k.defaultText())) {
                sb.append("; an edit sets ").append(k.editDefault());
            }
            for (String[] d : k.contextDefaults()) {
                sb.append("; with ").append(d[0]).append(": ").append(d[1]);
            }
            sb.append('\n');
            if (!k.rangeDoc().isEmpty()) {
                sb.append("           allowed ").append(k.rangeDoc()).append('\n');
            }
            if (!k.appliesWhen().isEmpty()) {
                sb.append("           only with ").append(k.appliesWhen()).append('\n');
            }
            sb.append("           ").append(k.help()).append('\n');
        }
        sb.append("\nRules between keys\n");
        for (SpecRule r : SpecSchema.rules()) {
            sb.append(String.format("  %-15s %s%s%n", r.name(), r.appliesWhen().isEmpty() ? "" : "with "
                    + r.appliesWhen() + ": ", r.text()));
        }
        return sb.toString();
    }

    /** Short key help for commands that take KEY=VALUE overrides: one line per spec key. */
    public static String keyHelp() {
        StringBuilder sb = new StringBuilder();
        for (SpecKey k : SpecSchema.specKeys()) {
            if (k.name().equals("v")) {
                continue;
            }
            String range = k.rangeDoc().isEmpty() ? "" : " [" + k.rangeDoc() + "]";
            String def = k.required() ? "" : " (default " + (k.defaultText().isEmpty() ? "empty" : k.defaultText()) + ")";
            String when = k.appliesWhen().isEmpty() ? "" : " — only with " + k.appliesWhen();
            sb.append(String.format("  %-7s %s%s%s%s%n", k.name(), k.label(), range, def, when));
        }
        sb.append("  Full table: schema (or schema --json)");
        return sb.toString();
    }

    /** The README's key table (Markdown), generated from the schema. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| key | meaning | default | allowed | applies |\n|---|---|---|---|---|\n");
        for (SpecKey k : SpecSchema.all()) {
            String def = k.required() ? "required" : k.defaultText().isEmpty() ? "" : "`" + k.defaultText() + "`";
            if (k.editDefault() != null && !k.editDefault().equals(k.defaultText())) {
                def += " (edits: `" + k.editDefault() + "`)";
            }
            for (String[] d : k.contextDefaults()) {
                def += " (edits with " + d[0] + ": `" + d[1] + "`)";
            }
            String allowed = k.type() == SpecKey.Type.LIST ? "spec keys, sections" : k.rangeDoc();
            sb.append("| `").append(k.name()).append("` | ").append(escape(k.label())).append(": ")
                    .append(escape(k.help())).append(" | ").append(def).append(" | ").append(escape(allowed))
                    .append(" | ").append(k.isView() ? "lab links" : escape(k.appliesWhen().isEmpty() ? "always"
                            : k.appliesWhen())).append(" |\n");
        }
        sb.append("\nRules between keys:\n\n");
        for (SpecRule r : SpecSchema.rules()) {
            sb.append("- ").append(r.appliesWhen().isEmpty() ? "" : "with " + r.appliesWhen() + ": ")
                    .append(escape(r.text())).append('\n');
        }
        sb.append("- `hide`/`lock` sections: ");
        List<SpecKey.Choice> sections = SpecSchema.sections();
        for (int k = 0; k < sections.size(); k++) {
            sb.append(k > 0 ? ", " : "").append('`').append(sections.get(k).value()).append('`');
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
