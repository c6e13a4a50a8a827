package org.jinlin.circle.facilities;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.territory.TerritoryOption;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The registry pages: the list with filters, paging, per-category counts and a small Leaflet map of the listed
 * facilities (points in a data attribute; the page works without tiles and without JavaScript), Excel export, the
 * create and edit form with field messages, close and delete, the import page (.xlsx/.csv/GeoJSON with the
 * coordinate system, and OSM POIs), and the category catalogue (edited by city officials and administrators).
 */
@Controller("circleFacilityPages")
class CircleFacilityPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final int PAGE_SIZE = 50;

	private final CircleFacilityRegistry registry;

	private final CircleFacilityExport export;

	private final CircleFacilityImports imports;

	private final OsmPoiImport osm;

	private final Categories categories;

	private final Territories territories;

	private final FieldErrors messages;

	private final org.jinlin.circle.CircleSettings settings;

	CircleFacilityPages(CircleFacilityRegistry registry, CircleFacilityExport export, CircleFacilityImports imports, OsmPoiImport osm,
			Categories categories, Territories territories, FieldErrors messages, org.jinlin.circle.CircleSettings settings) {
		this.settings = settings;
		this.registry = registry;
		this.export = export;
		this.imports = imports;
		this.osm = osm;
		this.categories = categories;
		this.territories = territories;
		this.messages = messages;
	}

	/** What the facility form posts. */
	record CircleFacilityForm(String name, String category, String address, Double latitude, Double longitude,
			String coordinateSystem, String territoryCode, String operator, String phone, String openingHours,
			String status, Integer version) {

		static CircleFacilityForm empty(String territoryCode) {
			return new CircleFacilityForm(null, null, null, null, null, "WGS84", territoryCode, null, null, null, "OPERATING", null);
		}

		static CircleFacilityForm of(CircleFacilityView v) {
			return new CircleFacilityForm(v.name(), v.category(), v.address(), v.enteredLatitude(), v.enteredLongitude(),
					v.coordinateSystem() == null ? "WGS84" : v.coordinateSystem().name(), v.territoryCode(), v.operator(),
					v.phone(), v.openingHours(), v.status(), v.version());
		}

		CircleFacilityDraft toDraft() {
			return new CircleFacilityDraft(name, category, address, latitude, longitude, coordinateSystem, territoryCode, operator,
					phone, openingHours, status, version);
		}
	}


	// ------------------------------------------------------------------ list

	@GetMapping("/circle/facilities")
	String list(@RequestParam(required = false) String category, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
		Actor actor = CircleFacilityAccess.reader();
		CircleFacilityRegistry.Query query = new CircleFacilityRegistry.Query(blank(category), blank(territory), blank(q), blank(status),
				page, PAGE_SIZE);
		Paged<CircleFacilityView> result = registry.search(query);
		model.addAttribute("result", result);
		model.addAttribute("query", query);
		model.addAttribute("mapJson", mapJson(result.items()));
		model.addAttribute("canWrite", CircleFacilityAccess.canWrite(actor));
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
			return "circle/facilities :: results";
		}
		model.addAttribute("categories", registryCategories());
		model.addAttribute("counts", registry.counts(query.territory()));
		model.addAttribute("territoryOptions", territoryOptions(actor));
		model.addAttribute("canEditCategories", CircleFacilityAccess.canEditCategories(actor));
		return "circle/facilities";
	}

	@GetMapping("/circle/facilities/export.xlsx")
	void exportXlsx(@RequestParam(required = false) String category, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		CircleFacilityRegistry.Query query = new CircleFacilityRegistry.Query(blank(category), blank(territory), blank(q), blank(status),
				0, 1);
		export.check(query);
		SpreadsheetDownloads.xlsx(response, "circle-facilities.xlsx", out -> export.write(query, out));
	}

	private String mapJson(List<CircleFacilityView> items) {
		List<Map<String, Object>> points = new ArrayList<>();
		for (CircleFacilityView v : items) {
			if (!v.hasLocation()) {
				continue;
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", v.id());
			m.put("name", v.name());
			m.put("category", v.category());
			m.put("categoryName", v.categoryName());
			m.put("status", v.status());
			m.put("lat", v.latitude());
			m.put("lon", v.longitude());
			points.add(m);
		}
		return JSON.writeValueAsString(points);
	}

	private List<CategoryDefinition> registryCategories() {
		return categories.definitions().stream().filter(c -> !c.fromCareFacilities()).toList();
	}

	List<TerritoryOption> territoryOptions(Actor actor) {
		return territories.optionsUnder(actor.territoryPath());
	}

	// ------------------------------------------------------------------ create, edit, close, delete

	@GetMapping("/circle/facilities/new")
	String newForm(Model model) {
		Actor actor = CircleFacilityAccess.writer();
		String own = territories.lookup(actor.territoryId()).map(TerritoryNode::code).orElse(null);
		return form(model, actor, CircleFacilityForm.empty(own), Map.of(), null);
	}

	@PostMapping("/circle/facilities")
	String create(@ModelAttribute("form") CircleFacilityForm form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		Actor actor = CircleFacilityAccess.writer();
		return save(model, actor, form, binding, null, () -> {
			registry.create(form.toDraft());
			flash.addFlashAttribute("notice", "circlefacilities.created");
		});
	}

	@GetMapping("/circle/facilities/{id:\\d+}")
	String detail(@PathVariable long id) {
		registry.find(id);
		return "redirect:/circle/facilities/" + id + "/edit";
	}

	@GetMapping("/circle/facilities/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		CircleFacilityView v = registry.find(id);
		Actor actor = CircleFacilityAccess.writer();
		return form(model, actor, CircleFacilityForm.of(v), Map.of(), v);
	}

	@PostMapping("/circle/facilities/{id:\\d+}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") CircleFacilityForm form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		CircleFacilityView current = registry.find(id);
		Actor actor = CircleFacilityAccess.writer();
		return save(model, actor, form, binding, current, () -> {
			registry.update(id, form.toDraft());
			flash.addFlashAttribute("notice", "circlefacilities.saved");
		});
	}

	/** Writes the form and goes back to the list, or shows the form again with its messages. */
	private String save(Model model, Actor actor, CircleFacilityForm form, BindingResult binding,
			CircleFacilityView editing, Runnable write) {
		Map<String, List<String>> errors = bindingErrors(binding);
		if (!errors.isEmpty()) {
			return form(model, actor, form, errors, editing);
		}
		try {
			write.run();
			return "redirect:/circle/facilities";
		}
		catch (ValidationFailedException e) {
			return form(model, actor, form, FormErrors.of(e), editing);
		}
		catch (ConflictException e) {
			return form(model, actor, form, FormErrors.global(messages.message("circlefacilities.error.conflict")),
					editing);
		}
	}

	@PostMapping("/circle/facilities/{id:\\d+}/close")
	String close(@PathVariable long id, RedirectAttributes flash) {
		registry.close(id);
		flash.addFlashAttribute("notice", "circlefacilities.closed");
		return "redirect:/circle/facilities";
	}

	@PostMapping("/circle/facilities/{id:\\d+}/delete")
	String delete(@PathVariable long id, RedirectAttributes flash) {
		registry.delete(id);
		flash.addFlashAttribute("notice", "circlefacilities.deleted");
		return "redirect:/circle/facilities";
	}

	private String form(Model model, Actor actor, CircleFacilityForm form, Map<String, List<String>> errors, CircleFacilityView editing) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		model.addAttribute("categories", registryCategories());
		model.addAttribute("systems", CoordinateSystem.values());
		model.addAttribute("statuses", CircleFacilityRepository.Status.values());
		model.addAttribute("territoryOptions", territoryOptions(actor));
		return "circle/facilities-form";
	}

	private Map<String, List<String>> bindingErrors(BindingResult binding) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(fe -> errors.computeIfAbsent(fe.getField(), k -> new ArrayList<>())
			.add(messages.message("circlefacilities.error.format")));
		return errors;
	}

	// ------------------------------------------------------------------ imports

	@GetMapping("/circle/facilities/import")
	String importPage(Model model) {
		return importPage(model, null, null, null);
	}

	private String importPage(Model model, String error, String osmError, String osmResult) {
		CircleFacilityAccess.writer();
		model.addAttribute("recent", imports.recent());
		model.addAttribute("systems", CoordinateSystem.values());
		model.addAttribute("error", error);
		model.addAttribute("osmError", osmError);
		model.addAttribute("osmResult", osmResult);
		return "circle/facilities-import";
	}

	@PostMapping("/circle/facilities/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String coordinateSystem, Model model) throws IOException {
		CircleFacilityAccess.writer();
		if (file == null || file.isEmpty()) {
			return importPage(model, messages.message("imports.upload.missing"), null, null);
		}
		try {
			ImportJob job = imports.start(file.getOriginalFilename(), file.getBytes(), coordinateSystem, false);
			return "redirect:/imports/" + job.id();
		}
		catch (ValidationFailedException e) {
			String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).get("message");
			return importPage(model, message, null, null);
		}
	}

	@PostMapping("/circle/facilities/osm-import")
	String osmUpload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		CircleFacilityAccess.writer();
		if (file == null || file.isEmpty()) {
			return importPage(model, null, messages.message("circlefacilities.osm.empty"), null);
		}
		try {
			OsmPoiImport.Result r = osm.run(file.getOriginalFilename(), file.getBytes());
			return importPage(model, null, null, messages.message("circlefacilities.osm.result", r.nodesRead(), r.matched(),
					r.created(), r.updated(), r.unchanged(), r.skipped()) + " "
					+ messages.message("circlefacilities.osm.kinds", r.waysRead(), r.relationsRead(), r.fromNodes(),
							r.fromWays(), r.fromRelations(), r.duplicates()));
		}
		catch (ValidationFailedException e) {
			String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).get("message");
			return importPage(model, null, message, null);
		}
	}

	@GetMapping("/circle/facilities/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return SpreadsheetDownloads.xlsx(imports.template(), "circle-facilities-template.xlsx");
	}

	// ------------------------------------------------------------------ categories

	@GetMapping("/circle/facilities/categories")
	String categoriesPage(Model model) {
		return categoriesPage(model, null, Map.of());
	}

	private String categoriesPage(Model model, String editing, Map<String, List<String>> errors) {
		Actor actor = CircleFacilityAccess.reader();
		model.addAttribute("categoryList", categories.definitions());
		model.addAttribute("canEdit", CircleFacilityAccess.canEditCategories(actor));
		model.addAttribute("careKinds", FacilityKind.values());
		model.addAttribute("editingCode", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("locale", LocaleContextHolder.getLocale());
		return "circle/facilities-categories";
	}

	@PostMapping("/circle/facilities/categories/{code}")
	String saveCategory(@PathVariable String code, @ModelAttribute Categories.CategoryDraft draft, Model model,
			RedirectAttributes flash) {
		CircleFacilityAccess.categoryEditor();
		try {
			categories.update(code, draft);
			flash.addFlashAttribute("notice", "circlefacilities.categories.saved");
			return "redirect:/circle/facilities/categories";
		}
		catch (ValidationFailedException e) {
			return categoriesPage(model, code, FormErrors.of(e));
		}
		catch (ConflictException e) {
			return categoriesPage(model, code, FormErrors.global(messages.message("circlefacilities.error.conflict")));
		}
	}

	@PostMapping("/circle/facilities/categories")
	String addCategory(@ModelAttribute Categories.CategoryDraft draft, Model model, RedirectAttributes flash) {
		CircleFacilityAccess.categoryEditor();
		try {
			categories.create(draft);
			flash.addFlashAttribute("notice", "circlefacilities.categories.saved");
			return "redirect:/circle/facilities/categories";
		}
		catch (ValidationFailedException e) {
			return categoriesPage(model, "_new", FormErrors.of(e));
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
