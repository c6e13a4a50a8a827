package org.jinlin.carefacilities.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityService;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.carefacilities.internal.CareFacilityAccess;
import org.jinlin.carefacilities.internal.CareFacilityFigures;
import org.jinlin.carefacilities.internal.CareFacilityQueries;
import org.jinlin.carefacilities.internal.CareFacilityQuery;
import org.jinlin.carefacilities.internal.CareFacilityRegistry;
import org.jinlin.carefacilities.internal.CareFacilityRepository;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.territory.TerritoryOption;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * The facility pages: the list with filters, paging and Excel export, the statistics panel of the current
 * jurisdiction with charts (ECharts, drawn from a data attribute), the map (Leaflet, points from
 * {@code map.json}; the page works without tiles and without JavaScript), the detail, and the create and
 * edit forms with field messages.
 */
@Controller
@RequiredArgsConstructor
class CareFacilityPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final int MAP_LIMIT = 5000;

	private final CareFacilityRegistry registry;

	private final CareFacilityQueries queries;

	private final CareFacilityFigures figures;

	private final CareFacilityExport export;

	private final Territories territories;

	private final FieldErrors messages;


	// ------------------------------------------------------------------ list, statistics, map

	@GetMapping("/eldercare/facilities")
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
		Actor actor = CareFacilityAccess.reader();
		CareFacilityQuery query = query(kind, territory, q, status, page);
		model.addAttribute("result", queries.search(query));
		model.addAttribute("query", query);
		model.addAttribute("kinds", FacilityKind.values());
		model.addAttribute("statuses", FacilityStatus.values());
		model.addAttribute("canWrite", CareFacilityAccess.canWrite(actor));
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
			return "carefacilities/list :: results";
		}
		CareFacilityFigures.Report report = figures.report(query.territory());
		model.addAttribute("report", report);
		model.addAttribute("stats", report.total());
		model.addAttribute("chartJson", chart(report));
		model.addAttribute("territoryOptions", territoryOptions(actor));
		return "carefacilities/list";
	}

	private static CareFacilityQuery query(String kind, String territory, String q, String status, int page) {
		return new CareFacilityQuery(FacilityKind.parse(kind).orElse(null), trim(territory), trim(q),
				FacilityStatus.parse(status).orElse(null), page, CareFacilityQuery.DEFAULT_SIZE);
	}

	@GetMapping("/eldercare/facilities/map.json")
	@ResponseBody
	List<Map<String, Object>> mapPoints(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String territory, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status) {
		List<Map<String, Object>> points = new ArrayList<>();
		for (CareFacilityRepository.MapPoint p : queries.mapPoints(query(kind, territory, q, status, 0), MAP_LIMIT)) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", p.id());
			m.put("name", p.name());
			m.put("kind", p.kind().name());
			m.put("kindLabel", msg("carefacilities.kind." + p.kind().name()));
			m.put("status", p.status().name());
			m.put("lat", p.lat());
			m.put("lon", p.lon());
			points.add(m);
		}
		return points;
	}

	@GetMapping("/eldercare/facilities/export.xlsx")
	void exportXlsx(@RequestParam(required = false) String kind, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		export.download(query(kind, territory, q, status, 0), response);
	}

	/** The chart data: counts by kind, and per child node the counts of the five reported kinds and the beds. */
	private String chart(CareFacilityFigures.Report report) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<FacilityKind> kinds = List.of(FacilityKind.values());
		data.put("kinds", kinds.stream().map(k -> msg("carefacilities.kind." + k.name())).toList());
		data.put("kindCounts", kinds.stream().map(k -> report.total().count(k)).toList());
		data.put("children", report.children().stream().map(CareFacilityFigures.ChildFigures::name).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (FacilityKind k : List.of(FacilityKind.CARE_INSTITUTION, FacilityKind.DAY_CARE_CENTRE,
				FacilityKind.SERVICE_STATION, FacilityKind.RURAL_HAPPINESS_HOME, FacilityKind.ELDER_CANTEEN)) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("name", msg("carefacilities.kind." + k.name()));
			s.put("data", report.children().stream().map(c -> c.count(k)).toList());
			series.add(s);
		}
		data.put("series", series);
		data.put("beds", report.children().stream().map(CareFacilityFigures.ChildFigures::bedTotal).toList());
		data.put("bedsLabel", msg("carefacilities.stats.beds"));
		data.put("countLabel", msg("carefacilities.stats.count"));
		return JSON.writeValueAsString(data);
	}

	/** Districts, streets and communities inside the jurisdiction, in code order (parents before children). */
	List<TerritoryOption> territoryOptions(Actor actor) {
		return territories.optionsUnder(actor.territoryPath());
	}

	// ------------------------------------------------------------------ detail, create, edit, delete

	@GetMapping("/eldercare/facilities/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("f", queries.find(id));
		model.addAttribute("canWrite", CareFacilityAccess.canWrite(actor));
		return "carefacilities/detail";
	}

	@GetMapping("/eldercare/facilities/new")
	String newForm(Model model) {
		Actor actor = CareFacilityAccess.writer();
		String own = territories.lookup(actor.territoryId()).map(TerritoryNode::code).orElse(null);
		return form(model, actor, CareFacilityForm.empty(own), Map.of(), null);
	}

	@PostMapping("/eldercare/facilities")
	String create(@ModelAttribute("form") CareFacilityForm form, BindingResult binding, Model model, RedirectAttributes flash) {
		Actor actor = CareFacilityAccess.writer();
		return save(model, actor, form, binding, null, () -> {
			CareFacility f = registry.register(form.toDraft());
			flash.addFlashAttribute("notice", "carefacilities.registered");
			return "redirect:/eldercare/facilities/" + f.id();
		});
	}

	@GetMapping("/eldercare/facilities/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		CareFacility f = queries.find(id);
		Actor actor = CareFacilityAccess.writer();
		return form(model, actor, CareFacilityForm.of(f), Map.of(), f);
	}

	@PostMapping("/eldercare/facilities/{id:\\d+}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") CareFacilityForm form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		CareFacility current = queries.find(id);
		Actor actor = CareFacilityAccess.writer();
		return save(model, actor, form, binding, current, () -> {
			registry.update(id, form.toDraft());
			flash.addFlashAttribute("notice", "carefacilities.saved");
			return "redirect:/eldercare/facilities/" + id;
		});
	}

	/** Writes the form, or shows it again with the binding, field or conflict messages. */
	private String save(Model model, Actor actor, CareFacilityForm form, BindingResult binding, CareFacility editing,
			Supplier<String> write) {
		Map<String, List<String>> errors = bindingErrors(binding);
		if (!errors.isEmpty()) {
			return form(model, actor, form, errors, editing);
		}
		try {
			return write.get();
		}
		catch (ValidationFailedException e) {
			return form(model, actor, form, FormErrors.of(e), editing);
		}
		catch (ConflictException e) {
			return form(model, actor, form, FormErrors.global(msg("carefacilities.error.conflict")), editing);
		}
	}

	@PostMapping("/eldercare/facilities/{id:\\d+}/delete")
	String delete(@PathVariable long id, RedirectAttributes flash) {
		registry.delete(id);
		flash.addFlashAttribute("notice", "carefacilities.deleted");
		return "redirect:/eldercare/facilities";
	}

	private String form(Model model, Actor actor, CareFacilityForm form, Map<String, List<String>> errors, CareFacility editing) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		model.addAttribute("kinds", FacilityKind.values());
		model.addAttribute("statuses", FacilityStatus.values());
		model.addAttribute("services", FacilityService.values());
		model.addAttribute("territoryOptions", territoryOptions(actor));
		model.addAttribute("communities", territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, actor.territoryPath()));
		return "carefacilities/form";
	}

	private Map<String, List<String>> bindingErrors(BindingResult binding) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(fe -> errors.computeIfAbsent(fe.getField(), k -> new ArrayList<>())
			.add(msg("carefacilities.error.format")));
		return errors;
	}

	private String msg(String code) {
		return messages.message(code);
	}
}
