package org.campaign;

import java.time.LocalDate;

/** A parsed deadline: the text, and its first and last day (null when open-ended). */
public final class Deadline {
    public final String text;
    public final LocalDate first;
    public final LocalDate last;
    public final boolean openEnded;

    Deadline(String text, LocalDate first, LocalDate last, boolean openEnded) {
        this.text = text;
        this.first = first;
        this.last = last;
        this.openEnded = openEnded;
    }

    @Override
    public String toString() {
        return openEnded ? text + " (open-ended)" : text + " [" + first + " .. " + last + "]";
    }
}
