package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DinerCategory;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Masking;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * The canteen counter page's use cases, for the place's operator: today's menu, a diner picked by name among the
 * place's enrolled diners (masked) or by card, a preview of price, subsidy and amount to pay through the same
 * {@link SubsidyRules}, then the sale through {@link CounterSales} (same idempotency guarantee).
 */
@Service
@RequiredArgsConstructor
public class CounterDesk {

	static final int MAX_MATCHES = 20;

	static final int MAX_SCANNED = 2000;

	private final CounterSales sales;

	private final MealsRepository repository;

	private final MenuRepository menus;

	private final ResidentRegister residents;

	private final FieldErrors fieldErrors;

	/** What the preview shows: the quote and the diner it is for ({@code null}: a walk-in). */
	public record Preview(SaleQuote quote, CounterDiner diner) {
	}

	/** Today's menu at the seller's place. */
	@Transactional(readOnly = true)
	public List<MenuRepository.MenuItem> menuToday() {
		LocalDate today = LocalDate.now(CounterSales.ZONE);
		return menus.items(sales.sellingPlace(), today, today);
	}

	/** The place's enrolled diners whose name contains the query or whose card is it, at most 20, names masked. */
	@Transactional(readOnly = true)
	public List<CounterDiner> find(String query) {
		long place = sales.sellingPlace();
		String q = trim(query);
		if (q == null) {
			return List.of();
		}
		List<MealsRepository.Diner> diners = repository.dinersOfPlaces(List.of(place), MAX_SCANNED);
		Map<Long, ResidentView> people = people(diners);
		String lower = q.toLowerCase(Locale.ROOT);
		List<CounterDiner> found = new ArrayList<>();
		for (MealsRepository.Diner d : diners) {
			ResidentView r = people.get(d.residentId());
			boolean byName = r != null && r.name() != null && r.name().contains(q);
			boolean byCard = d.cardNumber() != null && d.cardNumber().toLowerCase(Locale.ROOT).equals(lower);
			if (byName || byCard) {
				found.add(row(d, r));
				if (found.size() == MAX_MATCHES) {
					break;
				}
			}
		}
		return found;
	}

	@Transactional(readOnly = true)
	public Preview preview(CounterForm form) {
		SaleQuote quote = sales.preview(request(form));
		CounterDiner diner = null;
		if (quote.dinerId() != null) {
			MealsRepository.Diner d = repository.diner(quote.dinerId()).orElseThrow();
			diner = row(d, residents.lookup(d.residentId()).orElse(null));
		}
		return new Preview(quote, diner);
	}

	public SaleReceipt sell(CounterForm form) {
		return sales.sell(request(form));
	}

	/** The sale request of a counter form: the chosen items must be on today's menu at the seller's place. */
	SaleRequest request(CounterForm form) {
		List<SaleRequest.Item> items = null;
		if (form.items() != null && !form.items().isEmpty()) {
			long place = sales.sellingPlace();
			LocalDate today = LocalDate.now(CounterSales.ZONE);
			items = new ArrayList<>();
			for (Long id : form.items()) {
				Optional<MenuRepository.MenuItem> item = id == null ? Optional.empty()
						: menus.item(id).filter(i -> i.placeId() == place && i.day().equals(today));
				if (item.isEmpty()) {
					throw fieldErrors.invalid("meals.sale.error.invalid",
							List.of(new FieldError("items", "meals.counter.error.notOnMenu")));
				}
				items.add(new SaleRequest.Item(item.get().name(), item.get().price(), 1));
			}
		}
		return new SaleRequest(form.dinerId(), form.dinerId() == null ? trim(form.cardNumber()) : null, items,
				form.idempotencyKey());
	}

	private Map<Long, ResidentView> people(List<MealsRepository.Diner> diners) {
		return residents.lookupAll(diners.stream().map(MealsRepository.Diner::residentId).toList())
			.stream()
			.collect(Collectors.toMap(ResidentView::id, Function.identity()));
	}

	private static CounterDiner row(MealsRepository.Diner d, ResidentView r) {
		String card = d.cardNumber();
		String hint = card == null ? null : "…" + card.substring(Math.max(0, card.length() - 4));
		return new CounterDiner(d.id(), r == null ? null : Masking.name(r.name()), hint,
				r == null ? DinerCategory.ORDINARY : DinerEligibility.primary(r));
	}
}
