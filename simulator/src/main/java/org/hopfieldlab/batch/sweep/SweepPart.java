package org.hopfieldlab.batch.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * A file of finished cells of one sweep: what a shard writes, what a journal appends to, what {@code sweep merge}
 * reads. Text, one cell per line ({@link CellEngine#encode}), after a header holding the definition and the shard:
 * <pre>
 * # hopfield-lab sweep part v1
 * shard=0/4
 * base=v=1&amp;model=idp&amp;...
 * x=noise=0,2,4
 * trials=20
 * seeds=same
 * cells:
 * 0,20,60,...
 * </pre>
 * A last line without its newline (the writer was killed mid-line) is ignored; anything else malformed is an error.
 *
 * <p>A journal may also hold {@link TrialBlock} lines ({@code block,...}): finished trials of cells that are not
 * finished yet (Spark, and the local engine with a journal, run long cells as blocks). Blocks of a cell that has its
 * own line are dropped; blocks that cover a cell's trials make that cell; the rest are {@link #blocks()}, sorted by first trial, for a resume to keep.
 */
public record SweepPart(SweepDefinition definition, SweepShard shard, Map<Integer, CellResult> cells,
        Map<Integer, List<TrialBlock>> blocks, long completeBytes) {
    public static final String MAGIC = "# hopfield-lab sweep part v1";
    static final String CELLS = "cells:";

    public static String header(SweepDefinition def, SweepShard shard) {
        return MAGIC + "\nshard=" + shard.format() + "\n" + def.format() + CELLS + "\n";
    }

    /** The whole file for these cells (sorted by cell). */
    public static String format(SweepDefinition def, SweepShard shard, Collection<CellResult> cells) {
        return format(def, shard, cells, List.of());
    }

    /** The whole file for these cells (sorted by cell), then these blocks of unfinished cells. */
    public static String format(SweepDefinition def, SweepShard shard, Collection<CellResult> cells,
            Collection<TrialBlock> blocks) {
        StringBuilder s = new StringBuilder(header(def, shard));
        Map<Integer, CellResult> sorted = new TreeMap<>();
        for (CellResult c : cells) {
            sorted.put(c.cell(), c);
        }
        for (CellResult c : sorted.values()) {
            s.append(CellEngine.encode(c)).append('\n');
        }
        for (TrialBlock b : blocks) {
            s.append(b.encode()).append('\n');
        }
        return s.toString();
    }

    /** Reads a part file; returns null for a file whose header was never completely written (empty or cut). */
    public static SweepPart read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** {@link #read} of a file's bytes ({@code name} for messages). */
    static SweepPart parse(byte[] bytes, String name) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        String complete = text.substring(0, end);
        String[] lines = complete.isEmpty() ? new String[0] : complete.split("\n", -1);
        // split leaves one empty string after the final newline
        int n = Math.max(0, lines.length - 1);
        int cellsAt = -1;
        for (int i = 0; i < n; i++) {
            if (lines[i].equals(CELLS)) {
                cellsAt = i;
                break;
            }
        }
        if (cellsAt < 0) {
            if (!text.isEmpty() && !MAGIC.startsWith(text.substring(0, Math.min(text.length(), MAGIC.length())))) {
                throw new SpecException("part", name + " is not a sweep part file (it should start with '" + MAGIC
                        + "')");
            }
            return null;
        }
        if (!lines[0].equals(MAGIC)) {
            throw new SpecException("part", name + " is not a sweep part file (it should start with '" + MAGIC
                    + "')");
        }
        if (!lines[1].startsWith("shard=")) {
            throw new SpecException("part", name + ": line 2 should be shard=i/K, got '" + lines[1] + "'");
        }
        SweepShard shard = SweepShard.parse(lines[1].substring("shard=".length()));
        StringBuilder def = new StringBuilder();
        for (int i = 2; i < cellsAt; i++) {
            def.append(lines[i]).append('\n');
        }
        SweepDefinition definition;
        try {
            definition = SweepDefinition.parse(def.toString());
        } catch (SpecException e) {
            throw new SpecException("part", name + ": bad sweep definition: " + e.getMessage());
        }
        Map<Integer, CellResult> cells = new TreeMap<>();
        Map<Integer, List<TrialBlock>> blocks = new TreeMap<>();
        for (int i = cellsAt + 1; i < n; i++) {
            if (TrialBlock.isBlockLine(lines[i])) {
                TrialBlock b;
                try {
                    b = TrialBlock.decode(lines[i]);
                } catch (SpecException e) {
                    throw new SpecException("part", name + " line " + (i + 1) + ": " + e.getMessage());
                }
                if (b.cell() < 0 || b.cell() >= definition.cellCount() || !shard.contains(b.cell())
                        || b.to() > definition.trialsPerCell()) {
                    throw new SpecException("part", name + " line " + (i + 1) + ": trials " + b.from() + ".."
                            + b.to() + " of cell " + b.cell() + " do not belong to shard " + shard.format()
                            + " of this sweep");
                }
                String wrong = check(definition, b.cell(), b.trials(), b.windowRetrieved(), b.diverged());
                if (wrong != null) {
                    throw damaged(name, i, "trials " + b.from() + ".." + b.to() + " of cell " + b.cell() + " " + wrong);
                }
                blocks.computeIfAbsent(b.cell(), k -> new ArrayList<>()).add(b);
                continue;
            }
            CellResult c;
            try {
                c = CellEngine.decode(lines[i]);
            } catch (SpecException e) {
                throw new SpecException("part", name + " line " + (i + 1) + ": " + e.getMessage());
            }
            if (c.cell() < 0 || c.cell() >= definition.cellCount() || !shard.contains(c.cell())) {
                throw new SpecException("part", name + " line " + (i + 1) + ": cell " + c.cell()
                        + " does not belong to shard " + shard.format() + " of this " + definition.cellCount()
                        + "-cell sweep");
            }
            if (c.trials() != definition.trialsPerCell()) {
                throw damaged(name, i, "cell " + c.cell() + " has " + c.trials() + " trials, but this sweep runs "
                        + definition.trialsPerCell() + " per cell");
            }
            String wrong = check(definition, c.cell(), c.trials(), c.windowRetrieved(), c.diverged());
            if (wrong == null && !CellResult.of(c.cell(), definition.cellSpec(c.cell()), c.trials(),
                    c.windowRetrieved().stream().mapToInt(Integer::intValue).toArray(), c.diverged(), c.seconds())
                    .withoutTiming().equals(c.withoutTiming())) {
                wrong = "has totals (windows, retrieved, fraction, Wilson bounds) that do not follow from its "
                        + "per-window counts";
            }
            if (wrong != null) {
                throw damaged(name, i, "cell " + c.cell() + " " + wrong);
            }
            CellResult before = cells.put(c.cell(), c);
            if (before != null && !before.withoutTiming().equals(c.withoutTiming())) {
                throw new SpecException("part", name + ": cell " + c.cell() + " appears twice with different "
                        + "numbers");
            }
        }
        Map<Integer, List<TrialBlock>> open = new TreeMap<>();
        for (Map.Entry<Integer, List<TrialBlock>> e : blocks.entrySet()) {
            if (cells.containsKey(e.getKey())) {
                continue;
            }
            List<TrialBlock> tiling = TrialBlock.tiling(e.getValue(), name);
            if (TrialBlock.covers(definition, e.getKey(), tiling)) {
                // killed after the cell's last block and before its line: the blocks make the cell
                cells.put(e.getKey(), TrialBlock.cell(definition, e.getKey(), tiling));
            } else {
                open.put(e.getKey(), List.copyOf(tiling));
            }
        }
        return new SweepPart(definition, shard, cells, open, complete.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * What is wrong with a cell's (or a block's) counts, or null: one count per input window of the cell's spec, each
     * and the diverged trials between 0 and the trials run. A file edited by hand or damaged on disk must never be
     * merged or resumed as a result.
     */
    static String check(SweepDefinition def, int cell, int trials, List<Integer> windowRetrieved, int diverged) {
        int windows = def.cellSpec(cell).schedule().size();
        if (windowRetrieved.size() != windows) {
            return "has " + windowRetrieved.size() + " per-window counts, but its spec has " + windows + " windows";
        }
        for (int w = 0; w < windows; w++) {
            int k = windowRetrieved.get(w);
            if (k < 0 || k > trials) {
                return "says " + k + " trials retrieved window " + (w + 1) + "; allowed: 0 to its " + trials
                        + " trials";
            }
        }
        if (diverged < 0 || diverged > trials) {
            return "says " + diverged + " trials diverged; allowed: 0 to its " + trials + " trials";
        }
        return null;
    }

    private static SpecException damaged(String file, int line, String what) {
        return new SpecException("part", file + " line " + (line + 1) + ": " + what + "; the file was changed or "
                + "damaged (run its shard again, or restore the file)");
    }

    /**
     * Joins parts of one sweep into its result. Every part must hold the same definition; every cell must be present
     * (a cell in two parts must have the same numbers). Errors name the files and the missing cells.
     */
    public static SweepResult merge(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new SpecException("merge", "sweep merge needs at least one part file");
        }
        SweepDefinition def = null;
        Path first = null;
        Map<Integer, CellResult> cells = new TreeMap<>();
        Map<Path, SweepPart> parts = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new SpecException("merge", f + " is a folder; give the part files (e.g. parts/*.part)");
            }
            if (!Files.isRegularFile(f)) {
                throw new SpecException("merge", "no such file: " + f);
            }
            SweepPart p = read(f);
            if (p == null) {
                throw new SpecException("merge", f + " is empty or was cut before its header ended");
            }
            if (def == null) {
                def = p.definition();
                first = f;
            } else if (!def.equals(p.definition())) {
                throw new SpecException("merge", f + " belongs to another sweep than " + first
                        + " (the definitions differ: " + difference(def, first, p.definition(), f) + ")");
            }
            refuseOverlap(parts, f, p);
            parts.put(f, p);
            for (CellResult c : p.cells().values()) {
                CellResult before = cells.put(c.cell(), c);
                if (before != null && !before.withoutTiming().equals(c.withoutTiming())) {
                    throw new SpecException("merge", "cell " + c.cell() + " has different numbers in two files ("
                            + f + ")");
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < def.cellCount(); k++) {
            if (!cells.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new SpecException("merge", unfinished(def, parts, missing));
        }
        return SweepResult.of(def, cells.values());
    }

    /**
     * Where two definitions differ, line by line ({@link SweepDefinition#format}), in short: "trials=3 in a.part,
     * trials=2 in b.part"; for the base spec only the keys that differ ("base noise=8 in a.part, noise=4 in b.part").
     */
    static String difference(SweepDefinition a, Path fa, SweepDefinition b, Path fb) {
        List<String> la = a.format().lines().toList();
        List<String> lb = b.format().lines().toList();
        List<String> out = new ArrayList<>();
        for (String prefix : new String[] {"base=", "x=", "y=", "trials=", "seeds="}) {
            String va = line(la, prefix);
            String vb = line(lb, prefix);
            if (java.util.Objects.equals(va, vb)) {
                continue;
            }
            if (prefix.equals("base=") && va != null && vb != null) {
                List<String> pa = List.of(va.substring(prefix.length()).split("&"));
                List<String> pb = List.of(vb.substring(prefix.length()).split("&"));
                List<String> onlyA = pa.stream().filter(kv -> !pb.contains(kv)).toList();
                List<String> onlyB = pb.stream().filter(kv -> !pa.contains(kv)).toList();
                out.add("base " + String.join("&", onlyA) + " in " + fa + ", " + String.join("&", onlyB) + " in "
                        + fb);
            } else {
                out.add((va == null ? "no " + prefix.substring(0, prefix.length() - 1) : va) + " in " + fa + ", "
                        + (vb == null ? "no " + prefix.substring(0, prefix.length() - 1) : vb) + " in " + fb);
            }
        }
        return String.join("; ", out);
    }

    private static String line(List<String> lines, String prefix) {
        for (String l : lines) {
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        return null;
    }

    /**
     * A part must add a shard no other given file holds, of the same split (the same K): the same shard given twice
     * (the same file twice, a copy, or a journal and the part written from it) is refused naming the shard and both
     * files, rather than merged as if it were another shard.
     */
    private static void refuseOverlap(Map<Path, SweepPart> parts, Path f, SweepPart p) {
        for (Map.Entry<Path, SweepPart> e : parts.entrySet()) {
            SweepShard other = e.getValue().shard();
            if (other.equals(p.shard())) {
                if (sameFile(e.getKey(), f)) {
                    throw new SpecException("merge", f + " is given twice (shard " + p.shard().format()
                            + "); give each shard's file once");
                }
                throw new SpecException("merge", "shard " + p.shard().format() + " is given twice: " + e.getKey()
                        + " and " + f + " are both shard " + p.shard().format() + " of this sweep; give each "
                        + "shard's file once (a journal and the part written from it hold the same shard)");
            }
            if (other.count() != p.shard().count()) {
                throw new SpecException("merge", e.getKey() + " is shard " + other.format() + " but " + f
                        + " is shard " + p.shard().format() + ": merge the parts of one split of the sweep (the "
                        + "same K in --shard i/K)");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Cells listed per file in a merge error (the count says how many more). */
    static final int LISTED = 5;

    /**
     * Why a merge has no result: per file whose shard holds missing cells, those cells (axis values, trials done in
     * finished blocks) and the command that resumes the shard from that file; then the cells no given file holds.
     * A merge never writes a CSV missing trials.
     */
    static String unfinished(SweepDefinition def, Map<Path, SweepPart> parts, List<Integer> missing) {
        StringBuilder s = new StringBuilder();
        s.append(missing.size()).append(" of ").append(def.cellCount()).append(" cells are missing: ")
                .append(missing.size() > 20 ? missing.subList(0, 20) + " …" : missing.toString())
                .append("; nothing was written (the result would lack their trials)");
        List<Integer> nowhere = new ArrayList<>();
        Map<Path, List<Integer>> byFile = new java.util.LinkedHashMap<>();
        for (int k : missing) {
            Path home = null;
            for (Map.Entry<Path, SweepPart> e : parts.entrySet()) {
                if (e.getValue().shard().contains(k) && (home == null || e.getValue().blocks().containsKey(k))) {
                    home = e.getKey(); // prefer the file holding some of the cell's blocks
                }
            }
            if (home == null) {
                nowhere.add(k);
            } else {
                byFile.computeIfAbsent(home, f -> new ArrayList<>()).add(k);
            }
        }
        for (Map.Entry<Path, List<Integer>> e : byFile.entrySet()) {
            SweepPart p = parts.get(e.getKey());
            List<Integer> ks = e.getValue();
            s.append("\n").append(e.getKey()).append(" (shard ").append(p.shard().format()).append(") has ")
                    .append(ks.size()).append(ks.size() == 1 ? " cell" : " cells").append(" not finished:");
            for (int k : ks.subList(0, Math.min(LISTED, ks.size()))) {
                List<TrialBlock> done = p.blocks().getOrDefault(k, List.of());
                int trials = done.stream().mapToInt(TrialBlock::trials).sum();
                s.append("\n  cell ").append(k).append(" (").append(def.describe(k)).append("): ").append(trials)
                        .append(" of ").append(def.trialsPerCell()).append(" trials done");
                if (!done.isEmpty()) {
                    s.append(" in ").append(done.size()).append(done.size() == 1 ? " block" : " blocks");
                }
            }
            if (ks.size() > LISTED) {
                s.append("\n  … and ").append(ks.size() - LISTED).append(" more");
            }
            s.append("\n  resume this shard (finished cells and blocks are kept), then merge again:\n    ")
                    .append(resumeCommand(e.getKey(), p.shard()));
        }
        if (!nowhere.isEmpty()) {
            s.append("\nno file given holds cells ").append(nowhere.size() > 20 ? nowhere.subList(0, 20) + " …"
                    : nowhere.toString());
            List<String> shards = missingShards(parts.values(), nowhere);
            if (!shards.isEmpty()) {
                s.append("; missing ").append(shards.size() == 1 ? "shard " : "shards ")
                        .append(shards.size() > 20 ? String.join(", ", shards.subList(0, 20)) + " …"
                                : String.join(", ", shards));
            }
            s.append(": merge every shard's file (or run the missing shards)");
        }
        return s.toString();
    }

    /** The shards (i/K, of the given parts' split) that hold these cells, which no given part is. */
    static List<String> missingShards(Collection<SweepPart> parts, List<Integer> cells) {
        if (parts.isEmpty()) {
            return List.of();
        }
        int count = parts.iterator().next().shard().count();
        java.util.TreeSet<Integer> missing = new java.util.TreeSet<>();
        for (int k : cells) {
            missing.add(k % count);
        }
        List<String> out = new ArrayList<>();
        for (int i : missing) {
            out.add(new SweepShard(i, count).format());
        }
        return out;
    }

    /** The CLI command that resumes a shard from its journal and writes its complete part file beside it. */
    static String resumeCommand(Path journal, SweepShard shard) {
        String j = quote(journal.toString());
        return "java -jar hopfield-cli.jar sweep --journal " + j + " --shard " + shard.format() + " --out "
                + quote(journal + ".part");
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
