package org.jinlin.accounts.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.SignInThrottleCleared;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators see the running sign-in throttles and lift one before its end. Like accounts, a throttle belongs to
 * the jurisdiction of the account its name belongs to; throttles of unknown names and of whole sources belong to
 * the city level. Lifting one is published for the audit log.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class SignInThrottleAdministration {

	static final int MAX_PAGE_SIZE = 200;

	private final SignInThrottleRepository throttles;

	private final SignInThrottling throttling;

	private final ApplicationEventPublisher events;

	/** Running throttles of the administrator's jurisdiction, latest first. */
	@Transactional(readOnly = true)
	public Paged<SignInThrottleView> list(int page, int size) {
		Actor admin = AccountsAccess.requireAdministrator();
		if (page < 0) {
			throw ValidationFailedException.field("page", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ValidationFailedException.field("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		SignInThrottleRule rule = throttling.rule();
		String like = admin.jurisdiction().likePattern();
		boolean cityLevel = AccountsAccess.cityLevel(admin);
		var items = throttles.running(rule.now(), like, cityLevel, size, (long) page * size).stream()
			.map(row -> view(row, rule))
			.toList();
		return new Paged<>(items, page, size, throttles.countRunning(rule.now(), like, cityLevel));
	}

	/** Lifts a running throttle (and forgets the failures that started it); another jurisdiction's answers 404. */
	public void clear(long id) {
		Actor admin = AccountsAccess.requireAdministrator();
		SignInThrottleRepository.ThrottleRow row = throttles.find(id)
			.filter(r -> r.throttledUntil().isAfter(throttling.rule().now()))
			.filter(r -> r.territoryPath() == null ? AccountsAccess.cityLevel(admin) : admin.covers(r.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No sign-in throttle " + id));
		throttles.delete(row.id());
		boolean wholeSource = row.scope() == SignInThrottleRepository.Scope.SOURCE;
		if (wholeSource) {
			throttles.deleteFailuresFrom(row.source());
		}
		else {
			throttles.deleteFailures(row.accountName(), row.source());
		}
		events.publishEvent(new SignInThrottleCleared(row.id(), wholeSource ? null : row.accountName(), row.source(),
				row.territoryPath(), admin.name(), throttling.rule().now()));
	}

	/** The rule in force, for the page to state it. */
	public SignInThrottleRule rule() {
		return throttling.rule();
	}

	private static SignInThrottleView view(SignInThrottleRepository.ThrottleRow row, SignInThrottleRule rule) {
		boolean wholeSource = row.scope() == SignInThrottleRepository.Scope.SOURCE;
		long minutes = rule.refusal(row.throttledUntil()).map(SignInThrottleRule.Refusal::minutes).orElse(0L);
		return new SignInThrottleView(row.id(), wholeSource, wholeSource ? null : row.accountName(), row.source(),
				row.failures(), row.throttledAt(), row.throttledUntil(), minutes);
	}
}
