package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DietNeed;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders: an elder orders a dish of her place's menu for a coming day before the cut-off (the place's, 16:00 the day
 * before by default) and cancels until then; staff of her jurisdiction and her place's operators order and cancel on
 * her behalf at any time, and what they change after the cut-off is flagged {@code late} for the kitchen. A paused
 * diner cannot order in her paused days; a dish that cannot meet one of her diet needs is refused (409). The
 * place's day's orders for its staff; "my meals" for the elder. Standing orders live in {@link StandingOrders}.
 */
@Service
@RequiredArgsConstructor
public class MealOrders {

	static final String INVALID = "meals.order.error.invalid";

	private final MealsRepository meals;

	private final MenuRepository menus;

	private final OrderRepository orders;

	private final MealMenus menuService;

	private final ResidentRegister residents;

	private final PersonalDataCipher cipher;

	private final FieldErrors fieldErrors;

	@Transactional
	public OrderRow order(OrderForm form) {
		Actor actor = MealsAccess.orderer();
		MealsRepository.Enrolment diner = diner(actor, form.dinerId());
		List<FieldError> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(CounterSales.ZONE);
		if (form.day() == null) {
			problems.add(new FieldError("day", "meals.error.required"));
		}
		else if (!form.day().isAfter(today)) {
			problems.add(new FieldError("day", "meals.order.error.past"));
		}
		if (form.meal() == null) {
			problems.add(new FieldError("meal", "meals.error.required"));
		}
		MenuRepository.MenuItem item = null;
		if (form.menuItemId() == null) {
			problems.add(new FieldError("menuItemId", "meals.error.required"));
		}
		else {
			item = menus.item(form.menuItemId())
				.filter(i -> Objects.equals(i.placeId(), diner.placeId()) && i.day().equals(form.day()) && i.meal() == form.meal())
				.orElse(null);
			if (item == null && problems.isEmpty()) {
				problems.add(new FieldError("menuItemId", "meals.order.error.item"));
			}
		}
		fieldErrors.failIfAny(INVALID, problems);
		if (EnrolmentRules.pausedOn(diner.pausedFrom(), diner.resumeOn(), form.day())) {
			throw fieldErrors.conflict("meals.order.error.paused", form.day());
		}
		boolean open = open(diner.placeId(), form.day());
		if (!open && MealsAccess.isSelfDiner(actor)) {
			throw fieldErrors.conflict("meals.order.error.cutoff", menuService.cutoff(diner.placeId()));
		}
		Set<DietNeed> needs = needs(diner);
		Set<DietNeed> unmet = OrderRules.unmet(needs, item.diets());
		if (!unmet.isEmpty()) {
			String names = unmet.stream().map(n -> fieldErrors.message("meals.diet." + n.name())).collect(Collectors.joining("、"));
			throw fieldErrors.conflict("meals.order.error.diet", item.name(), names);
		}
		long id = orders.place(new OrderRepository.NewOrder(diner.id(), diner.placeId(), form.day(), form.meal(), item.id(),
				item.name(), item.price(), OrderRules.encode(needs), diner.homeDelivery(), null, !open), actor.name());
		return rows(List.of(orders.order(id).orElseThrow())).get(0);
	}

	/** Cancels an order: the elder until the cut-off, staff and operators until the day (flagged late after it). */
	@Transactional
	public void cancel(long id) {
		Actor actor = MealsAccess.orderer();
		OrderRepository.Order order = orders.order(id).orElseThrow(() -> new NotFoundException("No order " + id));
		diner(actor, order.dinerId());
		if (!order.placed()) {
			return;
		}
		boolean open = open(order.placeId(), order.day());
		if (!order.day().isAfter(LocalDate.now(CounterSales.ZONE)) || (!open && MealsAccess.isSelfDiner(actor))) {
			throw fieldErrors.conflict("meals.order.error.cutoff", menuService.cutoff(order.placeId()));
		}
		orders.cancel(id, !open, actor.name());
	}

