package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.server.ui.SharedSessionView;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Saved sessions keep a lab link's view keys (hide, lock, view, …) through save, reopen, share, fork, duplicate and
 * undo, on the embedded H2 database; links are read strictly by the core's LabLink (repeated keys and bad view values
 * refused with its messages). The column itself is also checked on PostgreSQL by {@link RepositoryChecks}.
 */
@ServerTest
class ViewKeysTest {
    static final String SPEC = "v=1&model=classic&n=256&p=3&noise=2";
    // a teacher's link: keys in no particular order; the canonical form lists hide/lock names in table order
    static final String LINK = SPEC + "&lock=model&hide=noise,beta&view=theory";
    static final String VIEW = "hide=beta,noise&lock=model&view=theory";

    @Autowired
    AccountService accounts;
    @Autowired
    SessionService sessions;
    @Autowired
    JdbcClient jdbc;

    long teacher;
    long student;

    @BeforeEach
    void users() {
        String tag = Long.toString(System.nanoTime(), 36);
        teacher = accounts.signUp("teacher-" + tag, "correct horse");
        student = accounts.signUp("student-" + tag, "battery staple");
    }

    static String canonicalSpec(String query) {
        return SpecCodec.format(SpecCodec.parse(query));
    }

    @Test
    void aSavedLinkKeepsItsViewKeysInTheirOwnColumn() {
        LabSession s = sessions.create(teacher, "Noise lesson", "", "http://host/lab/index.html?" + LINK + "#x");
        assertEquals(canonicalSpec(SPEC), s.spec());
        assertEquals(VIEW, s.viewKeys());
        assertEquals(canonicalSpec(SPEC) + "&" + VIEW, s.link());
        assertEquals(VIEW, jdbc.sql("select view_keys from lab_session where id = ?").param(s.id())
                .query(String.class).single());
        // reopened: the link reads back to the same spec and view
        LabLink again = SessionService.link(sessions.get(teacher, s.id()).link());
        assertEquals(List.of("beta", "noise"), again.view().hide());
        assertEquals(List.of("model"), again.view().lock());
        assertEquals("theory", again.view().view());
        assertEquals(s.link(), again.format());
    }

    @Test
    void speedAndEngineTravelToo() {
        LabSession s = sessions.create(teacher, "Fast", "", SPEC + "&engine=js&speed=7");
        assertEquals("speed=7&engine=js", s.viewKeys());
    }

    @Test
    void savingALinkWithoutViewKeysClearsThem() {
        LabSession s = sessions.create(teacher, "Lesson", "", LINK);
        LabSession saved = sessions.save(teacher, s.id(), "Lesson", "", SPEC);
        assertEquals("", saved.viewKeys());
        LabSession back = sessions.save(teacher, s.id(), "Lesson", "", LINK);
        assertEquals(VIEW, back.viewKeys());
    }

    @Test
    void renameDuplicateSnapshotAndUndoKeepTheViewKeys() {
        LabSession s = sessions.create(teacher, "Lesson", "", LINK);
        assertEquals(VIEW, sessions.rename(teacher, s.id(), "Renamed").viewKeys());
        assertEquals(VIEW, sessions.attachSnapshot(teacher, s.id(), "{\"m\":1}").viewKeys());
        assertEquals(VIEW, sessions.duplicate(teacher, s.id()).viewKeys());
        LabSession deleted = sessions.delete(teacher, s.id());
        assertEquals(VIEW, sessions.restore(teacher, deleted).viewKeys());
    }

    @Test
    void shareAndForkKeepTheViewKeys() {
        LabSession s = sessions.create(teacher, "Lesson", "", LINK);
        String token = sessions.share(teacher, s.id());
        assertEquals(s.link(), sessions.shared(token).link());
        LabSession copy = sessions.fork(student, token);
        assertEquals(s.link(), copy.link());
        assertEquals(student, copy.ownerId());
        // a fork of what the student tried in the shared page's lab: their spec, the teacher's view keys
        LabSession tried = sessions.fork(student, token, "v=1&model=classic&n=256&p=3&noise=5");
        assertEquals(canonicalSpec("v=1&model=classic&n=256&p=3&noise=5"), tried.spec());
        assertEquals(VIEW, tried.viewKeys());
        SpecException bad = assertThrows(SpecException.class, () -> sessions.fork(student, token, "v=1&n=-3"));
        assertTrue(bad.getMessage().contains("n = -3 is out of range"), bad.getMessage());
        // the shared session itself never changed
        assertEquals(s.link(), sessions.shared(token).link());
    }

    @Test
    void repeatedKeysAndBadViewValuesAreRefusedWithTheCoresMessages() {
        SpecException twice = assertThrows(SpecException.class,
                () -> sessions.create(teacher, "x", "", "v=1&n=1024&n=512"));
        assertEquals("key 'n' is given twice", twice.getMessage());
        SpecException twiceView = assertThrows(SpecException.class,
                () -> sessions.create(teacher, "x", "", SPEC + "&hide=noise&hide=beta"));
        assertEquals("key 'hide' is given twice", twiceView.getMessage());
        SpecException view = assertThrows(SpecException.class,
                () -> sessions.create(teacher, "x", "", SPEC + "&view=nonsense"));
        assertEquals("view", view.key());
        assertTrue(view.getMessage().contains("'nonsense' is not one of: "), view.getMessage());
        SpecException hide = assertThrows(SpecException.class,
                () -> sessions.create(teacher, "x", "", SPEC + "&hide=zzz"));
        assertTrue(hide.getMessage().contains("'zzz' is neither a spec key nor a lab section"), hide.getMessage());
        SpecException speed = assertThrows(SpecException.class,
                () -> sessions.create(teacher, "x", "", SPEC + "&speed=abc"));
        assertEquals("speed", speed.key());
        SpecException engine = assertThrows(SpecException.class,
                () -> sessions.create(teacher, "x", "", SPEC + "&engine=foo"));
        assertEquals("engine", engine.key());
        assertTrue(sessions.list(teacher, "").isEmpty(), "nothing was saved from a refused link");
    }

    @Test
    void aPresetLinkIsThePresetWithItsEdits() {
        LabSession s = sessions.create(teacher, "Energy", "", "preset=energy&noise=0&lock=noise");
        assertEquals(SpecCodec.format(SpecEdit.change(Presets.get("energy").spec(), "noise=0")), s.spec());
        assertEquals("lock=noise", s.viewKeys());
    }

    @Test
    void theSharedPageSaysWhatAnEditDoes() {
        LabLink link = SessionService.link(LINK);
        String out = SharedSessionView.note(false, link);
        assertTrue(out.contains("local experiment"), out);
        assertTrue(out.contains("sign in and fork"), out);
        assertTrue(out.contains("hidden") && out.contains("locked"), out);
        assertTrue(SharedSessionView.note(true, SessionService.link(SPEC)).contains("To keep them, fork"));
    }
}
