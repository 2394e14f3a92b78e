package org.hopfieldlab.server.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Due dates typed in the teacher's own time zone: the instant stored, the zone's name and offset, and the rule where
 * the clocks change (a skipped time is refused with a message, a time that occurs twice is the first of the two).
 */
class DueTimeTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aLocalTimeIsTheInstantInTheTeachersZone() {
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"),
                DueTime.toInstant(LocalDateTime.parse("2026-12-05T11:00"), BERLIN, null));
        assertEquals(Instant.parse("2026-07-05T10:00:00Z"), // summer time: the offset at that date, not today's
                DueTime.toInstant(LocalDateTime.parse("2026-07-05T12:00"), BERLIN, null));
        assertEquals(Instant.parse("2026-12-05T04:30:00Z"),
                DueTime.toInstant(LocalDateTime.parse("2026-12-05T10:00"), ZoneId.of("Asia/Kolkata"), null));
        assertEquals(Instant.parse("2026-12-05T15:00:00Z"),
                DueTime.toInstant(LocalDateTime.parse("2026-12-05T10:00"), ZoneId.of("America/New_York"), null));
        assertNull(DueTime.toInstant(null, BERLIN, null));
        assertEquals(LocalDateTime.parse("2026-07-05T12:00"),
                DueTime.toLocal(Instant.parse("2026-07-05T10:00:00Z"), BERLIN));
    }

    @Test
    void anUnknownZoneIsUtcAndSaysSo() {
        ZoneId z = DueTime.zoneOrUtc(null);
        assertEquals(ZoneOffset.UTC, z);
        assertEquals("UTC", DueTime.zoneLabel(z, null));
        assertEquals("UTC", DueTime.zoneLabel(ZoneId.of("Etc/UTC"), null));
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"),
                DueTime.toInstant(LocalDateTime.parse("2026-12-05T10:00"), z, null));
        assertEquals(BERLIN, DueTime.zoneOrUtc(BERLIN));
    }

    @Test
    void theZoneIsNamedWithItsOffsetAtTheDate() {
        assertEquals("Europe/Berlin, UTC+1", DueTime.zoneLabel(BERLIN, Instant.parse("2026-12-05T10:00:00Z")));
        assertEquals("Europe/Berlin, UTC+2", DueTime.zoneLabel(BERLIN, Instant.parse("2026-07-05T10:00:00Z")));
        assertEquals("Asia/Kolkata, UTC+5:30", DueTime.zoneLabel(ZoneId.of("Asia/Kolkata"), Instant.EPOCH));
        assertEquals("America/St_Johns, UTC-3:30",
                DueTime.zoneLabel(ZoneId.of("America/St_Johns"), Instant.parse("2026-12-05T10:00:00Z")));
        assertEquals("Europe/London, UTC+0",
                DueTime.zoneLabel(ZoneId.of("Europe/London"), Instant.parse("2026-12-05T10:00:00Z")));
    }

    /** 29 March 2026, Berlin: 02:00 becomes 03:00, so 02:30 never happens. */
    @Test
    void aTimeTheClocksSkipIsRefusedNotShifted() {
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> DueTime.toInstant(LocalDateTime.parse("2026-03-29T02:30"), BERLIN, null));
        assertEquals("02:30 on 29 Mar 2026 does not exist in Europe/Berlin: the clocks go forward from 02:00 to 03:00 "
                + "(UTC+1 to UTC+2). Choose another time, e.g. 03:00.", e.getMessage());
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                DueTime.toInstant(LocalDateTime.parse("2026-03-29T03:00"), BERLIN, null));
        assertEquals(Instant.parse("2026-03-29T00:59:00Z"),
                DueTime.toInstant(LocalDateTime.parse("2026-03-29T01:59"), BERLIN, null));
    }

    /** 25 October 2026, Berlin: 03:00 becomes 02:00 again, so 02:30 happens twice. */
    @Test
    void aTimeThatOccursTwiceIsTheFirstUnlessTheStoredOneWasTheSecond() {
        LocalDateTime twice = LocalDateTime.parse("2026-10-25T02:30");
        Instant first = Instant.parse("2026-10-25T00:30:00Z");
        Instant second = Instant.parse("2026-10-25T01:30:00Z");
        assertEquals(first, DueTime.toInstant(twice, BERLIN, null));
        assertEquals("02:30 occurs twice on 25 Oct 2026 in Europe/Berlin (the clocks go back); this is the first one, "
                + "UTC+2, 00:30 UTC.", DueTime.twiceNote(twice, BERLIN, first));
        // a stored due date at the second 02:30, saved again unchanged, stays the second
        assertEquals(twice, DueTime.toLocal(second, BERLIN));
        assertEquals(second, DueTime.toInstant(twice, BERLIN, second));
        assertEquals("02:30 occurs twice on 25 Oct 2026 in Europe/Berlin (the clocks go back); this is the second "
                + "one, UTC+1, 01:30 UTC.", DueTime.twiceNote(twice, BERLIN, second));
        // another time is not affected by the stored one
        assertEquals(Instant.parse("2026-10-25T00:45:00Z"),
                DueTime.toInstant(LocalDateTime.parse("2026-10-25T02:45"), BERLIN, second));
        assertNull(DueTime.twiceNote(LocalDateTime.parse("2026-10-25T03:30"), BERLIN,
                Instant.parse("2026-10-25T02:30:00Z")));
    }

    @Test
    void aShortDueDateForAColumnHeader() {
        Instant at = Instant.parse("2020-01-06T08:00:00Z");
        assertEquals("6 Jan, 09:00", DueTime.shortDue(at, BERLIN, 2020));
        assertEquals("6 Jan 2020, 09:00", DueTime.shortDue(at, BERLIN, 2026));
        assertEquals("6 Jan, 08:00 UTC", DueTime.shortDue(at, null, 2020));
    }
}
