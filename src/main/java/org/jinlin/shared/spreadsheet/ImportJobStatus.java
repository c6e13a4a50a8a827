package org.jinlin.shared.spreadsheet;

/** Life cycle of an import job. */
public enum ImportJobStatus {
	QUEUED, VALIDATING, IMPORTING, SUCCEEDED, FAILED;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}
}
