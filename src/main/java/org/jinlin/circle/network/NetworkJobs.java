package org.jinlin.circle.network;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replacing the walking network in the background. An upload is stored as a job row with its extract and a
 * db-scheduler one-time task; whichever instance picks the task up claims the row ({@code QUEUED -> RUNNING}, so only
 * one builds) and goes through the stages: reading the extract into a temporary build folder, building the graph
 * there, checking it (walkable streets on the connected network, and a point placed on it), then activating it:
 * the graph moves into the graph cache, the extract is stored as a network row, and this instance's copy and the
 * active row switch together ({@link NetworkHolder#switchTo}), the coverage run being queued in the same
 * transaction. Until that moment the old network serves every request; other instances switch on their periodic
 * check of the active row. A file with no walkable streets ends as {@code NO_STREETS}, one that cannot be read as
 * {@code UNREADABLE}; both leave the old network active. The temporary build folder is always removed.
 */
@Component
@RequiredArgsConstructor
class NetworkJobs {

	private static final Logger log = LoggerFactory.getLogger(NetworkJobs.class);

	static final String TASK = "circle-network-job";

	static final String BUILD_PREFIX = "jinlin-network-build-";

	record Due(long jobId) implements Serializable {
	}

	private final NetworkRepository rows;

	private final NetworkHolder holder;

	private final CircleSettings settings;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<SchedulerClient> scheduler;

	/** Called with each stage as it begins (tests hold a build there). */
	volatile Consumer<String> stageHook = stage -> {
	};

	/** Stores the job and its timer in one transaction; the job runs on whichever instance picks the timer up. */
	long queue(String fileName, String sha256, byte[] content, String by) {
		return tx.execute(s -> {
			long id = rows.insertJob(fileName, sha256, content, by);
			scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, "job-" + id, new Due(id)), Instant.now());
			return id;
		});
	}

	/** Runs a job (on the instance that claimed it). Never throws: the outcome is recorded on the job. */
	void execute(long jobId) {
		if (!Boolean.TRUE.equals(tx.execute(s -> rows.claimJob(jobId)))) {
			return;
		}
		NetworkRepository.JobExtract job = rows.jobExtract(jobId);
		Path folder = null;
		String stage = "RECEIVED";
		try {
			stage = stage(jobId, "READING", 10);
			Path cache = holder.cacheDir();
			Files.createDirectories(cache);
			folder = Files.createTempDirectory(cache, BUILD_PREFIX);
			Path file = folder.resolve("extract.osm.pbf");
			Files.write(file, job.extract());
			stage = stage(jobId, "BUILDING", 30);
			int minComponent = settings.network().minComponentSize();
			Path graph = folder.resolve("graph");
			LoadedNetwork probe;
			try {
				probe = OsmStreets.load(-1, job.fileName(), file, graph, settings.walkingSpeedKmh(), minComponent);
			}
			catch (Exception | Error e) {
				log.info("Walking-network extract {} not built: {}", job.fileName(), e.toString());
				boolean noStreets = readableWithoutStreets(file);
				fail(jobId, stage, noStreets ? "NO_STREETS" : "UNREADABLE",
						noStreets ? "circle.network.extract.noStreets" : "circle.network.extract.unreadable");
				return;
			}
			stage = stage(jobId, "CHECKING", 70);
			boolean usable;
			try {
				usable = usable(probe);
			}
			finally {
				probe.close();
			}
			if (!usable) {
				fail(jobId, stage, "NO_STREETS", "circle.network.extract.noStreets");
				return;
			}
			stage = stage(jobId, "ACTIVATING", 85);
			moveIfAbsent(graph, holder.graphFolder(job.sha256()));
			moveIfAbsent(file, holder.extractFile(job.sha256()));
			long networkId = tx.execute(s -> rows.insertInactive("OSM", job.fileName(), job.sha256(), job.extract(),
					job.requestedBy()));
			LoadedNetwork next = holder.loadExtract(rows.find(networkId).orElseThrow());
			stageHook.accept("SWITCHING");
			holder.switchTo(next, () -> tx.executeWithoutResult(s -> {
				rows.activateExisting(networkId);
				events.publishEvent(new NetworkReplaced(networkId, job.fileName()));
				rows.finishJob(jobId, true, "COVERAGE_QUEUED", "ACTIVATED", "circle.network.job.activated", networkId);
			}));
			log.info("Walking network {} ({}, {} bytes) built in the background and activated (job {}, by {})", networkId,
					job.fileName(), job.extract().length, jobId, job.requestedBy());
		}
		catch (Exception | Error e) {
			log.error("Walking-network job {} failed at {}", jobId, stage, e);
			fail(jobId, stage, "FAILED", "circle.network.job.failed");
		}
		finally {
			delete(folder);
		}
	}

	private String stage(long jobId, String stage, int percent) {
		tx.executeWithoutResult(s -> rows.jobStage(jobId, stage, percent));
		stageHook.accept(stage);
		return stage;
	}

	private void fail(long jobId, String stage, String outcome, String messageKey) {
		try {
			tx.executeWithoutResult(s -> rows.finishJob(jobId, false, stage, outcome, messageKey, null));
		}
		catch (RuntimeException e) {
			log.error("Could not record the end of walking-network job {}", jobId, e);
		}
	}

	/**
	 * Whether the built graph can serve: it has streets on the connected network, and a point at one of their
	 * junctions is placed on it.
	 */
	private boolean usable(LoadedNetwork network) {
		if (network.walk().nodeCount() == 0) {
			return false;
		}
		for (int edge = 0; edge < network.edges(); edge++) {
			if (network.connected(edge)) {
				int node = network.graph().getEdgeIteratorState(edge, Integer.MIN_VALUE).getBaseNode();
				return network.origin(network.walk().latitude(node), network.walk().longitude(node),
						settings.network().maxSnapMetres()) != null;
			}
		}
		return false;
	}

	/** True when the file reads as OpenStreetMap data (at least one element) without any way tagged highway. */
	static boolean readableWithoutStreets(Path file) {
		OSMInputFile in = null;
		try {
			in = new OSMInputFile(file.toFile()).setWorkerThreads(1).open();
			boolean any = false;
			ReaderElement element;
			while ((element = in.getNext()) != null) {
				any = true;
				if (element instanceof ReaderWay way && way.hasTag("highway")) {
					return false;
				}
			}
			return any;
		}
		catch (Exception | Error e) {
			return false;
		}
		finally {
			if (in != null) {
				try {
					in.close();
				}
				catch (IOException | RuntimeException e) {
					// nothing more to do
				}
			}
		}
	}

	private static void moveIfAbsent(Path from, Path to) throws IOException {
		if (Files.exists(to)) {
			return; // built before for this checksum; the temporary copy goes with the build folder
		}
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
			// another instance sharing the cache put it there meanwhile
		}
	}

	/** Removes a build folder and everything in it. */
	static void delete(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("Could not remove the build folder {}: {}", folder, e.toString());
		}
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Timers {

		@Bean
		OneTimeTask<Due> circleNetworkJobTask(ObjectProvider<NetworkJobs> jobs) {
			return Tasks.oneTime(TASK, Due.class).execute((instance, context) -> jobs.getObject().execute(instance.getData().jobId()));
		}
	}
}
