package org.jinlin.shared.web;

import java.util.List;

/**
 * Extended by a module's {@code web} package, as a component, to put its pages in the main navigation:
 * the subclass only names its items. The layout shows, in order, every item whose rule admits the
 * signed-in account.
 */
public abstract class NavigationContributor {

	private final List<NavigationItem> items;

	protected NavigationContributor(NavigationItem... items) {
		this.items = List.of(items);
	}

	public List<NavigationItem> navigation() {
		return items;
	}
}
