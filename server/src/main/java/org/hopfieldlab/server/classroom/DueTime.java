package org.hopfieldlab.server.classroom;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;

/**
 * A due date as a teacher types it: a local date and time in their own time zone (their browser's), turned into the
 * instant that is stored. Where the clocks change:
 * <ul>
 * <li>a time that does not exist (clocks go forward: 02:30 on the last Sunday of March in Berlin) is refused with a
 * message that says why and which time to choose instead, never moved silently;</li>
 * <li>a time that occurs twice (clocks go back: 02:30 on the last Sunday of October in Berlin) means the first of
 * the two (the earlier instant, still summer time), unless the teacher keeps a stored date whose offset was the
 * second; {@link #twiceNote} says which one it is, with its UTC time.</li>
 * </ul>
 * Where the browser's zone is not known, the teacher types UTC and is told so ({@link #zoneOrUtc}).
 */
public final class DueTime {
    private DueTime() {
    }

    /** The zone the teacher types in: their browser's, or UTC when it is not known (null). */
    public static ZoneId zoneOrUtc(ZoneId browser) {
        return browser == null ? ZoneOffset.UTC : browser;
    }

    /** Whether a zone is UTC itself (the fallback, or a browser set to UTC). */
    public static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) && List.of("Z", "UTC", "Etc/UTC", "GMT", "Etc/GMT",
                "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu").contains(zone.getId());
    }

    /**
     * The zone as the due-date field names it, with its offset at {@code at} (now where null): "Europe/Berlin,
     * UTC+1", "Asia/Kolkata, UTC+5:30", "America/New_York, UTC-5", "UTC".
     */
    public static String zoneLabel(ZoneId zone, Instant at) {
        if (isUtc(zone)) {
            return "UTC";
        }
        return zone.getId() + ", " + offset(zone.getRules().getOffset(at == null ? Instant.now() : at));
    }

    /** "UTC+1", "UTC+5:30", "UTC-3", "UTC+0". */
    public static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        int a = Math.abs(s);
        String sign = s < 0 ? "-" : "+";
        int h = a / 3600;
        int m = a / 60 % 60;
        return "UTC" + sign + h + (m == 0 ? "" : ":" + (m < 10 ? "0" : "") + m);
    }

    /** A stored due date as the teacher's field shows it: the local date and time in their zone. */
    public static LocalDateTime toLocal(Instant at, ZoneId zone) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    /**
     * The instant a teacher means by {@code local} in {@code zone}. A time the clocks skip is refused with a
     * {@link ClassroomException} that names the change and a time to choose; a time that occurs twice is the first
     * of the two, unless {@code keep} (the stored due date the field was filled from, or null) is the second at
     * the same local time (the teacher saved the dialog without changing it).
     */
    public static Instant toInstant(LocalDateTime local, ZoneId zone, Instant keep) {
        if (local == null) {
            return null;
        }
        List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
        if (valid.isEmpty()) {
            ZoneOffsetTransition t = zone.getRules().getTransition(local);
            throw new ClassroomException(TIME.format(local) + " on " + DAY.format(local) + " does not exist in "
                    + zone.getId() + ": the clocks go forward from " + TIME.format(t.getDateTimeBefore()) + " to "
                    + TIME.format(t.getDateTimeAfter()) + " (" + offset(t.getOffsetBefore()) + " to "
                    + offset(t.getOffsetAfter()) + "). Choose another time, e.g. "
                    + TIME.format(t.getDateTimeAfter()) + ".");
        }
        if (keep != null && valid.size() > 1) {
            ZonedDateTime kept = keep.atZone(zone);
            if (kept.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).equals(local.truncatedTo(ChronoUnit.MINUTES))
                    && valid.contains(kept.getOffset())) {
                return local.toInstant(kept.getOffset());
            }
        }
        return local.toInstant(valid.get(0)); // the first of two: the earlier instant (the offset before the change)
    }

    /**
     * For a local time that occurs twice in the zone (the clocks go back), which of the two {@code at} is, with its
     * UTC time; null for every other time.
     */
    public static String twiceNote(LocalDateTime local, ZoneId zone, Instant at) {
        if (local == null || at == null) {
            return null;
        }
        List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
        if (valid.size() < 2) {
            return null;
        }
        ZoneOffset used = at.atZone(zone).getOffset();
        boolean first = used.equals(valid.get(0));
        return TIME.format(local) + " occurs twice on " + DAY.format(local) + " in " + zone.getId()
                + " (the clocks go back); this is the " + (first ? "first" : "second") + " one, " + offset(used)
                + ", " + TIME.format(at.atOffset(ZoneOffset.UTC)) + " UTC.";
    }

    /**
     * A short due date for narrow places (a dashboard column's header), in the reader's zone: "6 Jan, 09:00", the
     * year added when it is not {@code thisYear}'s; "UTC" added where the zone is UTC or not known (null).
     */
    public static String shortDue(Instant at, ZoneId zone, int thisYear) {
        ZoneId z = zoneOrUtc(zone);
        ZonedDateTime local = at.atZone(z);
        String s = DateTimeFormatter.ofPattern(local.getYear() == thisYear ? "d MMM, HH:mm" : "d MMM yyyy, HH:mm",
                Locale.ENGLISH).format(local);
        return isUtc(z) ? s + " UTC" : s;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
}
