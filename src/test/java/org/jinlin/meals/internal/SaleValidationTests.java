package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jinlin.meals.DietNeed;
import org.jinlin.meals.DinerCategory;
import org.jinlin.people.ResidentTag;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The counter's field rules, the diets kept encrypted and the categories read from the register, as plain Java. */
class SaleValidationTests {

	static final BigDecimal SET_MEAL = new BigDecimal("12");

	static List<String> fields(SaleValidation.Outcome o) {
		return o.problems().stream().map(FieldError::field).toList();
	}

	static SaleRequest.Item item(String name, String price, Integer quantity) {
		return new SaleRequest.Item(name, price == null ? null : new BigDecimal(price), quantity);
	}

	@Test
	void withoutItemsTheSetMealOfTheDay() {
		SaleValidation.Outcome o = SaleValidation.check(new SaleRequest(null, null, null, "k1"), "当日套餐", SET_MEAL);
		assertThat(o.problems()).isEmpty();
		assertThat(o.price()).isEqualTo(new BigDecimal("12.00"));
		assertThat(o.items()).isEqualTo("当日套餐 × 1 @ 12.00");
	}

	@Test
	void itemsAddUpByQuantity() {
		SaleValidation.Outcome o = SaleValidation.check(
				new SaleRequest(7L, null, List.of(item(" 红烧肉 ", "6.5", null), item("米饭", "0.75", 2)), "k2"), "套餐", SET_MEAL);
		assertThat(o.problems()).isEmpty();
		assertThat(o.price()).isEqualTo(new BigDecimal("8.00"));
		assertThat(o.items()).isEqualTo("红烧肉 × 1 @ 6.50\n米饭 × 2 @ 0.75");
	}

	@Test
	void everyBadFieldAtOnce() {
		SaleValidation.Outcome o = SaleValidation.check(new SaleRequest(7L, "JM0001",
				List.of(item("", "-1", 0), item("汤", "1.005", 21), item("x".repeat(51), "501", 1)), " "), "套餐", SET_MEAL);
		assertThat(fields(o)).containsExactly("idempotencyKey", "cardNumber", "items[0].name", "items[0].price",
				"items[0].quantity", "items[1].price", "items[1].quantity", "items[2].name", "items[2].price");
		assertThat(o.price()).isNull();
		assertThat(fields(SaleValidation.check(new SaleRequest(null, null, List.of(), "k"), "套餐", SET_MEAL)))
			.containsExactly("items");
		assertThat(fields(SaleValidation.check(new SaleRequest(null, null, null, "k".repeat(101)), "套餐", SET_MEAL)))
			.containsExactly("idempotencyKey");
	}

	@Test
	void dietsSurviveTheirTextFormAndListAsCodes() {
		Diets d = new Diets(EnumSet.of(DietNeed.SOFT, DietNeed.DIABETIC), " 花生\n海鲜 ");
		Diets back = Diets.decode(d.encode());
		assertThat(back).isEqualTo(d);
		assertThat(back.codes()).containsExactly("DIABETIC", "SOFT", "ALLERGIES");
		assertThat(Diets.decode(new Diets(Set.of(), null).encode()).codes()).isEmpty();
		assertThat(Diets.decode(null).codes()).isEmpty();
	}

	@Test
	void categoriesComeFromTheRegistersTags() {
		assertThat(DinerEligibility.categories(EnumSet.of(ResidentTag.EMPTY_NEST, ResidentTag.PARTY_MEMBER))).isEmpty();
		assertThat(DinerEligibility.categories(EnumSet.of(ResidentTag.LIVING_ALONE, ResidentTag.LOW_INCOME,
				ResidentTag.DISABLED, ResidentTag.SPECIAL_HARDSHIP)))
			.containsExactlyInAnyOrder(DinerCategory.SPECIAL_HARDSHIP, DinerCategory.LOW_INCOME, DinerCategory.DISABLED,
					DinerCategory.LIVING_ALONE);
		assertThat(DinerCategory.primary(EnumSet.of(DinerCategory.LIVING_ALONE, DinerCategory.LOW_INCOME)))
			.isEqualTo(DinerCategory.LOW_INCOME);
		assertThat(DinerCategory.primary(Set.of())).isEqualTo(DinerCategory.ORDINARY);
	}
}
