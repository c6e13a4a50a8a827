package org.jinlin.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The main navigation: the items of every module's {@link NavigationContributor}, filtered by the
 * modules' own permission rules for the signed-in account (with its own, widest jurisdiction).
 */
@Component
public class Navigation {

	private final List<NavigationItem> items;

	Navigation(ObjectProvider<NavigationContributor> contributors) {
		this.items = contributors.orderedStream()
			.flatMap(c -> c.navigation().stream())
			.sorted(Comparator.comparingInt(NavigationItem::order))
			.toList();
	}

	/** The items the actor may see, in menu order. */
	public List<NavigationItem> visibleTo(Actor actor) {
		return actor == null ? List.of() : items.stream().filter(i -> i.visibleTo().test(actor)).toList();
	}

	/** The items the current account may see; none when nobody is signed in. */
	public List<NavigationItem> current() {
		return visibleTo(CurrentActor.findUnfocused().orElse(null));
	}

	/**
	 * The navbar of the current account: one entry per group with visible items, in group order; each
	 * {@link NavigationGroup#TOP} item is an entry of its own.
	 */
	public List<NavigationEntry> currentMenu() {
		return menu(current());
	}

	static List<NavigationEntry> menu(List<NavigationItem> visible) {
		Map<NavigationGroup, List<NavigationItem>> byGroup = new EnumMap<>(NavigationGroup.class);
		visible.forEach(i -> byGroup.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i));
		List<NavigationEntry> entries = new ArrayList<>();
		byGroup.forEach((group, items) -> {
			if (group == NavigationGroup.TOP) {
				items.forEach(i -> entries.add(new NavigationEntry(group, List.of(i))));
			}
			else {
				entries.add(new NavigationEntry(group, List.copyOf(items)));
			}
		});
		return entries;
	}
}
