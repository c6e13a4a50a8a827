package org.jinlin.meals.web;

import org.jinlin.meals.internal.MealsAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The meals page in the main navigation, shown by the same rule as the module's services. */
@Component
class MealsNavigation extends NavigationContributor {

	MealsNavigation() {
		super(new NavigationItem(75, NavigationGroup.CARE, "/meals", "nav.meals", MealsAccess::canReadDiners),
				new NavigationItem(76, NavigationGroup.CARE, "/meals/diners", "nav.meals.diners", MealsAccess::canReadDiners),
				new NavigationItem(77, NavigationGroup.CARE, "/meals/me", "nav.meals.me", MealsAccess::isSelfDiner),
				new NavigationItem(78, NavigationGroup.CARE, "/meals/order", "nav.meals.order", MealsAccess::isSelfDiner),
				new NavigationItem(79, NavigationGroup.CARE, "/meals/orders", "nav.meals.orders", MealsAccess::isOperator),
				new NavigationItem(80, NavigationGroup.CARE, "/meals/counter", "nav.meals.counter", MealsAccess::isOperator),
				new NavigationItem(81, NavigationGroup.CARE, "/meals/samples", "nav.meals.samples", MealsAccess::canReadSafety),
				new NavigationItem(82, NavigationGroup.CARE, "/meals/settlements", "nav.meals.settlements", MealsAccess::canReadSafety),
				new NavigationItem(83, NavigationGroup.CARE, "/meals/figures", "nav.meals.figures", MealsAccess::canReadFigures));
	}
}
