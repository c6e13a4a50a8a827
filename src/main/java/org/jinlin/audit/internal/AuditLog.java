package org.jinlin.audit.internal;

import java.io.IOException;
import java.io.OutputStream;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log. Only administrators and city and district officials may read it,
 * and each sees only the events of their own jurisdiction (by the territory path stored with
 * each event). Writing happens only in {@link AuditListeners}.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AuditLog {

	/** The most rows one export may hold. */
	public static final int EXPORT_LIMIT = 100_000;

	public static final int MAX_PAGE_SIZE = 200;

	private final AuditRepository repository;

	private final AuditSpreadsheet spreadsheet;

	/** A page of entries, newest first. */
	public Paged<AuditEntry> search(AuditQuery query, int page, int size) {
		AuditRepository.Scope scope = scope(CurrentActor.require());
		validate(query);
		if (page < 0) {
			throw ValidationFailedException.field("page", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ValidationFailedException.field("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		return new Paged<>(repository.page(scope, query, page, size), page, size, repository.count(scope, query));
	}

	/** Count of matching entries in the caller's jurisdiction. */
	public long count(AuditQuery query) {
		AuditRepository.Scope scope = scope(CurrentActor.require());
		validate(query);
		return repository.count(scope, query);
	}

	/** Writes the matching entries (at most {@link #EXPORT_LIMIT}, newest first) as an .xlsx workbook. */
	public void exportXlsx(AuditQuery query, OutputStream out) throws IOException {
		AuditRepository.Scope scope = scope(CurrentActor.require());
		validate(query);
		spreadsheet.write(out, sink -> repository.each(scope, query, EXPORT_LIMIT, sink));
	}

	static AuditRepository.Scope scope(Actor actor) {
		if (!AuditAccess.read(actor)) {
			throw new ForbiddenException("The audit log is for administrators and city and district officials");
		}
		// The root node's path has a single id, e.g. /1/: the city level also sees events without a territory.
		boolean cityLevel = actor.territoryPath().chars().filter(c -> c == '/').count() == 2;
		return new AuditRepository.Scope(actor.jurisdiction().likePattern(), cityLevel);
	}

	private static void validate(AuditQuery query) {
		if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
			throw ValidationFailedException.field("to", "the end date is before the start date");
		}
	}
}
