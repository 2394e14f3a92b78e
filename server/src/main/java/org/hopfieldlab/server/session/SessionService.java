package org.hopfieldlab.server.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved sessions with ownership enforced on every call: a session that is not the caller's behaves exactly like
 * one that does not exist. A session is saved from a whole lab link, read strictly by the core's {@link LabLink}
 * (spec keys and view keys, a key given twice refused): its spec and its view keys are stored separately, each in the
 * core's canonical form.
 */
@Service
public class SessionService {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Not found, or not the caller's. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException() {
            super("This session does not exist or is not yours.");
        }
    }

    /** Column sizes of lab_session (V1): checked before writing, so the user gets the limit, not a database error. */
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_SPEC = 20_000;
    /** result_snapshot (V6): a sweep of the default max-cells (2,000) gives about 0.9 MB of JSON (≈ 430 characters a cell). */
    public static final int MAX_SNAPSHOT = 2_000_000;

    /** A value over a size limit; the message names the limit. Nothing was written. */
    public static final class SizeLimitException extends IllegalArgumentException {
        public SizeLimitException(String message) {
            super(message);
        }
    }

    private final SessionRepository repo;

    static String notes(String notes) {
        String n = notes == null ? "" : notes;
        if (n.length() > MAX_NOTES) {
            throw new SizeLimitException(String.format("The notes are %,d characters; the limit is %,d. Nothing was "
                    + "saved.", n.length(), MAX_NOTES));
        }
        return n;
    }

    /** The canonical spec, refused with the limit named when it is longer than the column. */
    static String storable(String spec) {
        String c = canonical(spec);
        if (c.length() > MAX_SPEC) {
            throw new SizeLimitException(String.format("This experiment's spec is %,d characters; saved sessions hold "
                    + "at most %,d (large custom memories take the most room). Nothing was saved.", c.length(),
                    MAX_SPEC));
        }
        return c;
    }

    public SessionService(SessionRepository repo) {
        this.repo = repo;
    }

    /**
     * Reads a whole lab link (or just its query, with or without '?'; a '#fragment' is ignored) strictly with the
     * core's {@link LabLink#parse}; a {@link SpecException} names the bad key with the core's message.
     */
    public static LabLink link(String text) {
        if (text == null || text.isBlank()) {
            throw new SpecException("", "the spec is empty; paste a lab link or a query like v=1&model=idp&n=256");
        }
        String s = text.trim();
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(q + 1); // a whole lab link
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        return LabLink.parse(s);
    }

    /** The canonical lab link query (spec, then the view keys that differ from their defaults). */
    public static String canonicalLink(String text) {
        return link(text).format();
    }

    /** The canonical spec of a lab link (its view keys are checked, then left out). */
    public static String canonical(String spec) {
        return SpecCodec.format(link(spec).spec());
    }

    static String title(String title) {
        String t = title == null ? "" : title.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a title is required");
        }
        if (t.length() > 200) {
            throw new IllegalArgumentException("at most 200 characters");
        }
        return t;
    }

    public List<LabSession> list(long userId, String search) {
        return repo.listByOwner(userId, search);
    }

    public LabSession get(long userId, long id) {
        return repo.findOwned(userId, id).orElseThrow(NotFoundException::new);
    }

    /** Saves a new session from a lab link: its spec and its view keys (hide, lock, view, …) are kept. */
    public LabSession create(long userId, String title, String notes, String link) {
        LabLink l = link(link);
        long id = repo.insert(userId, title(title), notes(notes), storable(SpecCodec.format(l.spec())),
                l.view().format(), null, null);
        return get(userId, id);
    }

    /** Saves a session from a lab link: the link's view keys replace the stored ones. */
    public LabSession save(long userId, long id, String title, String notes, String link) {
        LabSession s = get(userId, id);
        LabLink l = link(link);
        if (!repo.update(userId, id, title(title), notes == null ? s.notes() : notes(notes),
                storable(SpecCodec.format(l.spec())), l.view().format(), s.resultSnapshot())) {
            throw new NotFoundException();
        }
        return get(userId, id);
    }

    public LabSession attachSnapshot(long userId, long id, String snapshotJson) {
        LabSession s = get(userId, id);
        repo.update(userId, id, s.title(), s.notes(), s.spec(), s.viewKeys(), snapshot(snapshotJson));
        return get(userId, id);
    }

    /**
     * A new session holding results (a sweep's "Save to sessions"): every size is checked before anything is
     * written, and the session and its results are written in one transaction, so a failure leaves nothing behind.
     */
    @Transactional
    public LabSession createWithSnapshot(long userId, String title, String notes, String link, String snapshotJson) {
        String checked = snapshot(snapshotJson);
        LabLink l = link(link);
        long id = repo.insert(userId, title(title), notes(notes), storable(SpecCodec.format(l.spec())),
                l.view().format(), checked, null);
        return get(userId, id);
    }

    static String snapshot(String json) {
        if (json != null && json.length() > MAX_SNAPSHOT) {
            throw new SizeLimitException(String.format("These results are %,d characters; a saved session holds at "
                    + "most %,d. Nothing was saved; download the CSV or JSON instead.", json.length(), MAX_SNAPSHOT));
        }
        return json;
    }

    public LabSession rename(long userId, long id, String title) {
        LabSession s = get(userId, id);
        repo.update(userId, id, title(title), s.notes(), s.spec(), s.viewKeys(), s.resultSnapshot());
        return get(userId, id);
    }

    @Transactional
    public LabSession duplicate(long userId, long id) {
        LabSession s = get(userId, id);
        String t = s.title().length() > 192 ? s.title().substring(0, 192) : s.title();
        long copy = repo.insert(userId, t + " (copy)", s.notes(), s.spec(), s.viewKeys(), s.resultSnapshot(), s.id());
        return get(userId, copy);
    }

    /** Deletes and returns the session, so the caller can offer undo ({@link #restore}). */
    public LabSession delete(long userId, long id) {
        LabSession s = get(userId, id);
        if (!repo.delete(userId, id)) {
            throw new NotFoundException();
        }
        return s;
    }

    /** Undo of a delete: the same content under a new id (a share link of the deleted one stays dead). */
    public LabSession restore(long userId, LabSession deleted) {
        if (deleted.ownerId() != userId) {
            throw new NotFoundException();
        }
        long id = repo.insert(userId, deleted.title(), deleted.notes(), deleted.spec(), deleted.viewKeys(),
                deleted.resultSnapshot(),
                deleted.forkedFrom());
        return get(userId, id);
    }

    /** Returns the share token, creating an unguessable one (256 random bits) if the session has none. */
    public String share(long userId, long id) {
        LabSession s = get(userId, id);
        if (s.shareToken() != null) {
            return s.shareToken();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repo.setShareToken(userId, id, token);
        return token;
    }

    public void revokeShare(long userId, long id) {
        get(userId, id);
        repo.setShareToken(userId, id, null);
    }

    /** The session behind a share link, for anyone holding it. */
    public LabSession shared(String token) {
        if (token == null || token.length() < 20) {
            throw new NotFoundException();
        }
        return repo.findByShareToken(token).orElseThrow(NotFoundException::new);
    }

    /**
     * Copies a shared session into the caller's own sessions with the spec the visitor left in the shared page's lab
     * ({@code editedSpec}, validated; null or blank: the shared spec as it is). The shared view keys (a teacher's
     * hide and lock) go with the copy.
     */
    public LabSession fork(long userId, String token, String editedSpec) {
        LabSession s = shared(token);
        String spec = editedSpec == null || editedSpec.isBlank() ? s.spec()
                : SpecCodec.format(link(editedSpec).spec());
        long id = repo.insert(userId, s.title(), s.notes(), spec, s.viewKeys(), s.resultSnapshot(), s.id());
        return get(userId, id);
    }

    /** Copies a shared session into the caller's own sessions. */
    public LabSession fork(long userId, String token) {
        LabSession s = shared(token);
        long id = repo.insert(userId, s.title(), s.notes(), s.spec(), s.viewKeys(), s.resultSnapshot(), s.id());
        return get(userId, id);
    }
}
