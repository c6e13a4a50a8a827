package org.jinlin.meals.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DietNeed;
import org.jinlin.meals.MealTime;
import org.jinlin.meals.internal.DinerDetail;
import org.jinlin.meals.internal.DinerEnrolment;
import org.jinlin.meals.internal.MealMenus;
import org.jinlin.meals.internal.MealOrders;
import org.jinlin.meals.internal.MealsAccess;
import org.jinlin.meals.internal.MenuRepository.MenuItem;
import org.jinlin.meals.internal.MenuWeek;
import org.jinlin.meals.internal.OrderForm;
import org.jinlin.meals.internal.OrderRow;
import org.jinlin.meals.internal.StandingOrderForm;
import org.jinlin.meals.internal.StandingOrders;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ordering pages: the elder's {@code /meals/order} (the coming week's menu with large buttons, her orders, a standing
 * order for weekday lunches), the place's orders to prepare ({@code /meals/orders}) and its weekly menu
 * ({@code /meals/places/{id}/menus}, one line per dish in the editor).
 */
@Controller
@RequiredArgsConstructor
class OrderPages {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MealOrders orders;

	private final StandingOrders standing;

	private final MealMenus menus;

	private final DinerEnrolment enrolment;

	private final FieldErrors fieldErrors;

	/** One day of the elder's page: per meal, the dishes and what she ordered. */
	record Day(LocalDate day, boolean open, Map<MealTime, List<MenuItem>> meals, Map<MealTime, OrderRow> ordered) {
	}

	@GetMapping("/meals/order")
	String order(Model model) {
		MealsAccess.selfDiner();
		DinerDetail me = enrolment.mine().orElse(null);
		if (me == null) {
			return "redirect:/meals/me";
		}
		LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);
		List<MenuItem> items = new ArrayList<>();
		if (me.placeId() != null) {
			items.addAll(menus.week(me.placeId(), tomorrow).items());
			items.addAll(menus.week(me.placeId(), tomorrow.plusDays(7)).items());
		}
		List<OrderRow> mine = orders.mine();
		List<Day> days = new ArrayList<>();
		for (LocalDate d = tomorrow; d.isBefore(tomorrow.plusDays(7)); d = d.plusDays(1)) {
			LocalDate day = d;
			Map<MealTime, List<MenuItem>> meals = new TreeMap<>();
			items.stream().filter(i -> i.day().equals(day)).forEach(i -> meals.computeIfAbsent(i.meal(), k -> new ArrayList<>()).add(i));
			Map<MealTime, OrderRow> ordered = new TreeMap<>();
			mine.stream().filter(o -> o.day().equals(day) && o.status().equals("PLACED")).forEach(o -> ordered.put(o.meal(), o));
			boolean open = me.placeId() != null && org.jinlin.meals.internal.OrderRules.open(day, menus.cutoff(me.placeId()),
					java.time.LocalDateTime.now(ZONE));
			days.add(new Day(day, open, meals, ordered));
		}
		Set<DietNeed> needs = EnumSet.noneOf(DietNeed.class);
		me.diets().stream().filter(c -> !c.equals("ALLERGIES")).forEach(c -> needs.add(DietNeed.valueOf(c)));
		model.addAttribute("me", me);
		model.addAttribute("days", days);
		model.addAttribute("needs", needs);
		model.addAttribute("cutoff", me.placeId() == null ? null : menus.cutoff(me.placeId()));
		model.addAttribute("standing", standing.mine());
		return "meals/order";
	}

	@PostMapping("/meals/order")
	String place(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) MealTime meal, @RequestParam(required = false) Long menuItemId,
			RedirectAttributes flash) {
		MealsAccess.selfDiner();
		return act(flash, "meals.order.placed", () -> orders.order(new OrderForm(null, day, meal, menuItemId)));
	}

	@PostMapping("/meals/order/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash) {
		MealsAccess.selfDiner();
		return act(flash, "meals.order.cancelled", () -> orders.cancel(id));
	}

	@PostMapping("/meals/order/standing")
	String standing(@RequestParam(defaultValue = "LUNCH") MealTime meal, RedirectAttributes flash) {
		MealsAccess.selfDiner();
		return act(flash, "meals.order.standingMade", () -> standing.create(new StandingOrderForm(null, meal,
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null, null)));
	}

	@PostMapping("/meals/order/standing/{id:\\d+}/end")
	String endStanding(@PathVariable long id, RedirectAttributes flash) {
		MealsAccess.selfDiner();
		return act(flash, "meals.order.standingEnded", () -> standing.end(id));
	}

	/** The day's orders to prepare at a place (an operator's own by default). */
	@GetMapping("/meals/orders")
	String toPrepare(@RequestParam(required = false) Long place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") int page, Model model) {
		MealsAccess.orderer();
		LocalDate day = date == null ? LocalDate.now(ZONE).plusDays(1) : date;
		model.addAttribute("day", day);
		model.addAttribute("place", place);
		try {
			var list = orders.ofPlace(place, day, page, 100);
			model.addAttribute("orders", list);
			Map<String, Integer> counts = new LinkedHashMap<>();
			list.items().stream().filter(o -> o.status().equals("PLACED"))
				.forEach(o -> counts.merge(fieldErrors.message("meals.meal." + o.meal()) + " · " + o.item(), 1, Integer::sum));
			model.addAttribute("counts", counts);
		}
		catch (ValidationFailedException e) {
			model.addAttribute("orders", null);
			model.addAttribute("errors", FormErrors.of(e));
		}
		return "meals/orders";
	}

	@GetMapping("/meals/places/{id:\\d+}/menus")
	String menu(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			Model model) {
		MenuWeek w = menus.week(id, week);
		return menu(model, w, MenuLines.format(w.items()), Map.of());
	}

	@PostMapping("/meals/places/{id:\\d+}/menus")
	String saveMenu(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			@RequestParam(defaultValue = "") String lines, Model model, RedirectAttributes flash) {
		menus.editor(id);
		MenuWeek w = menus.week(id, week);
		MenuLines.Parsed parsed = MenuLines.parse(lines);
		if (!parsed.errors().isEmpty()) {
			return menu(model, w, lines, Map.of("lines", parsed.errors().stream()
				.map(e -> fieldErrors.message("meals.menu.error.line", e)).toList()));
		}
		try {
			menus.replaceWeek(id, w.week(), parsed.items());
		}
		catch (ValidationFailedException e) {
			return menu(model, w, lines, FormErrors.of(e));
		}
		flash.addFlashAttribute("notice", "meals.menu.saved");
		return "redirect:/meals/places/" + id + "/menus?week=" + w.week();
	}

	private String menu(Model model, MenuWeek w, String lines, Map<String, List<String>> errors) {
		model.addAttribute("menu", w);
		model.addAttribute("lines", lines);
		model.addAttribute("errors", errors);
		model.addAttribute("canEdit", menus.canEdit(w.placeId()));
		return "meals/menu";
	}

	private String act(RedirectAttributes flash, String notice, Runnable action) {
		return MealsFlash.act(flash, notice, action, "/meals/order");
	}
}
