package org.jinlin.shared.web;

import java.util.List;

/**
 * Implemented by a module's {@code web} package to put its pages in the main navigation. The layout
 * shows, in order, every item whose rule admits the signed-in account.
 */
public interface NavigationContributor {

	List<NavigationItem> navigation();
}
