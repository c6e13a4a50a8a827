package org.jinlin.party;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The party pages: the organisation tree of a community with coverage (figures, an ECharts bar per child node drawn
 * from a data attribute, a table that works without JavaScript), filters and Excel export; an organisation's detail;
 * alliances and a unit's commitments and deliveries (with a form to record one); joint meetings with resolutions
 * and tasks, marked done with htmx.
 */
@Controller
class PartyPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PartyDirectory directory;

	private final PartyAlliances alliances;

	private final PartyMeetings meetings;

	private final PartyExport export;

	private final Territories territories;

	private final MessageSource messages;

	PartyPages(PartyDirectory directory, PartyAlliances alliances, PartyMeetings meetings, PartyExport export,
			Territories territories, MessageSource messages) {
		this.directory = directory;
		this.alliances = alliances;
		this.meetings = meetings;
		this.export = export;
		this.territories = territories;
		this.messages = messages;
	}

	/** A territory choice, indented by level. */
	record TerritoryOption(String code, String label) {
	}

	@GetMapping("/party/organisations")
	String organisations(@RequestParam(required = false) String territory, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, @RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
		Actor actor = PartyAccess.requireReader();
		TerritoryNode node = directory.node(actor, blank(territory));
		model.addAttribute("result", directory.search(node.code(), kind, blank(q), PartyDirectory.LIST_LIMIT));
		model.addAttribute("territory", node.code());
		model.addAttribute("kind", OrgKind.parse(kind).orElse(null));
		model.addAttribute("q", blank(q));
		model.addAttribute("kinds", OrgKind.values());
		if (htmx != null && restore == null) {
			return "party/organisations :: results";
		}
		PartyDirectory.Coverage coverage = directory.coverage(node);
		model.addAttribute("node", node);
		model.addAttribute("coverage", coverage);
		model.addAttribute("chartJson", JSON.writeValueAsString(PartyDirectory.chart(coverage, msg("party.coverage.covered"),
				msg("party.coverage.uncovered"))));
		boolean community = node.level().ordinal() >= TerritoryLevel.COMMUNITY.ordinal();
		model.addAttribute("trees", community ? directory.trees(node) : List.of());
		model.addAttribute("territoryOptions", territoryOptions(actor));
		return "party/organisations";
	}

	@GetMapping("/party/organisations/export.xlsx")
	void exportXlsx(@RequestParam(required = false) String territory, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		export.check(blank(territory));
		SpreadsheetDownloads.xlsx(response, "party-organisations.xlsx",
				out -> export.write(blank(territory), kind, blank(q), out));
	}

	@GetMapping("/party/organisations/{id:\\d+}")
	String organisation(@PathVariable long id, Model model) {
		model.addAttribute("o", directory.find(id));
		return "party/organisation";
	}

	@GetMapping("/party/alliances")
	String alliances(@RequestParam(required = false) String territory, @RequestParam(required = false) String q,
			Model model) {
		Actor actor = PartyAccess.requireReader();
		model.addAttribute("alliances", alliances.alliances(blank(territory), blank(q)));
		model.addAttribute("seats", alliances.committeeMembers(blank(territory)));
		model.addAttribute("territory", blank(territory));
		model.addAttribute("q", blank(q));
		model.addAttribute("territoryOptions", territoryOptions(actor));
		return "party/alliances";
	}

	@GetMapping("/party/units/{id:\\d+}")
	String unit(@PathVariable long id, Model model) {
		Actor actor = PartyAccess.requireReader();
		model.addAttribute("u", alliances.unit(id));
		model.addAttribute("canWrite", PartyAccess.canWrite(actor));
		model.addAttribute("categories", PartyAlliances.CATEGORIES.stream().sorted().toList());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "party/unit";
	}

	@PostMapping("/party/commitments/{id:\\d+}/deliveries")
	String recordDelivery(@PathVariable long id, @RequestParam long unitId, @RequestParam(required = false) String description,
			@RequestParam(required = false) String deliveredOn, @RequestParam(required = false) Integer quantity,
			@RequestParam(required = false) java.math.BigDecimal hours, @RequestParam(required = false) String personName,
			RedirectAttributes flash) {
		try {
			alliances.recordDelivery(id, new PartyAlliances.DeliveryDraft(description, deliveredOn, quantity, hours, personName));
			flash.addFlashAttribute("notice", "party.delivery.recorded");
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("errors", fieldErrors(e));
			flash.addFlashAttribute("failedCommitment", id);
		}
		return "redirect:/party/units/" + unitId;
	}

	@GetMapping("/party/meetings")
	String meetings(@RequestParam(required = false) String territory, Model model) {
		Actor actor = PartyAccess.requireReader();
		model.addAttribute("meetings", meetings.meetings(blank(territory)));
		model.addAttribute("overdue", meetings.overdue(blank(territory)));
		model.addAttribute("territory", blank(territory));
		model.addAttribute("territoryOptions", territoryOptions(actor));
		return "party/meetings";
	}

	@GetMapping("/party/meetings/{id:\\d+}")
	String meeting(@PathVariable long id, Model model) {
		Actor actor = PartyAccess.requireReader();
		model.addAttribute("m", meetings.meeting(id));
		model.addAttribute("canWrite", PartyAccess.canWrite(actor));
		return "party/meeting";
	}

	/** Marks a task done: htmx gets the task's row back (with the field message if the note is missing). */
	@PostMapping("/party/tasks/{id:\\d+}/done")
	String taskDone(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
		PartyMeetings.TaskView task;
		String error = null;
		try {
			task = meetings.markDone(id, new PartyMeetings.TaskDone(note));
		}
		catch (ValidationFailedException e) {
			task = meetings.findTask(id);
			error = msg("party.task.noteRequired");
		}
		catch (ConflictException e) {
			task = meetings.findTask(id);
		}
		if (htmx == null) {
			if (error != null) {
				flash.addFlashAttribute("taskError", error);
			}
			return "redirect:/party/meetings/" + task.meetingId();
		}
		model.addAttribute("t", task);
		model.addAttribute("canWrite", true);
		model.addAttribute("taskError", error);
		return "party/fragments :: taskRow";
	}

	/** Districts, streets and communities inside the jurisdiction, in code order (parents before children). */
	List<TerritoryOption> territoryOptions(Actor actor) {
		List<TerritoryNode> nodes = new ArrayList<>();
		for (TerritoryLevel level : List.of(TerritoryLevel.CITY, TerritoryLevel.DISTRICT, TerritoryLevel.STREET,
				TerritoryLevel.COMMUNITY)) {
			nodes.addAll(territories.lookupLevelUnder(level, actor.territoryPath()));
		}
		nodes.sort(Comparator.comparing(TerritoryNode::code));
		return nodes.stream().map(n -> new TerritoryOption(n.code(),
				"\u00a0\u00a0".repeat(Math.max(0, n.level().ordinal() - 1)) + n.name())).toList();
	}

	private static Map<String, List<String>> fieldErrors(ValidationFailedException e) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Map<String, String> m : e.errors()) {
			errors.computeIfAbsent(m.getOrDefault("field", "_global"), k -> new ArrayList<>()).add(m.get("message"));
		}
		return errors;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private String msg(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	/** The friendly error page with the right status for the party pages (the API renders problem+json). */
	@ControllerAdvice(assignableTypes = PartyPages.class)
	static class Advice {

		@ExceptionHandler(NotFoundException.class)
		ModelAndView notFound() {
			return page(HttpStatus.NOT_FOUND);
		}

		@ExceptionHandler(ForbiddenException.class)
		ModelAndView forbidden() {
			return page(HttpStatus.FORBIDDEN);
		}

		@ExceptionHandler(ConflictException.class)
		ModelAndView conflict() {
			return page(HttpStatus.CONFLICT);
		}

		private static ModelAndView page(HttpStatus status) {
			return new ModelAndView("error", Map.of("status", status.value()), status);
		}
	}
}
