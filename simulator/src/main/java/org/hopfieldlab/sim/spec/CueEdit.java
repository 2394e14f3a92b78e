package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.InitialState;

/**
 * The lab's "use this drawn cue" in one edit: the picture becomes {@code cuepat}, and it is used as the start state
 * ({@code x0=drawn}), as an input window ({@code p}), or both. Done here so the schedule grammar and the rules of
 * what needs a cue stay in the core.
 */
public final class CueEdit {
    private CueEdit() {
    }

    /**
     * @param cue     the picture, packed as {@code cuepat}
     * @param asStart start from the cue (else a drawn start goes back to the default start state)
     * @param asInput feed the cue as input: window {@code index} becomes a drawn-cue window, or (index &lt; 0) a
     *                drawn-cue window starts at {@code from} unless the schedule has one; without it, drawn-cue windows
     *                are switched off
     */
    public static ExperimentSpec use(ExperimentSpec spec, String cue, boolean asStart, boolean asInput, double from,
            int index) {
        if (!asStart && !asInput) {
            throw new SpecException("cuepat", "use the cue as the start state, the input, or both");
        }
        List<Window> s = new ArrayList<>(spec.schedule());
        if (index >= 0) {
            if (index >= s.size()) {
                throw new SpecException("in", "there is no input window " + (index + 1) + "; the schedule has "
                        + s.size());
            }
            s.set(index, Window.drawn(s.get(index).start()));
        } else if (asInput && !hasDrawnWindow(s)) {
            insertDrawn(s, ScheduleEdit.clean(from, spec.dt()), spec.dt());
        } else if (!asInput) {
            for (int w = 0; w < s.size(); w++) {
                if (s.get(w).kind() == Window.Kind.DRAWN) {
                    s.set(w, Window.off(s.get(w).start()));
                }
            }
        }
        String start = asStart ? "drawn" : spec.initialState() == InitialState.DRAWN
                ? SpecSchema.key("x0").defaultText() : null;
        return SpecEdit.change(spec, "cuepat=" + cue + (start == null ? "" : "&x0=" + start) + "&in="
                + SpecCodec.formatSchedule(s));
    }

    private static boolean hasDrawnWindow(List<Window> s) {
        for (Window w : s) {
            if (w.kind() == Window.Kind.DRAWN) {
                return true;
            }
        }
        return false;
    }

    /** A drawn-cue window from t: it replaces a window starting on the same step, else goes in in order. */
    private static void insertDrawn(List<Window> s, double t, double dt) {
        long step = Math.round(t / dt);
        int at = 0;
        while (at < s.size() && Math.round(s.get(at).start() / dt) < step) {
            at++;
        }
        if (at < s.size() && Math.round(s.get(at).start() / dt) == step) {
            s.set(at, Window.drawn(s.get(at).start()));
        } else {
            s.add(at, Window.drawn(t));
        }
    }
}
