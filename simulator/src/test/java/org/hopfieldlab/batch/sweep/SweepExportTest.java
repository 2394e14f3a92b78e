package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepExportTest {
    @Test
    void jsonCarriesDefinitionThresholdAndCells() throws Exception {
        SweepDefinition d = SweepPresets.get("beta").definition();
        CellResult c = new CellResult(2, 8, 8, 6, 0.75, 0.41, 0.93, List.of(6), 0, 1.5);
        JsonNode root = new ObjectMapper().readTree(SweepExport.json(SweepResult.of(d, List.of(c))));
        assertEquals("beta", root.get("axes").get(0).get("key").asText());
        assertEquals(19, root.get("axes").get(0).get("values").size());
        assertEquals(8, root.get("trialsPerCell").asInt());
        assertFalse(root.get("complete").asBoolean());
        assertTrue(root.get("threshold").get("label").asText().contains("β α'1 = 1"));
        JsonNode cell = root.get("cells").get(0);
        assertEquals(2, cell.get("cell").asInt());
        assertTrue(cell.get("beta").isIntegralNumber(), "beta=4 is the number 4: " + cell.get("beta"));
        assertEquals(4, cell.get("beta").asInt());
        assertEquals(0.75, cell.get("fraction").asDouble());
        assertTrue(cell.get("spec").asText().contains("beta=4&"), cell.get("spec").asText());
        assertFalse(cell.has("seconds"), "timings are left out so exports compare byte for byte");
    }

    /** pandas and numpy read axis values in their key's type: numbers (as given, canonical), text only for choices. */
    @Test
    void jsonAxisValuesHaveTheirKeysType() throws Exception {
        SweepDefinition d = new SweepDefinition(SweepPresets.get("noise").definition().base(),
                List.of(SweepAxis.parse("noise=0.1:0.5:5"), SweepAxis.parse("model=idp,classic")), 1, SeedPolicy.SAME);
        CellResult c = new CellResult(7, 1, 3, 0, 0, 0, 0.56, List.of(0, 0, 0), 0, 0.2);
        String json = SweepExport.json(SweepResult.of(d, List.of(c)));
        // the canonical text of each value, never a double re-printed (0.30000000000000004)
        assertTrue(json.contains("\"values\" : [ 0.1, 0.2, 0.3, 0.4, 0.5 ]"), json);
        assertTrue(json.contains("\"values\" : [ \"idp\", \"classic\" ]"), json);
        JsonNode cell = new ObjectMapper().readTree(json).get("cells").get(0);
        assertTrue(cell.get("noise").isNumber(), cell.toString());
        assertEquals(0.3, cell.get("noise").asDouble());
        assertTrue(cell.get("model").isTextual(), cell.toString());
        assertEquals("classic", cell.get("model").asText());

        SweepDefinition whole = new SweepDefinition(SweepPresets.get("noise").definition().base(),
                List.of(SweepAxis.parse("p=3,4"), SweepAxis.parse("beta=1e1,2.50")), 1, SeedPolicy.SAME);
        JsonNode root = new ObjectMapper().readTree(SweepExport.json(SweepResult.of(whole,
                List.of(new CellResult(3, 1, 3, 0, 0, 0, 0.56, List.of(0, 0, 0), 0, 0.2)))));
        JsonNode p = root.get("axes").get(0).get("values");
        assertTrue(p.get(0).isIntegralNumber() && p.get(1).isIntegralNumber(), p.toString());
        // typed values in their canonical form: 1e1 is 10, 2.50 is 2.5 (as in the cell's spec)
        assertEquals("[10,2.5]", root.get("axes").get(1).get("values").toString());
        assertEquals(4, root.get("cells").get(0).get("p").asInt());
        assertTrue(root.get("cells").get(0).get("spec").asText().contains("beta=2.5&"));
    }

    @Test
    void csvHasOneRowPerFinishedCell() {
        SweepDefinition d = new SweepDefinition(SweepPresets.get("noise").definition().base(),
                List.of(SweepAxis.parse("noise=0,4"), SweepAxis.parse("model=idp,classic")), 1, SeedPolicy.SAME);
        CellResult c = new CellResult(3, 1, 3, 0, 0, 0, 0.56, List.of(0, 0, 0), 0, 0.2);
        String csv = SweepExport.csv(SweepResult.of(d, List.of(c)));
        assertEquals("cell,noise,model,trials,windows,retrieved,fraction,ci_low,ci_high,diverged\n"
                + "3,4,classic,1,3,0,0.000000,0.000000,0.560000,0\n", csv);
    }
}
