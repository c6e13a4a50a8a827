package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery routes the caller may see: staff those of the places in their jurisdiction, a canteen operator those of
 * her places (another's: 404). Names masked; addresses and diet codes shown, as the courier needs them at the door.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class RouteQueries {

	private final MealsRepository meals;

	private final DeliveryRepository repository;

	private final ResidentRegister residents;

	private final PersonalDataCipher cipher;

	/** A place's routes of a day, by courier number. */
	public List<RouteView> routes(long placeId, LocalDate day) {
		MealsRepository.Place place = visiblePlace(MealsAccess.dinerReader(), placeId);
		return routesOf(place.id(), day);
	}

	/** One route with its stops (the courier's sheet). */
	public RouteView route(long routeId) {
		Actor actor = MealsAccess.dinerReader();
		DeliveryRepository.Route route = repository.route(routeId).orElseThrow(() -> new NotFoundException("No such route"));
		visiblePlace(actor, route.placeId());
		return view(route);
	}

	List<RouteView> routesOf(long placeId, LocalDate day) {
		return repository.routes(placeId, day).stream().map(this::view).toList();
	}

	private RouteView view(DeliveryRepository.Route route) {
		List<DeliveryRepository.Stop> stops = repository.stops(route.id());
		Map<Long, MealsRepository.Diner> diners = meals.dinersById(stops.stream().map(DeliveryRepository.Stop::dinerId).toList())
			.stream()
			.collect(Collectors.toMap(MealsRepository.Diner::id, Function.identity()));
		Map<Long, ResidentView> people = residents.lookupAll(diners.values().stream().map(MealsRepository.Diner::residentId).toList())
			.stream()
			.collect(Collectors.toMap(ResidentView::id, Function.identity()));
		List<RouteView.StopView> views = new ArrayList<>();
		for (DeliveryRepository.Stop s : stops) {
			MealsRepository.Diner d = diners.get(s.dinerId());
			ResidentView r = d == null ? null : people.get(d.residentId());
			List<String> diets = d == null ? List.of()
					: Diets.decode(d.dietsCipher() == null ? null : cipher.decrypt(d.dietsCipher())).codes();
			views.add(new RouteView.StopView(s.seq(), s.dinerId(), r == null ? null : Masking.name(r.name()),
					r == null ? null : r.addressLabel(), s.plannedArrival(), s.windowStart(), s.windowEnd(), diets, s.outcome()));
		}
		return new RouteView(route.id(), route.placeId(), route.servedOn(), route.courierNo(), route.departure(),
				(int) Math.round(route.travelSeconds() / 60.0), views);
	}

	/** The place if the actor may see it: staff in their jurisdiction, an operator her own; else 404. */
	MealsRepository.Place visiblePlace(Actor actor, long placeId) {
		MealsRepository.Place place = meals.place(placeId).orElseThrow(() -> new NotFoundException("No such place"));
		boolean visible = MealsAccess.isOperator(actor) ? meals.placesOfOperator(actor.name()).contains(placeId)
				: place.territoryPath().startsWith(actor.territoryPath());
		if (!visible) {
			throw new NotFoundException("No such place");
		}
		return place;
	}
}
