package org.hopfieldlab.cli;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.WriterConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopfieldlab.exercise.ExerciseLinks;
import org.hopfieldlab.exercise.ExerciseSources;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.ExerciseException;
import org.hopfieldlab.sim.exercise.Grader;
import org.hopfieldlab.sim.exercise.Task;
import org.hopfieldlab.sim.exercise.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exercise list|grade|show|link}: the lab's grader for teachers' scripts and learning-management systems. */
@Command(name = "exercise", description = "Classroom exercises: list them, grade an answer, show or link one.",
        subcommands = {ExerciseCommand.ListCommand.class, ExerciseCommand.GradeCommand.class,
            ExerciseCommand.ShowCommand.class, ExerciseCommand.LinkCommand.class})
final class ExerciseCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    /** {@code exercise} alone is a usage error: its usage on stderr, exit 2 (as {@code hopfield-cli} alone). */
    @Override
    public Integer call() {
        return HopfieldCli.missingSubcommand(commandSpec.commandLine());
    }

    @Command(name = "list", description = "The built-in exercises and any given exercise files, with their tasks.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec commandSpec;

        @Parameters(paramLabel = "FILES", arity = "0..*", description = "exercise files (JSON) or links to list too")
        List<String> files = new ArrayList<>();

        @Option(names = "--json", description = "print one JSON object: {\"exercises\": [view, …]}")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = commandSpec.commandLine().getOut();
            List<Exercise> exercises = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            for (String id : Course.ids()) {
                exercises.add(Course.get(id));
                sources.add("built-in");
            }
            for (String f : files) {
                try {
                    exercises.add(ExerciseSources.load(f));
                } catch (ExerciseException e) {
                    throw new ExerciseException("", f + ": " + e.getMessage());
                }
                sources.add(f);
            }
            if (json) {
                JsonArray all = new JsonArray();
                for (int k = 0; k < exercises.size(); k++) {
                    JsonObject view = Json.parse(exercises.get(k).viewJson()).asObject();
                    view.add("source", sources.get(k));
                    all.add(view);
                }
                out.println(new JsonObject().add("exercises", all));
            } else {
                for (int k = 0; k < exercises.size(); k++) {
                    Exercise e = exercises.get(k);
                    out.println(e.id() + "  " + e.title() + ("built-in".equals(sources.get(k)) ? ""
                            : "  (" + sources.get(k) + ")"));
                    for (Task t : e.tasks()) {
                        out.printf("    %-22s %-8s %s%n", t.id(), t.kind().key, firstLine(t.prompt()));
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "grade", description = {"Grade one answer and print the verdict and its feedback.",
        "EXERCISE: a built-in id, an exercise file or an exercise link.",
        "ANSWER: a number (numeric), a choice id (choice), a spec or lab link (make, draw) or a packed cue (draw).",
        "Exit code: 0 right, 1 wrong, 2 refused or bad input."})
    static final class GradeCommand implements Callable<Integer> {
        @Spec
        CommandSpec commandSpec;

        @Parameters(index = "0", paramLabel = "EXERCISE")
        String exercise;

        @Parameters(index = "1", paramLabel = "TASK")
        String task;

        @Parameters(index = "2", paramLabel = "ANSWER")
        String answer;

        @Option(names = "--json", description = "print the verdict as one JSON object")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = commandSpec.commandLine().getOut();
            Verdict v = Grader.grade(ExerciseSources.load(exercise), task, answer);
            out.println(json ? v.toJson() : v.toText().stripTrailing());
            out.flush();
            switch (v.status()) {
                case RIGHT: return 0;
                case WRONG: return 1;
                default: return 2;
            }
        }
    }

    @Command(name = "show", description = "Print an exercise as its canonical JSON document (a start for your own).")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec commandSpec;

        @Parameters(index = "0", paramLabel = "EXERCISE", description = "a built-in id, a file or a link")
        String exercise;

        @Override
        public Integer call() {
            PrintWriter out = commandSpec.commandLine().getOut();
            out.println(Json.parse(ExerciseSources.load(exercise).toJson()).toString(WriterConfig.PRETTY_PRINT));
            out.flush();
            return 0;
        }
    }

    @Command(name = "link", description = "Print a lab link that opens the exercise (compressed JSON in the fragment).")
    static final class LinkCommand implements Callable<Integer> {
        @Spec
        CommandSpec commandSpec;

        @Parameters(index = "0", paramLabel = "EXERCISE", description = "a built-in id, a file or a link")
        String exercise;

        @Option(names = "--base", description = "the lab's address (default: index.html)")
        String base = "index.html";

        @Override
        public Integer call() {
            PrintWriter out = commandSpec.commandLine().getOut();
            if (Course.has(exercise)) {
                out.println(base + "#" + ExerciseLinks.KEY + "=" + exercise);
            } else {
                out.println(ExerciseLinks.link(base, ExerciseSources.load(exercise).toJson()));
            }
            out.flush();
            return 0;
        }
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl);
        }
        return line.length() > 90 ? line.substring(0, 87) + "…" : line;
    }
}
