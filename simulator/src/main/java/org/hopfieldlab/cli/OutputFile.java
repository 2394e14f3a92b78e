package org.hopfieldlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * A result file given with {@code --out}: checked before a sweep starts (a sweep of hours must not end on a typo in
 * a folder name), then written whole or not at all — through a temporary file beside it, moved into place, so a full
 * disk leaves the old file (or none) and an error naming the file, never a cut result.
 */
final class OutputFile {
    private OutputFile() {
    }

    /** Bad input (exit 2) when {@code file} cannot be written: a folder, a missing folder, no permission. */
    static void check(String option, Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new SpecException(option, option + " " + file + " is a folder; give a file name");
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new SpecException(option, option + " " + file + ": the folder " + dir + " does not exist");
        }
        boolean writable = Files.exists(abs) ? Files.isWritable(abs) : Files.isWritable(dir);
        if (!writable) {
            throw new SpecException(option, option + " " + file + " cannot be written (no permission, or a "
                    + "read-only file system)");
        }
    }

    /**
     * Bad input (exit 2) when {@code file} is one of the files the command reads ({@code inputs}: a merge's parts, a
     * sweep's journal): the result would replace them, and a part or a journal once gone cannot be merged or resumed.
     *
     * @param what how the message names an input, e.g. "one of the part files being merged"
     */
    static void checkNotInput(String option, Path file, Iterable<Path> inputs, String what) {
        for (Path in : inputs) {
            if (in != null && same(file, in)) {
                throw new SpecException(option, option + " " + file + " is " + what + " (" + in + "); the result "
                        + "would replace it: give another file name");
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Writes the whole text or fails with an I/O error naming the file and the reason (exit 1). */
    static void write(String option, Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        try {
            if (Files.exists(abs) && !Files.isRegularFile(abs)) {
                // a device or a pipe (--out /dev/stdout): write straight to it, there is nothing to replace
                Files.writeString(abs, text, StandardCharsets.UTF_8);
                return;
            }
            Path target = Files.exists(abs) ? abs.toRealPath() : abs; // a link: replace what it points to
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                    + ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + option + " " + file + ": " + reason(e), e);
        }
    }

    /** Moves a finished temporary file into place (atomically where the file system can). */
    static void move(Path tmp, Path target) throws IOException {
        Path to = Files.exists(target) && Files.isRegularFile(target) ? target.toRealPath() : target;
        try {
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
