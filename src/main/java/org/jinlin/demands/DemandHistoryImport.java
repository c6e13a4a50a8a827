package org.jinlin.demands;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandHistoryRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk load of past demands with their history, for a city's past demands and for benchmarks: departments, a category,
 * then demands as they stand after their history (raised, signed for, resolved, closed and rated at the given
 * moments) written in batches, then their timelines. No command rules run, no events are published and no
 * timers are set: these demands happened before the application knew them.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DemandHistoryImport {

	/** A category as the import knows it: its id, code and default urgency. */
	public record Category(long id, String code, Urgency urgency) {
	}

	/**
	 * A category handled by a department (or, at {@code level} {@code DEPARTMENT} when the department is not
	 * there, by the district), with deadlines in working days.
	 */
	public record HistoricCategory(String code, String name, String nameEn, String description, String group,
			String keywords, HandlingLevel level, String departmentCode, Urgency urgency, int signWorkingDays,
			int handleWorkingDays, String by) {
	}

	/** A demand as it stands after its history; ids and paths of its place and handling unit. */
	public record HistoricDemand(String token, long categoryId, String description, DemandStatus status,
			Urgency urgency, RaiseChannel channel, long locationNodeId, String territoryPath, long gridId,
			long communityId, long streetId, long districtId, String addressLabel, String publicPlace, double latitude,
			double longitude, String raisedBy, boolean showNamePublicly, HandlingLevel handlerLevel, long handlerNodeId,
			String handlerPath, String handlerName, Instant signDueAt, Instant handleDueAt, Instant raisedAt,
			Instant dispatchedAt, Instant signedAt, Boolean signedOnTime, Instant resolvedAt, Boolean resolvedOnTime,
			Outcome outcome, Instant closedAt, Rating rating, int reworkCount, Instant updatedAt) {
	}

	private final DemandHistoryRepository repository;

	/** An import writing through the data source directly, for loaders outside the application (benchmarks). */
	public static DemandHistoryImport on(DataSource dataSource) {
		return new DemandHistoryImport(new DemandHistoryRepository(JdbcClient.create(dataSource), new JdbcTemplate(dataSource)));
	}

	/** Adds a department at a territory node. */
	public void department(String code, String name, long territoryId, String territoryPath) {
		repository.insertDepartment(code, name, territoryId, territoryPath);
	}

	/** Adds a category; a department category whose department is missing goes to the district. */
	public void category(HistoricCategory c) {
		Optional<Long> department = c.departmentCode() == null ? Optional.empty() : repository.departmentId(c.departmentCode());
		HandlingLevel level = c.level() == HandlingLevel.DEPARTMENT && department.isEmpty() ? HandlingLevel.DISTRICT : c.level();
		repository.insertCategory(c, level, department.orElse(null));
	}

	/** The active categories, by id. */
	@Transactional(readOnly = true)
	public List<Category> activeCategories() {
		return repository.activeCategories();
	}

	/** Writes demands in one batch; returns how many. */
	public int demands(List<HistoricDemand> demands) {
		return repository.insertDemands(demands);
	}

	/**
	 * Writes the timelines of the imported demands raised by {@code raisedBy}: raised, signed for (by the handling
	 * unit) and resolved with the public {@code reply}, at the moments the demands carry.
	 */
	public void timelines(String raisedBy, String reply) {
		repository.insertTimelines(raisedBy, reply);
	}

	/** The reply a resolved imported demand carries, given its category code, outcome and id. */
	@FunctionalInterface
	public interface Replies {

		String reply(String categoryCode, Outcome outcome, long demandId);
	}

	/**
	 * Writes the timelines as {@link #timelines(String, String)} does, each resolved demand with the public reply
	 * {@code replies} gives it.
	 */
	public void timelines(String raisedBy, Replies replies) {
		repository.insertTimelines(raisedBy, null);
		for (DemandHistoryRepository.Resolved r : repository.resolved(raisedBy)) {
			repository.reply(r.id(), replies.reply(r.categoryCode(), r.outcome(), r.id()));
		}
	}
}
