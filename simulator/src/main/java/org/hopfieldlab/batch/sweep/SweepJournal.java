package org.hopfieldlab.batch.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * An append-only record of finished cells ({@link SweepPart} format), so a sweep killed at any moment (kill -9, a
 * node lost) resumes without redoing them. Each cell is one write of one whole line, forced to disk; a line cut by
 * the kill is dropped when the journal is opened again and that cell runs again. Backends that run a cell in blocks
 * (Spark; the local engine for cells of more than one block) also append each finished {@link TrialBlock} of a cell
 * not yet finished, so a resume runs only the missing trials.
 */
public final class SweepJournal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final Map<Integer, CellResult> finished;
    private final Map<Integer, List<TrialBlock>> blocks;

    private SweepJournal(Path file, FileChannel channel, Map<Integer, CellResult> finished,
            Map<Integer, List<TrialBlock>> blocks) {
        this.file = file;
        this.channel = channel;
        this.finished = finished;
        this.blocks = blocks;
    }

    /**
     * Opens (or creates) the journal of this sweep and shard. An existing journal must belong to the same
     * definition and shard; its finished cells are returned by {@link #finished()}.
     */
    public static SweepJournal open(Path file, SweepDefinition def, SweepShard shard) throws IOException {
        if (Files.isDirectory(file)) {
            throw new SpecException("--journal", "journal " + file + " is a folder; give a file name");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new SpecException("--journal", "journal " + file + ": the folder " + dir + " does not exist");
        }
        try {
            return openFile(file, def, shard);
        } catch (IOException e) {
            // name the journal: "No space left on device" alone does not say which file
            String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder" : e.getMessage();
            throw new IOException("cannot use journal " + file + ": " + reason, e);
        }
    }

    private static SweepJournal openFile(Path file, SweepDefinition def, SweepShard shard) throws IOException {
        Map<Integer, CellResult> done = new TreeMap<>();
        Map<Integer, List<TrialBlock>> blocks = new TreeMap<>();
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // one writer per journal: a second sweep on it (a resume started while the first still runs, or the
            // Spark child of a killed CLI) would append the same cells and blocks twice
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new SpecException("--journal", "journal " + file + " is in use by another running sweep; "
                        + "wait for it to end or stop it, then run this again");
            }
            // read through the locked channel: closing any other descriptor of the file would drop the lock
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, ch.size()));
            while (bytes.hasRemaining() && ch.read(bytes, bytes.position()) >= 0) {
                // read to the end
            }
            SweepPart part = SweepPart.parse(bytes.array(), file.toString());
            if (part == null) {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(SweepPart.header(def, shard).getBytes(StandardCharsets.UTF_8)));
                ch.force(false);
            } else {
                if (!part.definition().equals(def)) {
                    throw new SpecException("--journal", "journal " + file + " belongs to another sweep; its "
                            + "definition is:\n" + part.definition().format() + "use a new journal file for this sweep");
                }
                if (!part.shard().equals(shard)) {
                    throw new SpecException("--journal", "journal " + file + " is for shard " + part.shard().format()
                            + ", not " + shard.format());
                }
                done.putAll(part.cells());
                part.blocks().forEach((k, v) -> blocks.put(k, new ArrayList<>(v)));
                // drop a line cut by a kill, so the next cell starts on a line of its own
                ch.truncate(part.completeBytes());
                ch.position(part.completeBytes());
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new SweepJournal(file, ch, done, blocks);
    }

    public Path file() {
        return file;
    }

    /** Cells finished before this journal was opened (and appended since). */
    public synchronized Map<Integer, CellResult> finished() {
        return Collections.unmodifiableMap(new TreeMap<>(finished));
    }

    /** Finished blocks of cells not finished, per cell, sorted by first trial (from before and appended since). */
    public synchronized Map<Integer, List<TrialBlock>> blocks() {
        Map<Integer, List<TrialBlock>> out = new TreeMap<>();
        blocks.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** Records a finished cell: one line, written and forced before this returns. */
    public synchronized void append(CellResult c) {
        write(CellEngine.encode(c));
        finished.put(c.cell(), c);
        blocks.remove(c.cell());
    }

    /** Records a finished block of an unfinished cell: one line, written and forced before this returns. */
    public synchronized void appendBlock(TrialBlock b) {
        write(b.encode());
        List<TrialBlock> list = blocks.computeIfAbsent(b.cell(), k -> new ArrayList<>());
        list.add(b);
        list.sort((x, y) -> Integer.compare(x.from(), y.from()));
    }

    private void write(String line) {
        try {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
