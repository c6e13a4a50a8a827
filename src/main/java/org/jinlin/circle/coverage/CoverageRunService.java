package org.jinlin.circle.coverage;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.network.WalkingProfile;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coverage runs. A request stores a QUEUED run and its persistent timer in the caller's transaction (so a
 * facility change and the re-run it needs are committed together); one instance picks the timer up, computes
 * in the background with its progress in the run's row, and writes all results of the run in one transaction.
 * A crash mid-run leaves the timer to be picked up again (db-scheduler), and the run is computed afresh.
 * Changes in quick succession share one queued run.
 */
@Service
@RequiredArgsConstructor
class CoverageRunService implements CoverageRuns {

	private static final Logger log = LoggerFactory.getLogger(CoverageRunService.class);

	static final String TASK = "circle-coverage-run";

	/** Changes that arrive together (an import, a bulk load) are computed once, a moment later. */
	static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(3);

	record Due(long runId) implements Serializable {
	}

	private final CoverageRunRepository rows;

	private final CoverageComputation computation;

	private final CircleSettings settings;

	private final TransactionTemplate tx;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final WhatIfService whatIfs;

	@Override
	@Transactional
	public RunView request(String reason) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Coverage runs are for staff");
		}
		return queue(reason == null || reason.isBlank() ? "requested" : reason.trim(), actor.name(), Instant.now());
	}

	/** A run because something changed (facilities, network, care facilities); joins the caller's transaction. */
	@Transactional
	RunView requestBecause(String reason) {
		return queue(reason, "system", Instant.now().plus(SETTLE));
	}

	private RunView queue(String reason, String by, Instant at) {
		Optional<RunView> queued = rows.latestWithStatus("QUEUED");
		if (queued.isPresent()) {
			return queued.get();
		}
		long id = rows.insertQueued(reason.length() > 200 ? reason.substring(0, 200) : reason, by,
				settings.thresholdSeconds(), settings.cutoffSeconds(), settings.walkingSpeedKmh(),
				settings.elder().walkingSpeedKmh(), settings.elder().stepsFactor());
		scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, "run-" + id, new Due(id)), at);
		return rows.find(id).orElseThrow();
	}

	@Override
	public Optional<RunView> current() {
		staff();
		return rows.latestWithStatus("RUNNING", "QUEUED");
	}

	@Override
	public Optional<RunView> latest() {
		staff();
		return rows.latestWithStatus("DONE");
	}

	@Override
	public Optional<RunView> find(long id) {
		staff();
		return rows.find(id);
	}

	private static void staff() {
		if (!CurrentActor.require().isStaff()) {
			throw new ForbiddenException("Coverage runs are for staff");
		}
	}

	/** Executes a run (on the instance that picked up its timer). Never throws: a failure is recorded on the run. */
	void execute(long runId) {
		Boolean started = tx.execute(s -> rows.start(runId));
		if (!Boolean.TRUE.equals(started)) {
			return;
		}
		long begin = System.nanoTime();
		try {
			// both walking profiles on the same network: the standard one, then the elder one
			CoverageComputation.Outcome outcome = computation.compute(WalkingProfile.STANDARD,
					(p, stage) -> tx.executeWithoutResult(s -> rows.progress(runId, p / 2, stage)));
			CoverageComputation.Outcome elder = computation.compute(WalkingProfile.ELDER,
					(p, stage) -> tx.executeWithoutResult(s -> rows.progress(runId, 45 + p / 2, stage)));
			long computeMs = (System.nanoTime() - begin) / 1_000_000;
			tx.executeWithoutResult(s -> rows.progress(runId, 90, "writing"));
			tx.executeWithoutResult(s -> {
				rows.network(runId, outcome.network().name(), outcome.network().walk().nodeCount(), outcome.network().edges());
				rows.deleteResults(runId);
				int communities = write(runId, outcome, elder);
				rows.done(runId, outcome.placedFacilities(), outcome.facilitiesOffNetwork(), outcome.buildings().size(),
						communities, computeMs);
				rows.pruneOldResults();
			});
			whatIfs.keep(runId, outcome, elder);
			log.info("Coverage run {} done: {} buildings, {} facilities placed, {} ms", runId, outcome.buildings().size(),
					outcome.placedFacilities(), (System.nanoTime() - begin) / 1_000_000);
		}
		catch (RuntimeException e) {
			log.error("Coverage run {} failed", runId, e);
			tx.executeWithoutResult(s -> rows.failed(runId, e.getClass().getSimpleName() + ": " + e.getMessage()));
		}
	}

	/** Writes the run's rows (the elder profile's figures next to the standard ones); returns the number of communities. */
	private int write(long runId, CoverageComputation.Outcome o, CoverageComputation.Outcome elder) {
		int threshold = settings.thresholdSeconds();
		List<Object[]> buildingRows = new ArrayList<>(o.buildings().size());
		for (int i = 0; i < o.buildings().size(); i++) {
			Object[] row = CoverageRows.building(runId, o, i, threshold);
			if (row != null) {
				buildingRows.add(row);
			}
		}
		Map<Long, List<Integer>> elderMembers = CoverageRows.members(elder);
		List<Object[]> communityRows = new ArrayList<>();
		List<Object[]> timeRows = new ArrayList<>();
		for (List<Integer> members : CoverageRows.members(o).values()) {
			CoverageRows.Summary s = CoverageRows.summary(o, members, threshold);
			List<Integer> slow = elderMembers.get(s.community().id());
			CoverageRows.Summary e = slow == null ? null : CoverageRows.summary(elder, slow, threshold);
			communityRows.add(CoverageRows.community(runId, s, e));
			timeRows.addAll(CoverageRows.times(runId, o.categories(), s, e));
		}
		rows.insertCommunities(communityRows);
		rows.insertCommunityTimes(timeRows);
		rows.insertBuildings(buildingRows);
		return communityRows.size();
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Timers {

		@Bean
		OneTimeTask<Due> circleCoverageRunTask(ObjectProvider<CoverageRunService> runs) {
			return Tasks.oneTime(TASK, Due.class).execute((instance, context) -> runs.getObject().execute(instance.getData().runId()));
		}
	}
}
