package org.hopfieldlab.batch.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.sim.spec.SpecCodec;

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
     * per {@link CellResult}: cell, the axis values, spec, trials, windows, retrieved, fraction, ciLow, ciHigh,
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
            m.put("values", a.values());
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
            m.put(d.x().key(), d.x().values().get(d.xIndex(c.cell())));
            if (d.y() != null) {
                m.put(d.y().key(), d.y().values().get(d.yIndex(c.cell())));
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
