package org.jinlin.circle.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.coverage.WhatIf;
import org.jinlin.circle.network.NetworkStatus;
import org.jinlin.circle.network.WalkingNetworks;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of the 15-minute circle: the coverage overview with the re-run progress (htmx), the gaps, a community,
 * the suggestions, the map (Leaflet; its layers come from the {@code /circle/map/*.json} endpoints below, which serve
 * the same GeoJSON as the API inside the browser session) and the walking network.
 */
@Controller
@RequiredArgsConstructor
class CirclePages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Formatting for the templates. */
	static final class Fmt {

		/** A share as a percentage with one decimal, or a dash. */
		public String percent(Double share) {
			return share == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
		}

		public String minutes(Double minutes) {
			return minutes == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", minutes);
		}

		/** A moment in the city's time zone. */
		public String time(java.time.OffsetDateTime t) {
			return t == null ? "—"
					: t.atZoneSameInstant(ZONE).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		}

		public String number(Number n) {
			return n == null ? "—" : String.format(java.util.Locale.ROOT, "%,d", n.longValue());
		}
	}

	private static final Fmt FMT = new Fmt();

	static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	private final CircleReads reads;

	private final WhatIf whatIfs;

	private final CircleGeoJson geo;

	private final CoverageRuns runs;

	private final WalkingNetworks networks;

	private final CircleExport export;

	private final FieldErrors problems;

	private final MessageSource messages;

	@ModelAttribute("fmt")
	Fmt fmt() {
		return FMT;
	}

	// ------------------------------------------------------------------ overview and runs

	@GetMapping("/circle")
	String overview(@RequestParam(required = false) String territory, Model model) {
		Actor actor = CircleAccess.staff();
		CircleViews.Coverage coverage = reads.coverage(territory);
		model.addAttribute("coverage", coverage);
		model.addAttribute("network", Optional.ofNullable(networks.status()).orElse(null));
		model.addAttribute("current", runs.current().orElse(null));
		model.addAttribute("canRequest", CircleAccess.mayRequestRun(actor));
		model.addAttribute("canManage", CircleAccess.mayManageNetwork(actor));
		model.addAttribute("chartJson", chart(coverage));
		return "circle/overview";
	}

	@GetMapping("/circle/export.xlsx")
	void overviewXlsx(@RequestParam(required = false) String territory, HttpServletResponse response) throws IOException {
		export.coverageXlsx(territory, response);
	}

	/** Request a re-run; answers the progress fragment (htmx) or goes back to the overview. */
	@PostMapping("/circle/runs")
	String requestRun(HtmxRequest htmx, Model model, RedirectAttributes flash) {
		CircleAccess.runRequester();
		RunView run = runs.request("requested on the coverage page");
		if (!htmx.isHtmxRequest()) {
			flash.addFlashAttribute("notice", "circle-pages.run.requested");
			return "redirect:/circle";
		}
		model.addAttribute("current", run);
		model.addAttribute("latest", runs.latest().orElse(null));
		return "circle/overview :: progress";
	}

	/** The progress fragment: polls itself while a run is queued or running, then says it is done. */
	@GetMapping("/circle/runs/current")
	String currentRun(Model model) {
		CircleAccess.staff();
		model.addAttribute("current", runs.current().orElse(null));
		model.addAttribute("latest", runs.latest().orElse(null));
		model.addAttribute("polled", true);
		return "circle/overview :: progress";
	}

	/** Per child area: the plan rate and the population-weighted rate in percent, with the target line. */
	private String chart(CircleViews.Coverage c) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<CircleViews.Area> areas = c.children().isEmpty() ? List.of(c.area()) : c.children();
		data.put("names", areas.stream().map(CircleViews.Area::name).toList());
		data.put("codes", areas.stream().map(CircleViews.Area::code).toList());
		data.put("rates", areas.stream().map(a -> round(a.rate().rate())).toList());
		data.put("weighted", areas.stream().map(a -> round(a.rate().weightedRate())).toList());
		data.put("target", round(c.target().rate()));
		data.put("rateLabel", msg("circle-pages.rate"));
		data.put("weightedLabel", msg("circle-pages.weightedRate"));
		data.put("targetLabel", msg("circle-pages.target"));
		return JSON.writeValueAsString(data);
	}

	private static Double round(Double share) {
		return share == null ? null : Math.round(share * 1000) / 10.0;
	}

	// ------------------------------------------------------------------ gaps, community, suggestions

	@GetMapping("/circle/gaps")
	String gaps(@RequestParam(required = false) String territory, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String category, @RequestParam(required = false) String profile,
			Model model) {
		org.jinlin.circle.network.WalkingProfile walking = org.jinlin.circle.network.WalkingProfile.parse(profile);
		CircleViews.Gaps gaps = reads.gaps(territory, kind, category,
				walking == null ? org.jinlin.circle.network.WalkingProfile.STANDARD : walking);
		model.addAttribute("gaps", gaps);
		model.addAttribute("profiles", org.jinlin.circle.network.WalkingProfile.values());
		model.addAttribute("kind", "urban".equals(kind) || "rural".equals(kind) ? kind : null);
		model.addAttribute("category", gaps.categories().stream().map(CircleViews.CategoryGap::category)
			.filter(c -> c.code().equals(category == null ? null : category.strip())).findFirst().orElse(null));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("names", gaps.categories().stream().map(g -> g.category().name()).toList());
		data.put("urban", gaps.categories().stream().map(CircleViews.CategoryGap::communities).toList());
		data.put("rural", gaps.categories().stream().map(CircleViews.CategoryGap::ruralCommunities).toList());
		data.put("urbanLabel", msg("circle-pages.gaps.urban"));
		data.put("ruralLabel", msg("circle-pages.gaps.rural"));
		model.addAttribute("chartJson", JSON.writeValueAsString(data));
		return "circle/gaps";
	}

	@GetMapping("/circle/gaps/export.xlsx")
	void gapsXlsx(@RequestParam(required = false) String territory, HttpServletResponse response) throws IOException {
		export.gapsXlsx(territory, response);
	}

	@GetMapping("/circle/communities/{code}")
	String community(@PathVariable String code, Model model) {
		model.addAttribute("c", reads.community(code));
		model.addAttribute("maxSnapMetres", Math.round(reads.settings().network().maxSnapMetres()));
		return "circle/community";
	}

	@GetMapping("/circle/suggestions")
	String suggestions(@RequestParam(required = false) String category, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String count, Model model) {
		Actor actor = CircleAccess.staff();
		model.addAttribute("categories", reads.categories().values().stream().toList());
		model.addAttribute("category", category);
		model.addAttribute("territory", territory == null ? "" : territory);
		model.addAttribute("count", count == null || count.isBlank() ? "5" : count);
		model.addAttribute("area", reads.area(actor, territory));
		model.addAttribute("errors", Map.of());
		if (category != null) {
			try {
				Integer n = count == null || count.isBlank() ? null : Integer.valueOf(count.strip());
				CircleViews.SuggestionList list = reads.suggestions(category, territory, n);
				model.addAttribute("result", list);
				model.addAttribute("pointsJson", JSON.writeValueAsString(list.suggestions()));
			}
			catch (NumberFormatException e) {
				model.addAttribute("errors",
						Map.of("count", List.of(msg("circle-pages.error.count", CircleReads.MAX_SUGGESTIONS))));
			}
			catch (ValidationFailedException e) {
				model.addAttribute("errors", FormErrors.of(e));
			}
			catch (ConflictException e) {
				model.addAttribute("errors", FormErrors.global(e.getMessage()));
			}
		}
		return "circle/suggestions";
	}

	// ------------------------------------------------------------------ map

	@GetMapping("/circle/map")
	String map(@RequestParam(required = false) String territory, Model model) {
		Actor actor = CircleAccess.staff();
		model.addAttribute("area", reads.area(actor, territory));
		model.addAttribute("run", runs.latest().orElse(null));
		model.addAttribute("categories", reads.categories().values().stream().toList());
		return "circle/map";
	}

	@GetMapping("/circle/map/communities.json")
	@ResponseBody
	Map<String, Object> mapCommunities(@RequestParam(required = false) String territory) {
		return geo.communities(territory);
	}

	@GetMapping("/circle/map/facilities.json")
	@ResponseBody
	Map<String, Object> mapFacilities(@RequestParam(required = false) String territory) {
		return geo.facilities(territory);
	}

	@GetMapping("/circle/map/buildings.json")
	@ResponseBody
	Map<String, Object> mapBuildings(@RequestParam(required = false) String territory) {
		return geo.buildings(territory);
	}

	@GetMapping("/circle/map/isochrone.json")
	@ResponseBody
	Map<String, Object> isochrone(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon) {
		CircleAccess.staff();
		double[] p = CircleApi.point(problems, lat, lon);
		return CircleGeoJson.isochrone(networks.isochrone(p[0], p[1]));
	}

	/** "Try a site here" on the map: what adding a facility of a category there would change (nothing is saved). */
	@GetMapping("/circle/map/what-if.json")
	@ResponseBody
	WhatIf.Result whatIf(@RequestParam(required = false) String category, @RequestParam(required = false) String lat,
			@RequestParam(required = false) String lon, @RequestParam(required = false) String action,
			@RequestParam(required = false) String facilityId) {
		return CircleApi.whatIf(whatIfs, problems, category, action == null ? "ADD" : action, lat, lon, facilityId);
	}

	// ------------------------------------------------------------------ network

	@GetMapping("/circle/network")
	String network(Model model) {
		return networkPage(model, Map.of());
	}

	@PostMapping("/circle/network/extract")
	String useExtract(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes flash) throws IOException {
		CircleAccess.networkManager();
		try {
			CircleApi.checkExtract(problems, file);
			networks.useExtract(file.getOriginalFilename(), file.getBytes());
		}
		catch (ValidationFailedException e) {
			return networkPage(model, FormErrors.of(e));
		}
		catch (ConflictException e) {
			return networkPage(model, Map.of("file", List.of(e.getMessage())));
		}
		flash.addFlashAttribute("notice", "circle-pages.network.received");
		return "redirect:/circle/network";
	}

	@PostMapping("/circle/network/generated")
	String useGenerated(RedirectAttributes flash) {
		CircleAccess.networkManager();
		networks.useGenerated();
		flash.addFlashAttribute("notice", "circle-pages.network.generatedInUse");
		return "redirect:/circle/network";
	}

	/** The replacement's progress fragment: polls itself while the latest job runs, then shows its outcome. */
	@GetMapping("/circle/network/jobs/latest")
	String networkJob(Model model) {
		CircleAccess.staff();
		model.addAttribute("job", networks.latestJob().orElse(null));
		return "circle/network :: job";
	}

	private String networkPage(Model model, Map<String, List<String>> errors) {
		Actor actor = CircleAccess.staff();
		model.addAttribute("job", networks.latestJob().orElse(null));
		Optional<NetworkStatus> network = Optional.ofNullable(networks.status());
		model.addAttribute("network", network.orElse(null));
		model.addAttribute("canManage", CircleAccess.mayManageNetwork(actor));
		model.addAttribute("latest", runs.latest().orElse(null));
		model.addAttribute("errors", errors);
		return "circle/network";
	}

	private String msg(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}
}
