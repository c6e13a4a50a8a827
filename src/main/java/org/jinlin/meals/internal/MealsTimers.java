package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meals module's persistent daily timer on db-scheduler (see {@code TimerConfig}): at 05:30 Beijing time one
 * instance re-checks the eligibility of every diner whose last check is six months old (a missed run runs when the
 * scheduler is back; a diner past due meanwhile is flagged on the list); every hour the standing orders are
 * materialised for the coming week; every 30 minutes meals served without their retained samples are flagged.
 */
@Configuration(proxyBeanMethods = false)
class MealsTimers {

	static final String RECHECK = "meals-eligibility-recheck";

	static final String STANDING = "meals-standing-orders";

	static final String SAMPLES = "meals-samples-missing";

	@Bean
	RecurringTask<Void> mealsEligibilityRecheckTask(ObjectProvider<DinerEnrolment> enrolment) {
		return Tasks.recurring(RECHECK, Schedules.daily(CounterSales.ZONE, LocalTime.of(5, 30)))
			.execute((instance, context) -> enrolment.getObject().recheck(LocalDate.now(CounterSales.ZONE)));
	}

	/** Every hour: the orders of the standing orders for the coming week (see {@code StandingOrders}). */
	@Bean
	RecurringTask<Void> mealsStandingOrdersTask(ObjectProvider<StandingOrders> standing) {
		return Tasks.recurring(STANDING, Schedules.fixedDelay(java.time.Duration.ofHours(1)))
			.execute((instance, context) -> standing.getObject().materialiseAll(java.time.LocalDateTime.now(CounterSales.ZONE)));
	}

	/** Every 30 minutes: meals served and over without a sample of each dish are flagged once (see {@code FoodSafety}). */
	@Bean
	RecurringTask<Void> mealsSamplesMissingTask(ObjectProvider<FoodSafety> safety) {
		return Tasks.recurring(SAMPLES, Schedules.fixedDelay(java.time.Duration.ofMinutes(30)))
			.execute((instance, context) -> safety.getObject().flagMissing(java.time.LocalDateTime.now(CounterSales.ZONE)));
	}
}
