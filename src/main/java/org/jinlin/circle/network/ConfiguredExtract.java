package org.jinlin.circle.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The setting {@code jinlin.circle.network.extract}: an OpenStreetMap extract named in the configuration becomes
 * the active walking network at start-up (unless it already is), stored in the database like an uploaded one;
 * late among the start-up runners, before the first-start coverage run.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
@RequiredArgsConstructor
class ConfiguredExtract implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredExtract.class);

	private final CircleSettings settings;

	private final NetworkRepository rows;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	@Override
	public void run(ApplicationArguments args) throws IOException {
		String configured = settings.network().extract();
		if (configured == null || configured.isBlank()) {
			return;
		}
		Path file = Path.of(configured.trim());
		if (!Files.isRegularFile(file)) {
			log.error("jinlin.circle.network.extract names {}, which is not a file; the walking network is unchanged", file);
			return;
		}
		byte[] content = Files.readAllBytes(file);
		String sha = WalkingNetworksService.sha256(content);
		if (rows.active().map(r -> sha.equals(r.sha256())).orElse(false)) {
			return;
		}
		String name = file.getFileName().toString();
		tx.executeWithoutResult(s -> {
			long id = rows.activate("OSM", name, sha, content, "configuration");
			events.publishEvent(new NetworkReplaced(id, name));
		});
		log.info("Walking network from the configured extract {} ({} bytes) is now active", file, content.length);
	}
}
