package org.hopfieldlab.batch.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.sim.spec.Numbers;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * CSV and JSON forms of a sweep's results. Both leave out timings, so the same definition gives byte-identical files
 * from the CLI and the server, whatever the number of threads.
 */
public final class SweepExport {
    private SweepExport() {
    }

    public static String csv(SweepResult r) {
        SweepDefinition d = r.definition();
        StringBuilder s = new StringBuilder();
        s.append("cell,").append(d.x().key());
        if (d.y() != null) {
            s.append(',').append(d.y().key());
        }
        s.append(",trials,windows,retrieved,fraction,ci_low,ci_high,diverged\n");
        for (CellResult c : r.cells()) {
            s.append(c.cell()).append(',').append(csvValue(d.x().values().get(d.xIndex(c.cell()))));
            if (d.y() != null) {
                s.append(',').append(csvValue(d.y().values().get(d.yIndex(c.cell()))));
            }
            s.append(',').append(c.trials()).append(',').append(c.windows()).append(',').append(c.retrieved())
                    .append(',').append(num(c.fraction())).append(',').append(num(c.ciLow())).append(',')
                    .append(num(c.ciHigh())).append(',').append(c.diverged()).append('\n');
        }
        return s.toString();
    }

    private static String csvValue(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /**
     * An axis value as JSON holds it, in its key's type ({@link SweepAxis#valueType}): a whole number for a
     * whole-number key, a number for a decimal key (written as its canonical text, {@link SpecCodec#formatNumber}, as
     * cell specs and ranges write it: {@code 0.3}, never {@code 0.30000000000000004}), text for an enumerated key
     * ({@code "idp"}). A stored value that does not read as its key's type (a definition from an older version) stays
     * text.
     */
    static Object value(SweepAxis a, int k) {
        String v = a.values().get(k);
        try {
            return switch (a.valueType()) {
                case INT -> (long) Numbers.parseInt(a.key(), v);
                case NUMBER -> new Decimal(SpecCodec.formatNumber(Numbers.parse(a.key(), v)));
                default -> v;
            };
        } catch (SpecException notOfItsType) {
            return v;
        }
    }

    /** A decimal written as a JSON number in exactly this text, by any Jackson mapper (no double in between). */
    record Decimal(String text) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(text);
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider p, TypeSerializer t) throws IOException {
            serialize(g, p);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A JSON object: definition, axes, threshold (or null) and cells. */
    public static String json(SweepResult r) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The fields of {@link #json}, in order: base, axes, trialsPerCell, seeds, threshold, complete, cells (one object
     * per {@link CellResult}: cell, the axis values (each in its key's type, {@link #value}), spec, trials, windows, retrieved, fraction, ciLow, ciHigh,
     * windowRetrieved, diverged). The CLI's {@code experiment --json} writes these same fields.
     */
    public static Map<String, Object> tree(SweepResult r) {
        SweepDefinition d = r.definition();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("base", SpecCodec.format(d.base()));
        List<Map<String, Object>> axes = new ArrayList<>();
        for (SweepAxis a : d.axes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", a.key());
            List<Object> values = new ArrayList<>();
            for (int k = 0; k < a.size(); k++) {
                values.add(value(a, k));
            }
            m.put("values", values);
            axes.add(m);
        }
        root.put("axes", axes);
        root.put("trialsPerCell", d.trialsPerCell());
        root.put("seeds", d.seeds().key);
        SweepTheory.Threshold t = SweepTheory.threshold(d);
        if (t != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", t.label());
            List<List<Double>> pts = new ArrayList<>();
            for (double[] p : t.points()) {
                List<Double> pt = new ArrayList<>();
                pt.add(p[0]);
                pt.add(Double.isNaN(p[1]) ? null : p[1]);
                pts.add(pt);
            }
            m.put("points", pts);
            root.put("threshold", m);
        } else {
            root.put("threshold", null);
        }
        root.put("complete", r.complete());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellResult c : r.cells()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell", c.cell());
            m.put(d.x().key(), value(d.x(), d.xIndex(c.cell())));
            if (d.y() != null) {
                m.put(d.y().key(), value(d.y(), d.yIndex(c.cell())));
            }
            m.put("spec", SpecCodec.format(d.cellSpec(c.cell())));
            m.put("trials", c.trials());
            m.put("windows", c.windows());
            m.put("retrieved", c.retrieved());
            m.put("fraction", c.fraction());
            m.put("ciLow", c.ciLow());
            m.put("ciHigh", c.ciHigh());
            m.put("windowRetrieved", c.windowRetrieved());
            m.put("diverged", c.diverged());
            cells.add(m);
        }
        root.put("cells", cells);
        return root;
    }
}
