package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecDiffTest {
    private static String canon(String q) {
        return SpecCodec.format(SpecCodec.parse(q));
    }

    @Test
    void namesEveryKeyWhoseValueChangesOrThatAppearsOrDisappears() {
        String a = canon("model=idp&noise=8");
        assertEquals(List.of(), SpecDiff.changedKeys(a, a));
        assertEquals(List.of("noise"), SpecDiff.changedKeys(a, canon("model=idp&noise=3")));
        // the modern model brings map/lambda/gamma: they appear
        assertEquals(List.of("model", "map", "lambda", "gamma"),
                SpecDiff.changedKeys(a, canon("model=modern&noise=8&map=softmax&lambda=10&gamma=0.5")));
        // a preset differs from the default in several keys, in canonical order
        assertEquals(List.of("n", "p", "mem", "noise", "t", "in"),
                SpecDiff.changedKeys(canon(""), Presets.get("energy").spec().toString()));
    }

    @Test
    void lockedChangesAreTheLockedKeysAmongThem() {
        String a = canon("model=idp&noise=8");
        String b = canon("model=classic&noise=3");
        assertEquals(List.of("model"), SpecDiff.lockedChanges(a, b, List.of("model", "beta")));
        assertEquals(List.of(), SpecDiff.lockedChanges(a, b, List.of("beta")));
    }
}
