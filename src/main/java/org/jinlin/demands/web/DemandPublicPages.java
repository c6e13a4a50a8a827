package org.jinlin.demands.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.internal.PublicDemands;
import org.jinlin.demands.internal.DemandChecks;
import org.jinlin.demands.internal.PhotoUpload;
import org.jinlin.demands.internal.PublicBoard;
import org.jinlin.demands.internal.PublicDeliberation;
import org.jinlin.demands.internal.PublicDemand;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public board (晒事), readable without signing in: pick a community, its demands, one demand with its
 * public timeline, photos, outcome and rating, and the deliberation of public matters. Only
 * {@link PublicDemand} and {@link PublicDeliberation} reach these pages, so no personal data can.
 */
@Controller
@RequiredArgsConstructor
public class DemandPublicPages {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final int PAGE_SIZE = 20;

	/** Statuses a visitor may filter the board by (merged duplicates are never listed). */
	static final List<DemandStatus> FILTERS = List.of(DemandStatus.DELIBERATING, DemandStatus.DISPATCHED,
			DemandStatus.IN_PROGRESS, DemandStatus.RESOLVED, DemandStatus.CLOSED);

	private final PublicDemands publicDemands;

	private final Territories territories;

	/** A district with its streets, each with its communities, for the community picker. */
	record DistrictGroup(String name, List<StreetGroup> streets) {
	}

	record StreetGroup(String name, List<TerritoryNode> communities) {
	}

	@GetMapping("/public/board")
	String pick(@RequestParam(required = false) String q, Model model) {
		String query = q == null ? "" : q.strip();
		List<TerritoryNode> communities = territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/").stream()
			.filter(c -> query.isEmpty() || c.name().contains(query) || c.code().startsWith(query))
			.sorted(Comparator.comparing(TerritoryNode::code))
			.toList();
		Set<Long> ancestorIds = new java.util.HashSet<>();
		communities.forEach(c -> ancestorIds.addAll(c.ancestorIds()));
		Map<Long, TerritoryNode> ancestors = new HashMap<>();
		territories.lookupAll(ancestorIds).forEach(n -> ancestors.put(n.id(), n));
		Map<String, Map<String, List<TerritoryNode>>> tree = new TreeMap<>();
		Map<String, String> names = new HashMap<>();
		for (TerritoryNode c : communities) {
			TerritoryNode district = null;
			TerritoryNode street = null;
			for (Long id : c.ancestorIds()) {
				TerritoryNode a = ancestors.get(id);
				if (a != null && a.level() == TerritoryLevel.DISTRICT) {
					district = a;
				}
				if (a != null && a.level() == TerritoryLevel.STREET) {
					street = a;
				}
			}
			String dKey = district == null ? "" : district.code();
			String sKey = street == null ? "" : street.code();
			names.put("d" + dKey, district == null ? "" : district.name());
			names.put("s" + sKey, street == null ? "" : street.name());
			tree.computeIfAbsent(dKey, k -> new TreeMap<>()).computeIfAbsent(sKey, k -> new ArrayList<>()).add(c);
		}
		List<DistrictGroup> groups = new ArrayList<>();
		tree.forEach((d, streets) -> {
			List<StreetGroup> list = new ArrayList<>();
			streets.forEach((s, cs) -> list.add(new StreetGroup(names.get("s" + s), cs)));
			groups.add(new DistrictGroup(names.get("d" + d), list));
		});
		model.addAttribute("groups", groups);
		model.addAttribute("q", query);
		model.addAttribute("count", communities.size());
		return "demands/public/communities";
	}

	@GetMapping("/public/board/{communityCode}")
	String board(@PathVariable String communityCode, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		DemandStatus filter = FILTERS.stream().filter(s -> s.name().equals(status)).findFirst().orElse(null);
		PublicBoard board = publicDemands.board(communityCode, filter, page, PAGE_SIZE);
		model.addAttribute("board", board);
		model.addAttribute("replies", publicDemands.publicReplies(board.items().stream().map(PublicDemand::id).toList()));
		model.addAttribute("status", filter);
		model.addAttribute("filters", FILTERS);
		int pages = (int) Math.max(1, (board.total() + board.size() - 1) / board.size());
		model.addAttribute("pages", pages);
		model.addAttribute("pageLinks", pageLinks(board.page(), pages));
		model.addAttribute("zone", ZONE);
		return "demands/public/board";
	}

	@GetMapping("/public/board/demands/{id}")
	String detail(@PathVariable long id, Model model) {
		PublicDemand d = publicDemands.publicDemand(id);
		model.addAttribute("d", d);
		model.addAttribute("community", d.communityId() == null ? null
				: territories.lookup(d.communityId()).map(TerritoryNode::code).orElse(null));
		model.addAttribute("deliberation", d.publicMatter() ? publicDemands.publicDeliberation(id) : null);
		model.addAttribute("before", d.photos().stream().filter(p -> "BEFORE".equals(p.stage())).toList());
		model.addAttribute("after", d.photos().stream().filter(p -> !"BEFORE".equals(p.stage())).toList());
		model.addAttribute("zone", ZONE);
		return "demands/public/detail";
	}

	@GetMapping("/public/demands/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long photoId) {
		return image(publicDemands.publicPhoto(photoId), CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
	}

	/** Image bytes with their stored type; the type is one of the allowed image types, never sniffed. */
	static ResponseEntity<byte[]> image(PhotoUpload photo, CacheControl cache) {
		MediaType type = DemandChecks.PHOTO_TYPES.contains(photo.contentType()) ? MediaType.parseMediaType(photo.contentType())
				: MediaType.APPLICATION_OCTET_STREAM;
		return ResponseEntity.ok().contentType(type).cacheControl(cache).header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", "inline").body(photo.bytes());
	}

	/** Groups the page links of a long board: first, around the current page, last. */
	static List<Integer> pageLinks(int current, int pages) {
		List<Integer> links = new ArrayList<>();
		for (int p = 0; p < pages; p++) {
			if (p == 0 || p == pages - 1 || Math.abs(p - current) <= 2) {
				links.add(p);
			}
		}
		return links;
	}
}
