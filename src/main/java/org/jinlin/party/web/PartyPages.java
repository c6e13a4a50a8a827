package org.jinlin.party.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.OrgKind;
import org.jinlin.party.internal.PartyAccess;
import org.jinlin.party.internal.PartyAlliances;
import org.jinlin.party.internal.PartyDirectory;
import org.jinlin.party.internal.PartyExport;
import org.jinlin.party.internal.PartyMeetings;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.territory.TerritoryOption;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The party pages: the organisation tree of a community with coverage (figures, an ECharts bar per child node drawn
 * from a data attribute, a table that works without JavaScript), filters and Excel export; an organisation's detail;
 * alliances and a unit's commitments and deliveries (with a form to record one); joint meetings with resolutions
 * and tasks, marked done with htmx.
 */
@Controller
@RequiredArgsConstructor
class PartyPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PartyDirectory directory;

	private final PartyAlliances alliances;

	private final PartyMeetings meetings;

	private final PartyExport export;

	private final Territories territories;

	private final MessageSource messages;


	@GetMapping("/party/organisations")
	String organisations(@RequestParam(required = false) String territory, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, HtmxRequest htmx, Model model) {
		Actor actor = PartyAccess.requireReader();
		TerritoryNode node = directory.node(actor, blank(territory));
		model.addAttribute("result", directory.search(node.code(), kind, blank(q), PartyDirectory.LIST_LIMIT));
		model.addAttribute("territory", node.code());
		model.addAttribute("kind", OrgKind.parse(kind).orElse(null));
		model.addAttribute("q", blank(q));
		model.addAttribute("kinds", OrgKind.values());
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
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
		model.addAttribute("canWrite", PartyAccess.writer(actor));
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
			flash.addFlashAttribute("errors", FormErrors.of(e));
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
		model.addAttribute("canWrite", PartyAccess.writer(actor));
		return "party/meeting";
	}

	/** Marks a task done and goes back to the meeting (with the field message if the note is missing). */
	@PostMapping("/party/tasks/{id:\\d+}/done")
	String taskDone(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
		TaskOutcome done = markDone(id, note);
		if (done.error() != null) {
			flash.addFlashAttribute("taskError", done.error());
		}
		return "redirect:/party/meetings/" + done.task().meetingId();
	}

	/** The same for htmx: the task's row comes back in place. */
	@HxRequest
	@PostMapping("/party/tasks/{id:\\d+}/done")
	String taskDoneRow(@PathVariable long id, @RequestParam(required = false) String note, Model model) {
		TaskOutcome done = markDone(id, note);
		model.addAttribute("t", done.task());
		model.addAttribute("canWrite", true);
		model.addAttribute("taskError", done.error());
		return "party/fragments :: taskRow";
	}

	private record TaskOutcome(PartyMeetings.TaskView task, String error) {
	}

	/** The task after marking it done; a missing note is a message, a task done already is left as it is. */
	private TaskOutcome markDone(long id, String note) {
		try {
			return new TaskOutcome(meetings.markDone(id, new PartyMeetings.TaskDone(note)), null);
		}
		catch (ValidationFailedException e) {
			return new TaskOutcome(meetings.findTask(id), msg("party.task.noteRequired"));
		}
		catch (ConflictException e) {
			return new TaskOutcome(meetings.findTask(id), null);
		}
	}

	/** Districts, streets and communities inside the jurisdiction, in code order (parents before children). */
	private List<TerritoryOption> territoryOptions(Actor actor) {
		return territories.optionsUnder(actor.territoryPath());
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private String msg(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}
}