	/** A place's orders of a day: staff of its jurisdiction, its operators. */
	@Transactional(readOnly = true)
	public Paged<OrderRow> ofPlace(Long place, LocalDate day, int page, int size) {
		Actor actor = MealsAccess.orderer();
		if (MealsAccess.isSelfDiner(actor)) {
			throw new org.jinlin.shared.ForbiddenException("An elder sees her own meals only");
		}
		List<Long> own = MealsAccess.isOperator(actor) ? meals.placesOfOperator(actor.name()) : List.of();
		if (place == null && own.isEmpty()) {
			throw fieldErrors.invalid(INVALID, List.of(new FieldError("place", "meals.error.required")));
		}
		long placeId = place == null ? own.get(0) : place;
		MealsRepository.Place at = meals.place(placeId).orElseThrow(() -> new NotFoundException("No place " + placeId));
		menuService.requireEditor(actor, at);
		int p = Math.max(0, page);
		int s = Math.max(1, Math.min(DinerQueries.MAX_SIZE, size));
		LocalDate d = day == null ? LocalDate.now(CounterSales.ZONE) : day;
		return new Paged<>(rows(orders.ofPlace(placeId, d, p, s)), p, s, orders.countOfPlace(placeId, d));
	}

	/** The places whose orders the actor prepares (an operator's own) or oversees: for the page's choice. */
	@Transactional(readOnly = true)
	public List<Long> myPlaces() {
		Actor actor = MealsAccess.orderer();
		return MealsAccess.isOperator(actor) ? meals.placesOfOperator(actor.name()) : List.of();
	}

	/** The elder's own orders from today on. */
	@Transactional(readOnly = true)
	public List<OrderRow> mine() {
		Actor actor = MealsAccess.selfDiner();
		return meals.enrolmentOfResident(actor.residentId())
			.map(e -> rows(orders.ofDiner(e.id(), LocalDate.now(CounterSales.ZONE))))
			.orElse(List.of());
	}

	/** The diner an order is for: herself, or the one named if the actor may act for her (404 otherwise). */
	MealsRepository.Enrolment diner(Actor actor, Long dinerId) {
		if (MealsAccess.isSelfDiner(actor)) {
			MealsRepository.Enrolment own = meals.enrolmentOfResident(actor.residentId())
				.orElseThrow(() -> fieldErrors.conflict("meals.order.error.notEnrolled"));
			if (dinerId != null && dinerId != own.id()) {
				throw new NotFoundException("No diner " + dinerId);
			}
			return own;
		}
		if (dinerId == null) {
			throw fieldErrors.invalid(INVALID, List.of(new FieldError("dinerId", "meals.error.required")));
		}
		return meals.enrolment(dinerId)
			.filter(e -> MealsAccess.isOperator(actor) ? meals.placesOfOperator(actor.name()).contains(e.placeId())
					: actor.covers(e.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No diner " + dinerId));
	}

	boolean open(Long placeId, LocalDate day) {
		LocalTime cutoff = placeId == null ? LocalTime.of(16, 0) : menuService.cutoff(placeId);
		return OrderRules.open(day, cutoff, LocalDateTime.now(CounterSales.ZONE));
	}

	Set<DietNeed> needs(MealsRepository.Enrolment e) {
		return Diets.decode(e.dietsCipher() == null ? null : cipher.decrypt(e.dietsCipher())).needs();
	}

	List<OrderRow> rows(List<OrderRepository.Order> list) {
		Map<Long, Long> residentOf = meals.dinersById(list.stream().map(OrderRepository.Order::dinerId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(MealsRepository.Diner::id, MealsRepository.Diner::residentId));
		Map<Long, ResidentView> people = residents.lookupAll(residentOf.values())
			.stream()
			.collect(Collectors.toMap(ResidentView::id, Function.identity()));
		return list.stream().map(o -> {
			ResidentView r = people.get(residentOf.get(o.dinerId()));
			List<String> diets = OrderRules.decodeNeeds(o.diets()).stream().map(Enum::name).toList();
			return new OrderRow(o.id(), o.dinerId(), r == null ? null : Masking.name(r.name()), o.placeId(), o.day(), o.meal(),
					o.itemName(), o.price(), diets, o.delivery(), o.placed() ? "PLACED" : "CANCELLED",
					o.standingOrderId() != null, o.late(), o.placed() && open(o.placeId(), o.day()));
		}).toList();
	}
}
