package org.jinlin.eldercare;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.eldercare.ElderViews.AddDevice;
import org.jinlin.eldercare.ElderViews.AssignCarer;
import org.jinlin.eldercare.ElderViews.ContactDraft;
import org.jinlin.eldercare.ElderViews.ElderRow;
import org.jinlin.eldercare.ElderViews.Health;
import org.jinlin.eldercare.ElderViews.PhotoUpload;
import org.jinlin.eldercare.ElderViews.RecordAssessment;
import org.jinlin.eldercare.ElderViews.RecordRiskEvent;
import org.jinlin.eldercare.ElderViews.RecordVisit;
import org.jinlin.eldercare.ElderViews.UpdateCare;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The elderly register's pages: the register list (filters, risk badges, Excel export), an elder's profile
 * (care circle, contacts, health behind an audited button, devices, assessments with the 26-item form, visits),
 * and the visits page (overdue visits and upcoming birthdays). All rules live in {@link ElderCare}.
 */
@Controller
class EldercarePages {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final ElderCare care;

	private final Territories territories;

	private final MessageSource messages;

	EldercarePages(ElderCare care, Territories territories, MessageSource messages) {
		this.care = care;
		this.territories = territories;
		this.messages = messages;
	}

	// ------------------------------------------------------------------ list

	@GetMapping("/eldercare/elders")
	String list(@RequestParam(required = false) String name, @RequestParam(required = false) String community,
			@RequestParam(required = false) String risk, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
		RiskLevel r = riskOf(risk);
		model.addAttribute("result", care.search(community, r, name, page, ElderCare.DEFAULT_SIZE));
		model.addAttribute("q", new Query(name, community, r));
		if (htmx != null && restore == null) {
			return "eldercare/elders :: results";
		}
		return listPage(model, Map.of(), null);
	}

	record Query(String name, String community, RiskLevel risk) {
	}

	private String listPage(Model model, Map<String, List<String>> errors, String residentId) {
		Actor actor = CurrentActor.require();
		model.addAttribute("risks", RiskLevel.values());
		model.addAttribute("communities", actor.isStaff() ? territories.communities() : List.of());
		model.addAttribute("canWrite", ElderCare.canWrite(actor));
		model.addAttribute("errors", errors);
		model.addAttribute("residentId", residentId);
		return "eldercare/elders";
	}

	@PostMapping("/eldercare/elders")
	String create(@RequestParam(required = false) String residentId, Model model, RedirectAttributes flash) {
		Long id = null;
		try {
			id = residentId == null || residentId.isBlank() ? null : Long.valueOf(residentId.strip());
		}
		catch (NumberFormatException e) {
			id = -1L;
		}
		try {
			ElderViews.ElderView v = care.createProfile(id);
			flash.addFlashAttribute("notice", "eldercare.pages.created");
			return "redirect:/eldercare/elders/" + v.id();
		}
		catch (ValidationFailedException e) {
			model.addAttribute("result", care.search(null, null, null, 0, ElderCare.DEFAULT_SIZE));
			model.addAttribute("q", new Query(null, null, null));
			return listPage(model, fieldErrors(e), residentId);
		}
		catch (ConflictException e) {
			model.addAttribute("result", care.search(null, null, null, 0, ElderCare.DEFAULT_SIZE));
			model.addAttribute("q", new Query(null, null, null));
			return listPage(model, Map.of("residentId", List.of(msg("eldercare.pages.exists"))), residentId);
		}
	}

	@GetMapping("/eldercare/elders/export.xlsx")
	void export(@RequestParam(required = false) String name, @RequestParam(required = false) String community,
			@RequestParam(required = false) String risk, HttpServletResponse response) throws IOException {
		List<List<?>> rows = new ArrayList<>();
		care.export(community, riskOf(risk), name, (ElderRow r) -> rows.add(Arrays.asList(r.name(), r.communityCode(),
				r.age(), msg("eldercare.living." + r.livingSituation()), r.abilityLevel(), msg("eldercare.risk." + r.riskLevel()),
				r.nextVisitDue(), r.visitOverdue() ? msg("eldercare.pages.yes") : "", r.addressLabel())));
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		XlsxExport.write(buffer, msg("eldercare.pages.list.heading"),
				List.of(msg("eldercare.field.name"), msg("eldercare.field.community"), msg("eldercare.field.age"),
						msg("eldercare.field.livingSituation"), msg("eldercare.field.abilityLevel"),
						msg("eldercare.field.riskLevel"), msg("eldercare.field.nextVisitDue"),
						msg("eldercare.field.visitOverdue"), msg("eldercare.field.address")),
				rows.iterator());
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("elders-" + LocalDate.now(ElderRegister.ZONE) + ".xlsx").build().toString());
		response.setContentLength(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}

	// ------------------------------------------------------------------ profile

