package org.jinlin.meals.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.CounterDesk;
import org.jinlin.meals.internal.CounterForm;
import org.jinlin.meals.internal.DinerQueries;
import org.jinlin.meals.internal.MealsAccess;
import org.jinlin.meals.internal.SaleReceipt;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter page for canteen staff ({@code /meals/counter}, on a tablet): find the diner by name or card, or sell
 * to a walk-in; the set meal of the day or chosen dishes; the price, subsidy and amount to pay shown before
 * confirming; the confirmation carries an idempotency key, so a double submit never charges twice. Today's sales
 * below.
 */
@Controller
@RequiredArgsConstructor
class CounterPages {

	private final CounterDesk desk;

	private final DinerQueries queries;

	@GetMapping("/meals/counter")
	String counter(@RequestParam(required = false) String q, @RequestParam(required = false) Long dinerId,
			@RequestParam(required = false) String card, @RequestParam(defaultValue = "false") boolean walkIn,
			@RequestParam(required = false) List<Long> items, Model model) {
		MealsAccess.seller();
		CounterForm form = new CounterForm(dinerId, card, items, UUID.randomUUID().toString());
		Map<String, List<String>> errors = Map.of();
		if (q != null) {
			model.addAttribute("matches", desk.find(q));
		}
		if (dinerId != null || (card != null && !card.isBlank()) || walkIn) {
			try {
				model.addAttribute("preview", desk.preview(form));
			}
			catch (ValidationFailedException e) {
				errors = FormErrors.of(e);
			}
		}
		return page(model, q, form, walkIn, errors);
	}

	@PostMapping("/meals/counter")
	String sell(@RequestParam(required = false) Long dinerId, @RequestParam(required = false) String card,
			@RequestParam(required = false) List<Long> items, @RequestParam(required = false) String idempotencyKey,
			Model model, RedirectAttributes flash) {
		MealsAccess.seller();
		CounterForm form = new CounterForm(dinerId, card, items, idempotencyKey);
		try {
			SaleReceipt receipt = desk.sell(form);
			// flash attributes live in the (serialized) session: plain amounts, not the record
			flash.addFlashAttribute("receipt", List.of(receipt.price(), receipt.subsidy(), receipt.paid()));
			return "redirect:/meals/counter";
		}
		catch (ValidationFailedException e) {
			return page(model, null, form, dinerId == null && (card == null || card.isBlank()), FormErrors.of(e));
		}
		catch (ConflictException e) {
			return page(model, null, form, dinerId == null && (card == null || card.isBlank()), FormErrors.global(e.getMessage()));
		}
	}

	private String page(Model model, String q, CounterForm form, boolean walkIn, Map<String, List<String>> errors) {
		model.addAttribute("q", q);
		model.addAttribute("form", form);
		model.addAttribute("walkIn", walkIn);
		model.addAttribute("errors", errors);
		model.addAttribute("menu", desk.menuToday());
		model.addAttribute("sales", queries.salesToday());
		return "meals/counter";
	}
}
