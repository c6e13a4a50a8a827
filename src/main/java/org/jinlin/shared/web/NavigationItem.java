package org.jinlin.shared.web;

import java.util.function.Predicate;

import org.jinlin.shared.Actor;

/**
 * One entry of the main navigation, contributed by the module that owns the page through a
 * {@link NavigationContributor}. {@code visibleTo} is the same permission rule the module's service
 * applies, so the menu never offers a page that would answer 403, and never hides one that works.
 *
 * @param order position in its group (ascending)
 * @param group the task group whose dropdown shows the entry
 * @param path the page's path, e.g. {@code /eldercare/elders}
 * @param labelKey message key of the label
 * @param visibleTo who may see the entry (the signed-in actor, never null)
 * @param cssClass extra CSS class of the link, or empty
 */
public record NavigationItem(int order, NavigationGroup group, String path, String labelKey, Predicate<Actor> visibleTo,
		String cssClass) {

	public NavigationItem(int order, NavigationGroup group, String path, String labelKey, Predicate<Actor> visibleTo) {
		this(order, group, path, labelKey, visibleTo, "");
	}

	/** An item whose module names no group: shown under {@link NavigationGroup#MORE}. */
	public NavigationItem(int order, String path, String labelKey, Predicate<Actor> visibleTo) {
		this(order, NavigationGroup.MORE, path, labelKey, visibleTo, "");
	}
}