	@GetMapping("/eldercare/elders/{id}")
	String detail(@PathVariable long id, Model model) {
		return detail(id, model, Map.of(), null);
	}

	private String detail(long id, Model model, Map<String, List<String>> errors, Map<String, String> form) {
		Actor actor = CurrentActor.require();
		ElderViews.ElderView e = care.find(id);
		model.addAttribute("e", e);
		model.addAttribute("assessments", care.assessments(id));
		model.addAttribute("visits", care.visits(id));
		model.addAttribute("riskEvents", care.riskEvents(id));
		model.addAttribute("items", CareRules.ITEMS);
		model.addAttribute("canWrite", ElderCare.canWrite(actor));
		model.addAttribute("canVisit", ElderCare.canWrite(actor)
				|| e.careCircle().stream().anyMatch(c -> c.username().equals(actor.name())));
		model.addAttribute("errors", errors);
		model.addAttribute("form", form == null ? Map.of() : form);
		model.addAttribute("zone", ElderRegister.ZONE);
		model.addAttribute("livings", LivingSituation.values());
		model.addAttribute("mobilities", Mobility.values());
		model.addAttribute("deviceKinds", DeviceKind.values());
		model.addAttribute("visitKinds", VisitKind.values());
		model.addAttribute("carerRoles", CarerRole.values());
		model.addAttribute("riskEventKinds", RiskEventKind.values());
		return "eldercare/elder";
	}

	/** The health block, revealed (and audited) on request; an htmx fragment or the whole page. */
	@PostMapping("/eldercare/elders/{id}/health")
	String health(@PathVariable long id, @RequestParam(required = false) String purpose,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		try {
			Health h = care.revealHealth(id, purpose);
			model.addAttribute("health", h);
			model.addAttribute("healthErrors", Map.of());
		}
		catch (ValidationFailedException e) {
			model.addAttribute("health", null);
			model.addAttribute("healthErrors", fieldErrors(e));
		}
		if (htmx != null) {
			model.addAttribute("e", care.find(id));
			model.addAttribute("canWrite", ElderCare.canWrite(CurrentActor.require()));
			model.addAttribute("livings", LivingSituation.values());
			model.addAttribute("mobilities", Mobility.values());
			return "eldercare/elder :: health";
		}
		return detail(id, model, Map.of(), null);
	}

	@PostMapping("/eldercare/elders/{id}/care")
	String updateCare(@PathVariable long id, @RequestParam(required = false) LivingSituation livingSituation,
			@RequestParam(required = false) Mobility mobility, @RequestParam(required = false) String conditions,
			@RequestParam(required = false) String medicines, @RequestParam(required = false) String allergies,
			@RequestParam(required = false) String doorAccessNotes, Model model, RedirectAttributes flash) {
		try {
			care.updateCare(id, new UpdateCare(livingSituation, mobility, lines(conditions), lines(medicines), lines(allergies),
					doorAccessNotes));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return detail(id, model, fieldErrors(e), null);
		}
	}

