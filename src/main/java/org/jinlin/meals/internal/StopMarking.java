package org.jinlin.meals.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DeliveryOutcome;
import org.jinlin.meals.WelfareCheckNeeded;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentTag;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courier marks a stop delivered, refused or nobody home, once. Nobody home at an elder living alone publishes
 * {@link WelfareCheckNeeded}: a missed meal is never just a missed meal.
 */
@Service
@RequiredArgsConstructor
public class StopMarking {

	private final DeliveryRepository repository;

	private final MealsRepository meals;

	private final RouteQueries queries;

	private final ResidentRegister residents;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	/** Marks stop {@code seq} of a route the caller may see; 400 for an unknown outcome, 409 if already marked. */
	@Transactional
	public RouteView.StopView mark(long routeId, int seq, String outcome) {
		var actor = MealsAccess.dinerReader();
		DeliveryOutcome value = outcome(outcome);
		DeliveryRepository.Route route = repository.route(routeId).orElseThrow(() -> new NotFoundException("No such route"));
		queries.visiblePlace(actor, route.placeId());
		DeliveryRepository.Stop stop = repository.stops(routeId)
			.stream()
			.filter(s -> s.seq() == seq)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No such stop"));
		if (!repository.mark(routeId, seq, value.name(), actor.name())) {
			throw new ConflictException("This stop is already marked");
		}
		if (value == DeliveryOutcome.NOBODY_HOME) {
			meals.diner(stop.dinerId())
				.flatMap(d -> residents.lookup(d.residentId()))
				.filter(r -> r.tags().contains(ResidentTag.LIVING_ALONE))
				.ifPresent(r -> events.publishEvent(
						new WelfareCheckNeeded(r.id(), stop.dinerId(), route.placeId(), route.servedOn(), routeId, seq)));
		}
		return queries.route(routeId).stops().stream().filter(s -> s.seq() == seq).findFirst().orElseThrow();
	}

	private DeliveryOutcome outcome(String outcome) {
		for (DeliveryOutcome o : DeliveryOutcome.values()) {
			if (o.name().equals(outcome == null ? null : outcome.strip())) {
				return o;
			}
		}
		throw fieldErrors.invalid("meals.route.error.invalid", List.of(new FieldError("outcome", "meals.route.error.outcome")));
	}
}
