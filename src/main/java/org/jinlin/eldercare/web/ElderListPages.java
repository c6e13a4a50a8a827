package org.jinlin.eldercare.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.internal.CareProfiles;
import org.jinlin.eldercare.internal.CareRules;
import org.jinlin.eldercare.internal.ElderAccess;
import org.jinlin.eldercare.internal.ElderQueries;
import org.jinlin.eldercare.internal.ElderViews.ElderRow;
import org.jinlin.eldercare.internal.ElderViews;
import org.jinlin.eldercare.internal.RiskLevel;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register list: filters and risk badges (the results alone for htmx), creating a profile, the Excel export. */
@Controller
@RequiredArgsConstructor
class ElderListPages {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final ElderQueries queries;

	private final CareProfiles profiles;

	private final ElderPageSupport pages;

	private final Territories territories;

	@GetMapping("/eldercare/elders")
	String list(@RequestParam(required = false) String name, @RequestParam(required = false) String community,
			@RequestParam(required = false) String risk, @RequestParam(defaultValue = "0") int page,
			HtmxRequest htmx, Model model) {
		RiskLevel r = ElderPageSupport.riskOf(risk);
		model.addAttribute("result", queries.search(community, r, name, page, ElderQueries.DEFAULT_SIZE));
		model.addAttribute("q", new Query(name, community, r));
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
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
		model.addAttribute("canWrite", ElderAccess.canWrite(actor));
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
			ElderViews.ElderView v = profiles.createProfile(id);
			flash.addFlashAttribute("notice", "eldercare.pages.created");
			return "redirect:/eldercare/elders/" + v.id();
		}
		catch (ValidationFailedException e) {
			model.addAttribute("result", queries.search(null, null, null, 0, ElderQueries.DEFAULT_SIZE));
			model.addAttribute("q", new Query(null, null, null));
			return listPage(model, FormErrors.of(e), residentId);
		}
		catch (ConflictException e) {
			model.addAttribute("result", queries.search(null, null, null, 0, ElderQueries.DEFAULT_SIZE));
			model.addAttribute("q", new Query(null, null, null));
			return listPage(model, Map.of("residentId", List.of(pages.msg("eldercare.pages.exists"))), residentId);
		}
	}

	@GetMapping("/eldercare/elders/export.xlsx")
	void export(@RequestParam(required = false) String name, @RequestParam(required = false) String community,
			@RequestParam(required = false) String risk, HttpServletResponse response) throws IOException {
		List<List<?>> rows = new ArrayList<>();
		queries.export(community, ElderPageSupport.riskOf(risk), name, (ElderRow r) -> rows.add(Arrays.asList(r.name(), r.communityCode(),
				r.age(), pages.msg("eldercare.living." + r.livingSituation()), r.abilityLevel(), pages.msg("eldercare.risk." + r.riskLevel()),
				r.nextVisitDue(), r.visitOverdue() ? pages.msg("eldercare.pages.yes") : "", r.addressLabel())));
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		XlsxExport.write(buffer, pages.msg("eldercare.pages.list.heading"),
				List.of(pages.msg("eldercare.field.name"), pages.msg("eldercare.field.community"), pages.msg("eldercare.field.age"),
						pages.msg("eldercare.field.livingSituation"), pages.msg("eldercare.field.abilityLevel"),
						pages.msg("eldercare.field.riskLevel"), pages.msg("eldercare.field.nextVisitDue"),
						pages.msg("eldercare.field.visitOverdue"), pages.msg("eldercare.field.address")),
				rows.iterator());
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("elders-" + LocalDate.now(CareRules.ZONE) + ".xlsx").build().toString());
		response.setContentLength(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}
}