	@PostMapping("/eldercare/elders/{id}/contacts")
	String contacts(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
		List<ContactDraft> list = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String name = params.get("name" + i);
			String relation = params.get("relation" + i);
			String phone = params.get("phone" + i);
			if ((name != null && !name.isBlank()) || (phone != null && !phone.isBlank())) {
				list.add(new ContactDraft(name, relation, phone));
			}
		}
		try {
			care.replaceContacts(id, list);
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return detail(id, model, fieldErrors(e), null);
		}
	}

	@PostMapping("/eldercare/elders/{id}/devices")
	String addDevice(@PathVariable long id, @RequestParam(required = false) String deviceId,
			@RequestParam(required = false) DeviceKind kind, Model model, RedirectAttributes flash) {
		try {
			care.addDevice(id, new AddDevice(deviceId, kind));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return detail(id, model, fieldErrors(e), Map.of("deviceId", deviceId == null ? "" : deviceId));
		}
	}

	@PostMapping("/eldercare/elders/{id}/devices/{deviceRowId}/remove")
	String removeDevice(@PathVariable long id, @PathVariable long deviceRowId, RedirectAttributes flash) {
		care.removeDevice(id, deviceRowId);
		flash.addFlashAttribute("notice", "eldercare.pages.saved");
		return "redirect:/eldercare/elders/" + id;
	}

	@PostMapping("/eldercare/elders/{id}/care-circle")
	String assign(@PathVariable long id, @RequestParam(required = false) CarerRole role,
			@RequestParam(required = false) String username, Model model, RedirectAttributes flash) {
		try {
			care.assignCarer(id, new AssignCarer(role, username));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return detail(id, model, fieldErrors(e), null);
		}
	}

	@PostMapping("/eldercare/elders/{id}/risk-events")
	String riskEvent(@PathVariable long id, @RequestParam(required = false) RiskEventKind kind,
			@RequestParam(required = false) String occurredOn, @RequestParam(required = false) String note, Model model,
			RedirectAttributes flash) {
		try {
			care.recordRiskEvent(id, new RecordRiskEvent(kind, date(occurredOn, "occurredOn"), note));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return detail(id, model, fieldErrors(e), null);
		}
	}

	/** The 26-item form's live result (no record is written): domain sums, total and level. */
	@PostMapping("/eldercare/elders/{id}/assessments/preview")
	String preview(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
		int events = care.riskEventsBefore(id, ElderProfiles.today());
		int[] scores = new int[CareRules.ITEM_COUNT];
		boolean complete = true;
		for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
			Integer v = integer(params.get("score" + i));
			if (v == null || v < 0 || v > CareRules.ITEMS.get(i).max()) {
				complete = false;
			}
			else {
				scores[i] = v;
			}
		}
		model.addAttribute("preview", complete ? CareRules.assess(scores, params.containsKey("dementia"),
				params.containsKey("mentalDisorder"), events) : null);
		return "eldercare/elder :: preview";
	}

	@PostMapping("/eldercare/elders/{id}/assessments")
	String assess(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
		List<Integer> scores = new ArrayList<>();
		for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
			scores.add(integer(params.get("score" + i)));
		}
		try {
			ElderViews.AssessmentView a = care.recordAssessment(id, new RecordAssessment(scores,
					params.containsKey("dementia"), params.containsKey("mentalDisorder"),
					date(params.get("assessedOn"), "assessedOn"), params.get("note")));
			flash.addFlashAttribute("notice", "eldercare.pages.assessed");
			flash.addFlashAttribute("assessedLevel", a.level());
			return "redirect:/eldercare/elders/" + id + "#assessments";
		}
		catch (ValidationFailedException e) {
			return detail(id, model, fieldErrors(e), params);
		}
	}

	@PostMapping("/eldercare/elders/{id}/visits")
	String visit(@PathVariable long id, @RequestParam(required = false) VisitKind kind,
			@RequestParam(required = false) String visitedAt, @RequestParam(required = false) String findings,
			@RequestParam(required = false) String followUp, @RequestParam(required = false) MultipartFile photo,
			Model model, RedirectAttributes flash) throws IOException {
		try {
			Instant at = null;
			if (visitedAt != null && !visitedAt.isBlank()) {
				try {
					at = LocalDateTime.parse(visitedAt.strip()).atZone(ElderRegister.ZONE).toInstant();
				}
				catch (java.time.format.DateTimeParseException e) {
					throw new ValidationFailedException("bad date", List.of(Map.of("field", "visitedAt", "message",
							msg("eldercare.pages.error.date"))));
				}
			}
			PhotoUpload upload = photo == null || photo.isEmpty() ? null
					: new PhotoUpload(photo.getContentType(), photo.getBytes());
			care.recordVisit(id, new RecordVisit(kind, at, findings, followUp != null), upload);
			flash.addFlashAttribute("notice", "eldercare.pages.visited");
			return "redirect:/eldercare/elders/" + id + "#visits";
		}
		catch (ValidationFailedException e) {
			return detail(id, model, fieldErrors(e), Map.of("findings", findings == null ? "" : findings));
		}
	}

	@GetMapping("/eldercare/visit-photos/{visitId}")
	ResponseEntity<byte[]> photo(@PathVariable long visitId) {
		PhotoUpload p = care.visitPhoto(visitId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").body(p.bytes());
	}

	// ------------------------------------------------------------------ visits page

	@GetMapping("/eldercare/visits")
	String visits(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "7") int days,
			Model model) {
		int d = days == 30 ? 30 : 7;
		model.addAttribute("overdue", care.overdueVisits(mine));
		model.addAttribute("birthdays", care.upcomingBirthdays(d));
		model.addAttribute("mine", mine);
		model.addAttribute("days", d);
		return "eldercare/visits";
	}

	// ------------------------------------------------------------------ helpers

	private static RiskLevel riskOf(String risk) {
		if (risk == null || risk.isBlank()) {
			return null;
		}
		try {
			return RiskLevel.valueOf(risk.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Integer integer(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private LocalDate date(String s, String field) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new ValidationFailedException("bad date", List.of(Map.of("field", field, "message", msg("eldercare.pages.error.date"))));
		}
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	static Map<String, List<String>> fieldErrors(ValidationFailedException e) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Map<String, String> m : e.errors()) {
			errors.computeIfAbsent(m.getOrDefault("field", "_global"), k -> new ArrayList<>()).add(m.get("message"));
		}
		return errors;
	}

	private String msg(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	/** The friendly error page with the right status for these pages (the API renders problem+json). */
	@ControllerAdvice(assignableTypes = EldercarePages.class)
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
