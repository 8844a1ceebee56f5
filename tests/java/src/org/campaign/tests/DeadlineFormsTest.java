package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.campaign.Campaign;
import org.campaign.Deadline;
import org.campaign.DeadlineReadOptions;
import org.campaign.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The phrasings other bureaus write (docs/deadlines.md) through Java: kinds, days, occurrences, errors. */
class DeadlineFormsTest {
    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void aStartHasNoLastDay() {
        Deadline s = Campaign.parseDeadline("2010年10月1日起", null);
        assertEquals(Deadline.Kind.START, s.kind);
        assertEquals(d(2010, 10, 1), s.first);
        assertNull(s.last);
        assertTrue(s.openEnded);
        assertEquals(1, s.occurrences.size());
    }

    @Test
    void fromTheContextDateToAnEnd() {
        Deadline r = Campaign.readDeadline("即日起至2011年6月30日", new DeadlineReadOptions().from_date(d(2010, 10, 15)));
        assertEquals(Deadline.Kind.RANGE, r.kind);
        assertEquals(d(2010, 10, 15), r.first);
        assertEquals(d(2011, 6, 30), r.last);
    }

    @Test
    void newFormsGiveExactDays() {
        assertEquals(d(2011, 2, 2), Campaign.parseDeadline("2011年春节前", null).last);
        assertEquals(d(2010, 9, 21), Campaign.parseDeadline("中秋节前", 2010).last);
        assertEquals(d(2011, 1, 1), Campaign.parseDeadline("1—6月", 2011).first);
        assertEquals(d(2011, 6, 30), Campaign.parseDeadline("1—6月", 2011).last);
        assertEquals(d(2011, 3, 31), Campaign.parseDeadline("次年3月", 2010).last);
        assertEquals(d(2010, 12, 20), Campaign.parseDeadline("12月上中旬", 2010).last);
        assertEquals(d(2011, 6, 30), Campaign.parseDeadline("2011年6月30日17:00前", null).first);
    }

    @Test
    void aRecurrenceListsItsOccurrences() {
        Deadline q = Campaign.readDeadline("每季度末",
                new DeadlineReadOptions().period_first(d(2010, 10, 1)).period_last(d(2011, 12, 31)));
        assertEquals(Deadline.Kind.RECURRING, q.kind);
        assertEquals("quarterly: its last month", q.rule);
        assertEquals(5, q.occurrences.size());
        assertEquals(d(2010, 12, 1), q.occurrences.get(0).first);
        assertEquals(d(2010, 12, 31), q.occurrences.get(0).last);
        assertEquals(d(2011, 12, 31), q.occurrences.get(4).last);
        assertEquals(d(2010, 12, 1), q.first);
        assertEquals(d(2011, 12, 31), q.last);
        assertFalse(q.openEnded);
    }

    @Test
    void errorsSayWhichPartCannotBeRead() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Campaign.parseDeadline("2011年x月底", null));
        assertEquals("invalid deadline \"2011年x月底\": cannot read \"x月底\" (unexpected \"x\")", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Campaign.parseDeadline("2011年2月30日起", null));
        assertEquals("invalid deadline \"2011年2月30日起\": day 30 is out of range for 2011-02", e.getMessage());
    }
}
