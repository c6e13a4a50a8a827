package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.circle.TravelTimes;
import org.jinlin.circle.TravelTimes.Point;
import org.jinlin.meals.internal.routing.DeliveryProblem;
import org.jinlin.meals.internal.routing.PlannedRoutes;
import org.jinlin.meals.internal.routing.RouteSolver;
import org.jinlin.meals.internal.routing.Travel;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a place's home deliveries of a day as routes (Timefold: couriers with a bag capacity, time windows, the
 * hot-food limit from the kitchen to the door; the least riding time) over cycling times on the circle's walking
 * network, and stores them, replacing an earlier plan of that day unless a courier has already marked a stop.
 * The stops are the place's diners with home delivery, one meal each, in the settings' lunch window.
 */
@Service
@RequiredArgsConstructor
public class DeliveryPlanning {

	private final MealsRepository meals;

	private final DeliveryRepository repository;

	private final DeliverySettings settings;

	private final TravelTimes travelTimes;

	private final ResidentRegister residents;

	private final Territories territories;

	private final CareFacilities careFacilities;

	private final PersonalDataCipher cipher;

	private final RouteQueries queries;

	/** Plans and stores the routes of a place the caller may see (staff: her jurisdiction; an operator: her places). */
	@Transactional
	public List<RouteView> plan(long placeId, LocalDate day) {
		Actor actor = MealsAccess.dinerReader();
		MealsRepository.Place place = queries.visiblePlace(actor, placeId);
		store(place, day, stopsOf(place), settings.couriers(), settings.bagsPerCourier(), actor.name());
		return queries.routesOf(place.id(), day);
	}

	/** The same without access checks (a seeded city): the caller vouches for the place. */
	@Transactional
	public void planUnchecked(long placeId, LocalDate day, String by) {
		MealsRepository.Place place = meals.place(placeId).orElseThrow(() -> new NotFoundException("No such place"));
		store(place, day, stopsOf(place), settings.couriers(), settings.bagsPerCourier(), by);
	}

	/** The place's diners with home delivery, at their buildings, in the lunch window, with their diet codes. */
	List<DeliveryStop> stopsOf(MealsRepository.Place place) {
		List<MealsRepository.Diner> diners = repository.homeDeliveryDiners(place.id());
		Map<Long, ResidentView> people = residents.lookupAll(diners.stream().map(MealsRepository.Diner::residentId).toList())
			.stream()
			.collect(Collectors.toMap(ResidentView::id, Function.identity()));
		List<Long> nodes = new ArrayList<>();
		people.values().forEach(r -> {
			nodes.add(r.buildingId());
			nodes.add(r.communityId());
		});
		Map<Long, TerritoryNode> where = territories.lookupAll(nodes)
			.stream()
			.collect(Collectors.toMap(TerritoryNode::id, Function.identity()));
		DeliveryStop.Window window = new DeliveryStop.Window(settings.windowStart(), settings.windowEnd());
		List<DeliveryStop> stops = new ArrayList<>();
		for (MealsRepository.Diner d : diners) {
			ResidentView r = people.get(d.residentId());
			Point at = r == null ? null : point(where.get(r.buildingId()));
			if (at == null && r != null) {
				at = point(where.get(r.communityId()));
			}
			if (at == null) {
				continue; // nowhere to ride to: not on a route (the list of diners still shows her)
			}
			String diet = String.join(",", Diets.decode(d.dietsCipher() == null ? null : cipher.decrypt(d.dietsCipher())).codes());
			stops.add(new DeliveryStop(d.id(), at, window, diet));
		}
		return stops;
	}

	/** Where the kitchen is: the canteen's registry record, else the place's own node. */
	Point kitchenOf(MealsRepository.Place place) {
		Point at = null;
		if (place.facilityId() != null) {
			CareFacility f = careFacilities.find(place.facilityId()).orElse(null);
			if (f != null && f.latitude() != null && f.longitude() != null) {
				at = new Point(f.latitude(), f.longitude());
			}
		}
		if (at == null) {
			at = point(territories.lookup(place.territoryId()).orElse(null));
		}
		if (at == null) {
			throw new ConflictException("The place has no location to ride from");
		}
		return at;
	}

	private void store(MealsRepository.Place place, LocalDate day, List<DeliveryStop> stops, int couriers, int capacity,
			String by) {
		if (repository.markedStops(place.id(), day) > 0) {
			throw new ConflictException("Couriers have already marked stops of this day; the routes stay as they are");
		}
		DeliveryProblem problem = problem(kitchenOf(place), stops, couriers, capacity);
		PlannedRoutes plan = RouteSolver.solve(problem, settings.solveTime());
		repository.deleteRoutes(place.id(), day);
		int no = 0;
		for (List<PlannedRoutes.PlannedStop> route : plan.routes()) {
			if (route.isEmpty()) {
				continue;
			}
			long travel = new PlannedRoutes(List.of(route)).travelSeconds(problem.travel());
			long id = repository.insertRoute(place.id(), day, ++no, settings.departure(), (int) travel, by);
			int seq = 0;
			for (PlannedRoutes.PlannedStop s : route) {
				DeliveryStop stop = stops.get(s.stop());
				repository.insertStop(id, ++seq, stop.dinerId(), LocalTime.ofSecondOfDay(s.arrival() % 86_400),
						stop.window().from(), stop.window().to());
			}
		}
	}

	/** The routing problem: the kitchen and the stops on the network at cycling speed, the settings' limits. */
	public DeliveryProblem problem(Point kitchen, List<DeliveryStop> stops, int couriers, int capacity) {
		List<Point> points = new ArrayList<>();
		points.add(kitchen);
		stops.forEach(s -> points.add(s.location()));
		int[][] seconds = travelTimes.matrix(points, settings.cyclingKmh());
		Travel travel = new Travel(seconds, settings.departure().toSecondOfDay(), settings.hotFoodMinutes() * 60,
				settings.handoverSeconds());
		return new DeliveryProblem(travel, stops.stream()
			.map(s -> new DeliveryProblem.Stop(s.window().from().toSecondOfDay(), s.window().to().toSecondOfDay(), 1))
			.toList(), couriers, capacity);
	}

	public DeliverySettings settings() {
		return settings;
	}

	private static Point point(TerritoryNode node) {
		return node == null || node.latitude() == null || node.longitude() == null ? null
				: new Point(node.latitude(), node.longitude());
	}
}
