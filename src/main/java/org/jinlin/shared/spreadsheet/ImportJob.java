package org.jinlin.shared.spreadsheet;

import java.time.OffsetDateTime;

/**
 * The state of an import job as shown to its owner.
 *
 * @param totalRows data rows in the file, once counted
 * @param processedRows rows validated (while validating) or written (while importing)
 * @param importedRows rows written, once succeeded
 */
public record ImportJob(String id, String kind, String fileName, String owner, ImportJobStatus status, boolean dryRun,
		Integer totalRows, int processedRows, int errorCount, Integer importedRows, String message,
		boolean hasErrorReport, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

	/** 0–100, for a progress bar. */
	public int percent() {
		if (status == ImportJobStatus.SUCCEEDED) {
			return 100;
		}
		if (totalRows == null || totalRows == 0) {
			return 0;
		}
		return (int) Math.min(100, Math.round(processedRows * 100.0 / totalRows));
	}

	public boolean finished() {
		return status.finished();
	}
}
