package org.jinlin.shared.web;

import java.util.List;

/**
 * One entry of the navbar: a group's dropdown of the items the account may see, or a plain link when the group is
 * {@link NavigationGroup#TOP} or has a single visible item.
 */
public record NavigationEntry(NavigationGroup group, List<NavigationItem> items) {

	/** Shown as a plain link to its only item. */
	public boolean single() {
		return items.size() == 1;
	}
}
