package org.hopfieldlab.sim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole lab links: spec and view keys, strict and forgiving, and the canonical form. */
class LabLinkTest {
    static final String SEQ = Presets.get("sequence").spec().toString();

    static SpecException rejects(String link, String key, String fragment) {
        SpecException e = assertThrows(SpecException.class, () -> LabLink.parse(link), link);
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), link + " gave: " + e.getMessage());
        return e;
    }

    @Test
    void everyBadViewValueGetsAClearMessage() {
        rejects("engine=foo", "engine", "engine = 'foo' is not one of: auto, js, wasm");
        rejects("view=nonsense", "view", "view = 'nonsense' is not one of: theory, landscape, synapses, compare");
        rejects("speed=abc", "speed", "speed = 'abc' is not a whole number");
        rejects("speed=12", "speed", "speed = 12 is out of range; allowed: 0 to 9");
        rejects("hide=noise,zork", "hide", "'zork' is neither a spec key nor a lab section");
        rejects("lock=model,model", "lock", "'model' is named twice");
        rejects("preset=nope", "preset", "unknown preset 'nope'");
        rejects("foo=1", "foo", "unknown key 'foo'");
    }

    @Test
    void repeatedKeysAreRejectedSpecAndView() {
        rejects("n=1024&n=512", "n", "key 'n' is given twice");
        rejects("hide=noise&hide=beta", "hide", "key 'hide' is given twice");
        LabLink r = LabLink.read("n=1024&n=512&noise=4");
        assertEquals(List.of("n"), r.dropped());
        assertEquals(4, r.spec().noise(), 0.0, "the rest is kept");
        assertEquals(1024, r.spec().n(), "n dropped: its default");
    }

    @Test
    void canonicalLinksRoundTripWithTheirViewKeys() {
        LabLink l = LabLink.parse("lock=in,model&view=theory&" + SEQ + "&hide=noise,presets&speed=5&engine=wasm");
        String canonical = l.format();
        assertEquals(SEQ + "&hide=noise,presets&lock=model,in&view=theory&speed=5&engine=wasm", canonical);
        assertEquals(canonical, LabLink.parse(canonical).format());
        assertEquals(SEQ, LabLink.parse(SEQ + "&speed=3&engine=auto").format(), "defaults are not written");
        assertEquals(List.of("noise", "presets"), l.view().hide());
    }

    @Test
    void aPresetIsABaseAndItsKeysAreEdits() {
        LabLink l = LabLink.parse("preset=energy&noise=1&hide=noise");
        assertEquals(SpecEdit.change(Presets.get("energy").spec(), "noise=1"), l.spec());
        assertEquals("energy", l.view().preset());
        assertTrue(!l.format().contains("preset="), "the preset is resolved into the spec");
    }

    @Test
    void forgivingReadDropsWhatItCannotUseAndSaysWhy() {
        // issue 7 item: mem=custom&pat=zzz said only "none given"
        LabLink r = LabLink.read("mem=custom&pat=zzz&noise=2");
        assertEquals(List.of("pat", "mem"), r.dropped());
        assertEquals("pat", r.errors().get(0).key());
        assertTrue(r.errors().get(0).getMessage().contains("pat holds 1 memory but p = 10"), r.errors().toString());
        assertTrue(r.errors().get(1).getMessage().startsWith("dropped mem=custom: mem=custom needs pat"),
                r.errors().toString());
        assertEquals(2, r.spec().noise(), 0.0);
        LabLink bad = LabLink.read("engine=foo&view=theory&beta=-1");
        assertEquals(List.of("engine", "beta"), bad.dropped());
        assertEquals("theory", bad.view().view());
        assertTrue(bad.toJson().contains("\"errors\":[{\"key\":\"engine\""), bad.toJson());
        LabLink empty = LabLink.read("");
        assertEquals(SpecCodec.parse(""), empty.spec());
        assertTrue(empty.errors().isEmpty());
    }
}
