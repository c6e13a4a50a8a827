package org.jinlin.portal.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import lombok.RequiredArgsConstructor;
import org.jinlin.portal.internal.PortalAccess;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.JurisdictionFocus;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The jurisdiction picker for officials: browse or search the districts, streets and communities
 * below one's own node and focus the browser UI on one of them. The focus is stored in the HTTP
 * session (in the database) and applied by {@link CurrentActor}; it can only narrow.
 */
@Controller
@RequestMapping("/focus")
@RequiredArgsConstructor
class JurisdictionPicker {

	/** Levels one can focus on. */
	static final Set<TerritoryLevel> PICKABLE = EnumSet.of(TerritoryLevel.DISTRICT, TerritoryLevel.STREET,
			TerritoryLevel.COMMUNITY);

	static final int MAX_RESULTS = 50;

	private final Territories territories;

	@GetMapping
	String page(@RequestParam(required = false) String parent, @RequestParam(required = false) String q, Model model) {
		options(parent, q, model);
		return "focus";
	}

	/** The list of nodes to choose from: children of {@code parent}, or search results for {@code q}. */
	@GetMapping("/options")
	String options(@RequestParam(required = false) String parent, @RequestParam(required = false) String q,
			Model model) {
		Actor base = official();
		TerritoryNode root = territories.lookup(base.territoryId()).orElseThrow();
		TerritoryNode current = root;
		if (parent != null && !parent.isBlank()) {
			current = territories.lookupByCode(parent.trim()).filter(n -> base.covers(n.path()))
				.orElseThrow(() -> new NotFoundException("No territory " + parent));
		}
		List<TerritoryNode> nodes;
		String query = q == null ? "" : q.trim();
		if (!query.isEmpty()) {
			String needle = query.toLowerCase(Locale.ROOT);
			nodes = new ArrayList<>();
			for (TerritoryLevel level : PICKABLE) {
				if (level.ordinal() > root.level().ordinal()) {
					territories.lookupLevelUnder(level, root.path()).stream()
						.filter(n -> n.name().toLowerCase(Locale.ROOT).contains(needle) || n.code().startsWith(needle))
						.forEach(nodes::add);
				}
			}
			nodes = nodes.stream().sorted(Comparator.comparing(TerritoryNode::code)).limit(MAX_RESULTS).toList();
		}
		else {
			TerritoryLevel childLevel = current.level().childLevel();
			long parentId = current.id();
			nodes = childLevel == null || !PICKABLE.contains(childLevel) ? List.of()
					: territories.lookupLevelUnder(childLevel, current.path()).stream()
						.filter(n -> n.parentId() != null && n.parentId() == parentId).toList();
		}
		model.addAttribute("root", root);
		model.addAttribute("current", current);
		model.addAttribute("q", query);
		model.addAttribute("nodes", nodes);
		model.addAttribute("focus", activeFocus().orElse(null));
		model.addAttribute("pickable", PICKABLE);
		return "focus :: options";
	}

	/** Focuses the UI on a node inside the official's own jurisdiction; their own node clears the focus. */
	@PostMapping
	String focus(@RequestParam String code, HttpSession session) {
		Actor base = official();
		TerritoryNode node = territories.lookupByCode(code.trim())
			.filter(n -> base.covers(n.path()) && (n.id() == base.territoryId() || PICKABLE.contains(n.level())))
			.orElseThrow(() -> new NotFoundException("No territory " + code));
		if (node.id() == base.territoryId()) {
			session.removeAttribute(JurisdictionFocus.SESSION_ATTRIBUTE);
		}
		else {
			session.setAttribute(JurisdictionFocus.SESSION_ATTRIBUTE,
					new JurisdictionFocus(base.accountId(), node.id(), node.path(), node.name()));
		}
		return "redirect:/";
	}

	@PostMapping("/clear")
	String clear(HttpSession session) {
		official();
		session.removeAttribute(JurisdictionFocus.SESSION_ATTRIBUTE);
		return "redirect:/";
	}

	private static Actor official() {
		Actor base = CurrentActor.findUnfocused().orElseThrow(() -> new ForbiddenException("Sign in first"));
		if (!PortalAccess.pickJurisdiction(base)) {
			throw new ForbiddenException("Only officials above a community pick a jurisdiction");
		}
		return base;
	}

	/** The focus of the current browser request, if it narrows the signed-in account's jurisdiction. */
	static Optional<JurisdictionFocus> activeFocus() {
		Optional<Actor> base = CurrentActor.findUnfocused();
		return base.flatMap(b -> CurrentActor.focus().filter(f -> f.applyTo(b) != b));
	}
}
