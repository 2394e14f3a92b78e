package org.hopfieldlab.sim.readout;

import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.ExperimentSpec;

/**
 * What the network recalls now, and whether a cue is what brought it there — so a page never says "completes the
 * cue to ξ3" when ξ3 came from a later input window.
 *
 * <p>The state recalls memory K when K has the largest overlap and it exceeds the spec's retrieval threshold. The
 * recall is the <em>completion of a cue</em> when cues are all that acted on the state: the window in force is a
 * cue window (a partial/noisy memory {@code cK} or the drawn picture {@code p}), or every window so far was a cue
 * or off and the run started from a cue ({@code x0=cue} or {@code x0=drawn}) or had a cue window. A mixture or
 * weights window in between means the input, not the cue, chose the memory.
 */
public final class Recall {
    private Recall() {
    }

    /** What the sentence under the network picture says. */
    public enum Kind {
        /** A cue was completed to memory K (the cue may have been of another memory: see {@code cued}). */
        COMPLETES_CUE,
        /** Memory K is recalled; an input that is not a cue (or nothing) led there. */
        RECALLS,
        /** No memory's overlap exceeds the threshold. */
        NONE
    }

    /** Where the cue came from. */
    public enum Source { NONE, START_STATE, INPUT }

    /**
     * The claim: its kind; K (0-based, the largest overlap, also for NONE); that overlap; the threshold; the cue's
     * source; and the memory the cue was made from (0-based), or −1 for a drawn cue or no cue.
     */
    public record Claim(Kind kind, int memory, double overlap, double threshold, Source source, int cued,
            boolean drawn) {
    }

    /** The claim for the read-outs {@code overlaps} while window {@code window} of {@code spec} is in force. */
    public static Claim of(ExperimentSpec spec, int window, double[] overlaps) {
        int k = 0;
        for (int mu = 1; mu < overlaps.length; mu++) {
            if (overlaps[mu] > overlaps[k]) {
                k = mu;
            }
        }
        double thr = spec.threshold();
        if (!(overlaps[k] > thr)) {
            return new Claim(Kind.NONE, k, overlaps[k], thr, Source.NONE, -1, false);
        }
        List<Window> schedule = spec.schedule();
        int w = Math.max(0, Math.min(window, schedule.size() - 1));
        Window now = schedule.get(w);
        if (isCue(now)) {
            return new Claim(Kind.COMPLETES_CUE, k, overlaps[k], thr, Source.INPUT,
                    now.kind() == Window.Kind.CUE ? now.target() : -1, now.kind() == Window.Kind.DRAWN);
        }
        // only cues and silence so far: the latest cue is what the state completed
        Window lastCue = null;
        for (int v = 0; v <= w; v++) {
            Window win = schedule.get(v);
            if (isCue(win)) {
                lastCue = win;
            } else if (win.kind() != Window.Kind.OFF) {
                return new Claim(Kind.RECALLS, k, overlaps[k], thr, Source.NONE, -1, false);
            }
        }
        if (lastCue != null) {
            return new Claim(Kind.COMPLETES_CUE, k, overlaps[k], thr, Source.INPUT,
                    lastCue.kind() == Window.Kind.CUE ? lastCue.target() : -1, lastCue.kind() == Window.Kind.DRAWN);
        }
        InitialState x0 = spec.initialState();
        if (x0 == InitialState.CUE) {
            return new Claim(Kind.COMPLETES_CUE, k, overlaps[k], thr, Source.START_STATE, spec.cue(), false);
        }
        if (x0 == InitialState.DRAWN) {
            return new Claim(Kind.COMPLETES_CUE, k, overlaps[k], thr, Source.START_STATE, -1, true);
        }
        return new Claim(Kind.RECALLS, k, overlaps[k], thr, Source.NONE, -1, false);
    }

    private static boolean isCue(Window w) {
        return w.kind() == Window.Kind.CUE || w.kind() == Window.Kind.DRAWN;
    }
}
