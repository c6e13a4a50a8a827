package org.jinlin.publiclog.internal;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}: the public log is down when its last self-check found it altered. */
@Component("publicLog")
@RequiredArgsConstructor
class LogHealth implements HealthIndicator {

	private final LogSelfCheck check;

	@Override
	public Health health() {
		LogSelfCheck.Result last = check.last();
		if (last == null) {
			return Health.unknown().withDetail("selfCheck", "not run yet on this instance").build();
		}
		return (last.sound() ? Health.up() : Health.down().withDetail("problems", last.problems()))
			.withDetail("size", last.size()).withDetail("checkedAt", last.at().toString()).build();
	}
}
