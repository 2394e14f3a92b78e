package org.hopfieldlab.server.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.batch.sweep.CellResult;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepResult;
import org.hopfieldlab.batch.sweep.SweepTheory;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;

/**
 * Retrieval fraction of a sweep, drawn with Apache ECharts (frontend/components/sweep-chart.ts): lines with 95 %
 * error bars when the sweep is 1-D or its second axis is a category (e.g. model), otherwise a heat map; the theory's
 * threshold on top where it applies.
 */
@Tag("hopfield-sweep-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/sweep-chart.ts")
public class SweepChart extends Component implements HasSize {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepChart() {
        setWidthFull();
        setHeight("440px");
    }

    /** What the chart's value is: the fraction of input windows (with a target) retrieved, over all trials. */
    static final String VALUE_LABEL = "fraction retrieved";

    /**
     * An axis title in the key table's words, with the key as typed and its unit: "Gain β (beta)", "Duration T (t,
     * time)"; an input weight aK is "Input weight a1"; a key the table does not know stays as it is.
     */
    static String axisTitle(String key) {
        SpecKey k = SpecSchema.find(key);
        if (k == null || k.label().isEmpty()) {
            return key.matches("a[0-9]+") ? "Input weight " + key : key;
        }
        return k.label() + " (" + key + (k.unit().isEmpty() ? "" : ", " + k.unit()) + ")";
    }

    public void show(SweepResult result) {
        getElement().setProperty("data", json(result));
    }

    static String json(SweepResult r) {
        SweepDefinition d = r.definition();
        SweepAxis x = d.x();
        SweepAxis y = d.y();
        Map<String, Object> m = new LinkedHashMap<>();
        boolean lines = y == null || !y.isNumeric();
        m.put("kind", lines ? "line" : "heatmap");
        m.put("valueLabel", VALUE_LABEL);
        m.put("xKey", x.key());
        m.put("xLabel", axisTitle(x.key()));
        m.put("xValues", x.values());
        m.put("numericX", x.isNumeric());
        if (y != null) {
            m.put("yKey", y.key());
            m.put("yLabel", axisTitle(y.key()));
            m.put("yValues", y.values());
        }
        if (lines) {
            List<Map<String, Object>> series = new ArrayList<>();
            int rows = y == null ? 1 : y.size();
            for (int row = 0; row < rows; row++) {
                List<Map<String, Object>> pts = new ArrayList<>();
                for (int i = 0; i < x.size(); i++) {
                    CellResult c = r.cell(row * x.size() + i);
                    if (c != null) {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("x", x.isNumeric() ? (Object) x.numeric(i) : x.values().get(i));
                        p.put("f", c.fraction());
                        p.put("lo", c.ciLow());
                        p.put("hi", c.ciHigh());
                        pts.add(p);
                    }
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", y == null ? "retrieval" : y.key() + " = " + y.values().get(row));
                s.put("points", pts);
                series.add(s);
            }
            m.put("series", series);
        } else {
            List<double[]> cells = new ArrayList<>();
            for (CellResult c : r.cells()) {
                cells.add(new double[] {d.xIndex(c.cell()), d.yIndex(c.cell()), c.fraction(), c.ciLow(), c.ciHigh()});
            }
            m.put("cells", cells);
        }
        SweepTheory.Threshold t = SweepTheory.threshold(d);
        if (t != null) {
            List<List<Double>> pts = new ArrayList<>();
            for (double[] p : t.points()) {
                List<Double> pt = new ArrayList<>();
                pt.add(p[0]);
                pt.add(Double.isNaN(p[1]) ? null : p[1]);
                pts.add(pt);
            }
            m.put("threshold", Map.of("label", t.label(), "points", pts));
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
