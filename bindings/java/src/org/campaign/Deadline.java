package org.campaign;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * A parsed deadline: the text, its kind, its first and last day (null: both
 * for an open-ended deadline, the last for a start), a recurrence's rule and
 * its occurrences inside the period (a range or a start is its one
 * occurrence). See docs/deadlines.md.
 */
public final class Deadline {
    /** The kinds of deadline, in the order of the C campaign_deadline_kind_code. */
    public enum Kind { RANGE, START, OPEN_ENDED, RECURRING }

    /** One occurrence: its first and last day (last null for a start). */
    public static final class Occurrence {
        public final LocalDate first;
        public final LocalDate last;

        Occurrence(LocalDate first, LocalDate last) {
            this.first = first;
            this.last = last;
        }

        @Override
        public String toString() {
            return first + " .. " + (last == null ? "" : last);
        }
    }

    public final String text;
    public final LocalDate first;
    public final LocalDate last;
    /** No end: open-ended, or a start. */
    public final boolean openEnded;
    public final Kind kind;
    /** A recurrence's rule as text ("monthly: day 5"), else null. */
    public final String rule;
    public final List<Occurrence> occurrences;

    Deadline(String text, LocalDate first, LocalDate last, boolean openEnded, Kind kind, String rule,
             List<Occurrence> occurrences) {
        this.text = text;
        this.first = first;
        this.last = last;
        this.openEnded = openEnded;
        this.kind = kind;
        this.rule = rule;
        this.occurrences = Collections.unmodifiableList(occurrences);
    }

    @Override
    public String toString() {
        switch (kind) {
        case OPEN_ENDED: return text + " (open-ended)";
        case START: return text + " [" + first + " ..]";
        case RECURRING: return text + " (" + rule + ", " + occurrences.size() + " occurrences)";
        default: return text + " [" + first + " .. " + last + "]";
        }
    }
}
