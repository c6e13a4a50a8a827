package org.jinlin.shared.spreadsheet;

/**
 * Limits of one import file.
 *
 * @param maxBytes the largest accepted file
 * @param maxRows the most data rows (not counting the header)
 * @param maxReportedErrors errors beyond this are counted but not listed in the report
 */
public record ImportLimits(long maxBytes, int maxRows, int maxReportedErrors) {

	public static final ImportLimits DEFAULT = new ImportLimits(50L * 1024 * 1024, 200_000, 10_000);
}
