package org.jinlin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jinlin.circle.coverage.CoverageRuns;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo city's first coverage run is computed after start-up; tests that read the circle's figures wait for it. */
public final class DemoCoverage {

	private DemoCoverage() {
	}

	/** Waits, as the city official, until a run has finished and none is running. */
	public static void awaitFirstRun(CoverageRuns runs, UserDetailsService users) {
		UserDetails city = users.loadUserByUsername("city");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(city, null, city.getAuthorities()));
		try {
			await().pollInSameThread().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
				.until(() -> runs.latest().isPresent() && runs.current().isEmpty());
			assertThat(runs.latest().orElseThrow().communities()).isPositive();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
