package org.jinlin.shared.spreadsheet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs spreadsheet imports as jobs. {@link #start} records the job and returns at once; the job runs
 * asynchronously on this instance (a small dedicated thread pool, with the caller's security context):
 * it counts and validates every row, writing progress every {@value #PROGRESS_EVERY} rows in short
 * separate transactions so that any instance can show it. If any row has an error nothing is written
 * and the job fails with an error report; otherwise the handler writes everything in ONE transaction,
 * which also marks the job succeeded (all or nothing). While running, the instance refreshes the job's
 * heartbeat; a job whose heartbeat is older than {@code jinlin.imports.stale-after} (its instance
 * crashed or was stopped) is marked failed by whichever instance sweeps first — at start-up and then
 * periodically. Jobs are visible only to their owner and to administrators.
 */
@Service
public class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	static final int PROGRESS_EVERY = 1000;

	private static final String COLUMNS = "id, kind, file_name, owner_username, status, dry_run, total_rows, processed_rows, "
			+ "error_count, imported_rows, message, error_report IS NOT NULL AS has_report, created_at, finished_at";

	private final JdbcClient jdbc;

	private final TransactionTemplate shortTx;

	private final TransactionTemplate importTx;

	private final ThreadPoolTaskExecutor executor;

	private final ImportLimits limits;

	private final Duration staleAfter;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	ImportJobs(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${jinlin.imports.max-bytes:52428800}") long maxBytes,
			@Value("${jinlin.imports.max-rows:200000}") int maxRows,
			@Value("${jinlin.imports.max-reported-errors:10000}") int maxReportedErrors,
			@Value("${jinlin.imports.threads:2}") int threads,
			@Value("${jinlin.imports.stale-after:PT5M}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.shortTx = new TransactionTemplate(transactions);
		this.shortTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.shortTx.setTimeout(30);
		this.importTx = new TransactionTemplate(transactions);
		this.importTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.limits = new ImportLimits(maxBytes, maxRows, maxReportedErrors);
		this.staleAfter = staleAfter;
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(threads);
		this.executor.setMaxPoolSize(threads);
		this.executor.setQueueCapacity(50);
		this.executor.setThreadNamePrefix("import-");
		this.executor.setWaitForTasksToCompleteOnShutdown(false);
		this.executor.initialize();
	}

	public ImportLimits limits() {
		return limits;
	}

	/** Starts an import as the current actor; see {@link #start(String, String, byte[], ImportHandler, boolean)}. */
	public ImportJob start(String kind, String fileName, byte[] bytes, ImportHandler<?> handler) {
		return start(kind, fileName, bytes, handler, false);
	}

	/**
	 * Records a job and runs it asynchronously.
	 *
	 * @param kind what is imported, e.g. {@code territory} or {@code residents}
	 * @param dryRun only read and validate, never write (used by the benchmark as its baseline)
	 * @throws ValidationFailedException (400) when the file is empty or too large
	 * @throws ConflictException (409) when too many imports are already waiting
	 */
	public ImportJob start(String kind, String fileName, byte[] bytes, ImportHandler<?> handler, boolean dryRun) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff import files");
		}
		Locale locale = LocaleContextHolder.getLocale();
		SpreadsheetMessages messages = SpreadsheetMessages.of(locale);
		if (bytes == null || bytes.length == 0) {
			throw ValidationFailedException.field("file", messages.get("imports.file.empty"));
		}
		if (bytes.length > limits.maxBytes()) {
			throw ValidationFailedException.field("file",
					messages.get("imports.file.tooLarge", limits.maxBytes() / (1024 * 1024)));
		}
		String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		String id = UUID.randomUUID().toString();
		OffsetDateTime now = now();
		String jobName = name;
		shortTx.executeWithoutResult(s -> jdbc.sql("""
				INSERT INTO import_job (id, kind, file_name, owner_username, owner_territory_path, locale, status, dry_run,
				  processed_rows, error_count, created_at, heartbeat_at)
				VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, 0, ?, ?)""")
			.params(id, kind, jobName, actor.name(), actor.territoryPath(), locale.toLanguageTag(), dryRun, now, now)
			.update());
		running.add(id);
		try {
			executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, jobName, bytes, handler, dryRun, messages)));
		}
		catch (TaskRejectedException e) {
			running.remove(id);
			fail(id, "busy", List.of(), 0, messages);
			throw new ConflictException("Too many imports are running; try again in a few minutes.");
		}
		return find(id).orElseThrow();
	}

	/** A job of the current actor (administrators see every job), or 404. */
	public ImportJob get(String id) {
		Actor actor = CurrentActor.require();
		return find(id).filter(j -> actor.has(Role.ADMINISTRATOR) || j.owner().equals(actor.name()))
			.orElseThrow(() -> new NotFoundException("No import job " + id));
	}

	/** The current actor's latest jobs of one kind. */
	public List<ImportJob> recent(String kind, int limit) {
		Actor actor = CurrentActor.require();
		return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE kind = ? AND owner_username = ? "
				+ "ORDER BY created_at DESC LIMIT " + Math.max(1, Math.min(limit, 100)))
			.params(kind, actor.name())
			.query(ImportJobs::map)
			.list();
	}

	/** The error report of a failed job as {@code .xlsx} (or CSV), or 404 when there is none. */
	public byte[] errorReport(String id, boolean csv) {
		get(id);
		byte[] xlsx = jdbc.sql("SELECT error_report FROM import_job WHERE id = ?").param(id).query(byte[].class)
			.optional().orElse(null);
		if (xlsx == null) {
			throw new NotFoundException("The import job has no error report");
		}
		if (!csv) {
			return xlsx;
		}
		SpreadsheetMessages m = SpreadsheetMessages.of(LocaleContextHolder.getLocale());
		List<ImportError> errors = ErrorReports.read(xlsx, m);
		return ErrorReports.csv(errors, errors.size(), m);
	}

	java.util.Optional<ImportJob> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = ?").param(id).query(ImportJobs::map).optional();
	}

	private <T> void run(String id, String fileName, byte[] bytes, ImportHandler<T> handler, boolean dryRun,
			SpreadsheetMessages messages) {
		int processed = 0;
		long started = System.nanoTime();
		try {
			int total;
			try (SpreadsheetReader counter = SpreadsheetReader.open(fileName, bytes, limits, messages)) {
				// Header mismatches are reported before anything else, even for a file without data rows.
				handler.schema().bind(counter.header(), messages);
				total = counter.countRemaining();
			}
			update("UPDATE import_job SET status = 'VALIDATING', total_rows = ?, heartbeat_at = ? WHERE id = ? AND status = 'QUEUED'",
					total, now(), id);
			if (total == 0) {
				fail(id, messages.get("imports.job.noRows"), List.of(), 0, messages);
				return;
			}
			List<ImportHandler.Numbered<T>> rows = new ArrayList<>(total);
			ImportErrors errors;
			try (SpreadsheetReader reader = SpreadsheetReader.open(fileName, bytes, limits, messages)) {
				BoundSheet sheet = handler.schema().bind(reader.header(), messages);
				errors = new ImportErrors(sheet, limits.maxReportedErrors());
				while (reader.hasNext()) {
					RawRow raw = reader.next();
					int before = errors.count();
					SheetRow row = sheet.parse(raw, errors);
					if (errors.count() == before) {
						T value = handler.row(row, errors);
						if (errors.count() == before && value != null) {
							rows.add(new ImportHandler.Numbered<>(raw.number(), value));
						}
					}
					if (++processed % PROGRESS_EVERY == 0) {
						progress(id, processed, errors.count());
					}
				}
			}
			// Cross-row checks run on the rows that passed their own checks, so one report lists every error.
			handler.validateAll(rows, errors);
			progress(id, processed, errors.count());
			if (!errors.isEmpty()) {
				fail(id, messages.get("imports.job.rowsWithErrors", errors.count()), errors.list(), errors.count(),
						messages);
				return;
			}
			long validated = System.nanoTime();
			if (dryRun) {
				log.info("Import job {} validated {} rows in {} ms (dry run)", id, rows.size(), (validated - started) / 1_000_000);
				finish(id, rows.size(), messages.get("imports.job.validated", rows.size()));
				return;
			}
			update("UPDATE import_job SET status = 'IMPORTING', processed_rows = 0, heartbeat_at = ? WHERE id = ? AND status = 'VALIDATING'",
					now(), id);
			List<T> values = new ArrayList<>(rows.size());
			rows.forEach(r -> values.add(r.value()));
			rows.clear();
			int count = values.size();
			importTx.executeWithoutResult(status -> {
				handler.write(values, throttled(id));
				int updated = jdbc.sql("""
						UPDATE import_job SET status = 'SUCCEEDED', processed_rows = ?, imported_rows = ?, message = ?,
						  finished_at = ?, heartbeat_at = ? WHERE id = ? AND status = 'IMPORTING'""")
					.params(count, count, messages.get("imports.job.succeeded", count), now(), now(), id)
					.update();
				if (updated != 1) {
					// The job was declared dead meanwhile (stale heartbeat): keep it failed, write nothing.
					throw new IllegalStateException("Import job " + id + " is no longer running");
				}
			});
			log.info("Import job {} ({}) imported {} rows: read and validated in {} ms, written in {} ms", id,
					handler.getClass().getSimpleName(), count, (validated - started) / 1_000_000,
					(System.nanoTime() - validated) / 1_000_000);
		}
		catch (SpreadsheetException e) {
			fail(id, e.getMessage(), e.errors(), e.errors().size(), messages);
		}
		catch (ImportRejectedException e) {
			fail(id, messages.get("imports.job.rowsWithErrors", e.count()), e.errors(), e.count(), messages);
		}
		catch (ValidationFailedException e) {
			List<ImportError> list = e.errors().stream()
				.map(f -> new ImportError(0, "", f.getOrDefault("field", ""), "", f.getOrDefault("message", "")))
				.toList();
			fail(id, messages.get("imports.job.failedWrite", e.getMessage()), list, Math.max(1, list.size()), messages);
		}
		catch (RuntimeException | Error e) {
			log.warn("Import job {} failed: {}", id, e.toString());
			log.debug("Import job failure", e);
			String reason = e instanceof ConflictException || e instanceof ForbiddenException
					|| e instanceof NotFoundException || e instanceof IllegalArgumentException ? e.getMessage()
							: e.getClass().getSimpleName();
			fail(id, messages.get("imports.job.failedWrite", reason), List.of(), 0, messages);
		}
		finally {
			running.remove(id);
		}
	}

	private IntConsumer throttled(String id) {
		return new IntConsumer() {
			int last;

			@Override
			public void accept(int written) {
				if (written - last >= PROGRESS_EVERY) {
					last = written;
					update("UPDATE import_job SET processed_rows = ?, heartbeat_at = ? WHERE id = ?", written, now(), id);
				}
			}
		};
	}

	private void progress(String id, int processed, int errors) {
		update("UPDATE import_job SET processed_rows = ?, error_count = ?, heartbeat_at = ? WHERE id = ?", processed,
				errors, now(), id);
	}

	private void fail(String id, String message, List<ImportError> errors, int errorCount, SpreadsheetMessages m) {
		byte[] report = errors.isEmpty() ? null : ErrorReports.xlsx(errors, errorCount, m);
		try {
			shortTx.executeWithoutResult(s -> jdbc.sql("""
					UPDATE import_job SET status = 'FAILED', error_count = ?, error_report = ?, message = ?, finished_at = ?,
					  heartbeat_at = ? WHERE id = ? AND status NOT IN ('SUCCEEDED', 'FAILED')""")
				.params(errorCount, report, truncate(message), now(), now(), id)
				.update());
		}
		catch (RuntimeException e) {
			log.error("Could not record the failure of import job {}", id, e);
		}
	}

	private void finish(String id, int rows, String message) {
		update("""
				UPDATE import_job SET status = 'SUCCEEDED', processed_rows = ?, imported_rows = 0, message = ?, finished_at = ?
				WHERE id = ? AND status = 'VALIDATING'""", rows, message, now(), id);
	}

	private void update(String sql, Object... params) {
		shortTx.executeWithoutResult(s -> jdbc.sql(sql).params(params).update());
	}

	/**
	 * Refreshes the heartbeat of this instance's running jobs, then fails every unfinished job whose
	 * heartbeat is stale: its instance died. Runs at start-up and every {@code jinlin.imports.heartbeat}.
	 */
	@Scheduled(fixedDelayString = "${jinlin.imports.heartbeat:PT30S}", initialDelayString = "${jinlin.imports.heartbeat:PT30S}")
	void heartbeatAndSweep() {
		try {
			OffsetDateTime now = now();
			for (String id : running) {
				update("UPDATE import_job SET heartbeat_at = ? WHERE id = ? AND status NOT IN ('SUCCEEDED', 'FAILED')", now, id);
			}
			sweep(now.minus(staleAfter));
		}
		catch (RuntimeException e) {
			log.warn("Import job heartbeat failed: {}", e.toString());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void sweepOnStart() {
		heartbeatAndSweep();
	}

	/** Fails unfinished jobs with a heartbeat before {@code cutoff}; returns how many. */
	int sweep(OffsetDateTime cutoff) {
		List<Map<String, Object>> stale = jdbc.sql("""
				SELECT id, locale FROM import_job WHERE status IN ('QUEUED', 'VALIDATING', 'IMPORTING') AND heartbeat_at < ?""")
			.param(cutoff)
			.query()
			.listOfRows();
		int n = 0;
		for (Map<String, Object> row : stale) {
			String id = (String) row.get("id");
			if (running.contains(id)) {
				continue;
			}
			String message = SpreadsheetMessages.of(Locale.forLanguageTag((String) row.get("locale")))
				.get("imports.job.interrupted");
			n += shortTx.execute(s -> jdbc.sql("""
					UPDATE import_job SET status = 'FAILED', message = ?, finished_at = ?
					WHERE id = ? AND status IN ('QUEUED', 'VALIDATING', 'IMPORTING') AND heartbeat_at < ?""")
				.params(message, now(), id, cutoff)
				.update());
		}
		if (n > 0) {
			log.warn("Marked {} interrupted import job(s) as failed", n);
		}
		return n;
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	static ImportJob map(ResultSet rs, int row) throws SQLException {
		return new ImportJob(rs.getString("id"), rs.getString("kind"), rs.getString("file_name"),
				rs.getString("owner_username"), ImportJobStatus.valueOf(rs.getString("status")), rs.getBoolean("dry_run"),
				rs.getObject("total_rows", Integer.class), rs.getInt("processed_rows"), rs.getInt("error_count"),
				rs.getObject("imported_rows", Integer.class), rs.getString("message"), rs.getBoolean("has_report"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
	}
}
