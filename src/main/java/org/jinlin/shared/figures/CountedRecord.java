package org.jinlin.shared.figures;

import java.time.Instant;

/**
 * One record a figure counts, as its drill-down lists it: the owning module's id, a label without personal data,
 * the time that placed it in the period, whether it meets the indicator (is in the numerator), and the page that
 * shows the record to staff.
 */
public record CountedRecord(long id, String label, String place, Instant at, boolean met, String href) {
}
