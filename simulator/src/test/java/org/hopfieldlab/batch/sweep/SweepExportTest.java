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
        assertEquals("4", cell.get("beta").asText());
        assertEquals(0.75, cell.get("fraction").asDouble());
        assertTrue(cell.get("spec").asText().contains("beta=4&"), cell.get("spec").asText());
        assertFalse(cell.has("seconds"), "timings are left out so exports compare byte for byte");
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
