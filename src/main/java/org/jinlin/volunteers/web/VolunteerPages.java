package org.jinlin.volunteers.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ServiceHours;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.PublicAddress;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.internal.ActivityModels.ServiceRecordView;
import org.jinlin.volunteers.internal.Certificates;
import org.jinlin.volunteers.internal.HoursConfirmation;
import org.jinlin.volunteers.internal.RegisterVolunteer;
import org.jinlin.volunteers.internal.VolunteerAccess;
import org.jinlin.volunteers.internal.VolunteerRegistry;
import org.jinlin.volunteers.internal.VolunteerTimes;
import org.jinlin.volunteers.internal.VolunteerView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteer's own pages and the staff's: registration, "my volunteering" with records and certificates, and the
 * staff registry with its Excel export.
 */
@Controller
@RequiredArgsConstructor
class VolunteerPages {

	private final VolunteerRegistry registry;

	private final HoursConfirmation hours;

	private final Certificates certificates;

	private final ServiceHours serviceHours;

	private final Territories territories;

	private final FieldErrors messages;

	private final PublicAddress publicAddress;

	// ------------------------------------------------------------------ registration

	@GetMapping("/volunteers/register")
	String registerForm(Model model) {
		Actor actor = CurrentActor.require();
		String own = territories.lookup(actor.territoryId()).filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.map(TerritoryNode::code).orElse(null);
		return registerForm(model, actor, RegisterVolunteer.empty(own), Map.of());
	}

	@PostMapping("/volunteers/register")
	String register(@ModelAttribute("form") RegisterVolunteer form, Model model, RedirectAttributes flash) {
		Actor actor = CurrentActor.require();
		try {
			VolunteerView v = registry.register(form);
			flash.addFlashAttribute("notice", messages.message("volunteers.register.done", v.name()));
			return Boolean.TRUE.equals(form.onBehalf()) ? "redirect:/volunteers" : "redirect:/volunteers/me";
		}
		catch (ValidationFailedException e) {
			return registerForm(model, actor, form, FormErrors.of(e));
		}
		catch (ConflictException e) {
			return registerForm(model, actor, form,
					e.getMessage().equals(messages.message("volunteers.error.idNumberRegistered"))
							? Map.of("idNumber", List.of(e.getMessage())) : FormErrors.global(e.getMessage()));
		}
	}

	private String registerForm(Model model, Actor actor, RegisterVolunteer form, Map<String, List<String>> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("intentions", ServiceIntention.values());
		model.addAttribute("communities", territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/").stream()
			.sorted(Comparator.comparing(TerritoryNode::code)).toList());
		model.addAttribute("staff", actor.isStaff());
		model.addAttribute("already", registry.mine().isPresent());
		return "volunteers/register";
	}

	// ------------------------------------------------------------------ my volunteering

	@GetMapping("/volunteers/me")
	String me(Model model) {
		var mine = registry.mine();
		model.addAttribute("v", mine.orElse(null));
		if (mine.isPresent()) {
			model.addAttribute("balance", serviceHours.balanceOf(mine.get().personKey()));
			var records = hours.myRecords();
			model.addAttribute("records", records);
			model.addAttribute("recordedHours",
					records.stream().map(ServiceRecordView::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
			model.addAttribute("certificates", certificates.mine());
			LocalDate today = LocalDate.now(VolunteerTimes.ZONE);
			model.addAttribute("periodFrom", today.minusYears(1).plusDays(1));
			model.addAttribute("periodTo", today);
		}
		return "volunteers/me";
	}

	@PostMapping("/volunteers/me/certificates")
	String issue(@ModelAttribute Certificates.IssueRequest form, RedirectAttributes flash) {
		Flash.run(flash, () -> messages.message("volunteers.certificate.issued", certificates.issue(form).number()));
		return "redirect:/volunteers/me";
	}

	@GetMapping("/volunteers/me/certificates/{number}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		Certificates.Certificate c = certificates.myCertificate(number);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(c.number() + ".pdf").build().toString())
			.body(certificates.pdf(c, publicAddress.of(Certificates.verificationPath(c.number()))));
	}

	// ------------------------------------------------------------------ staff registry

	@GetMapping("/volunteers")
	String registry(@RequestParam(required = false) String q, @RequestParam(required = false) String intention,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", registry.search(q, ServiceIntention.parse(intention).orElse(null), page));
		model.addAttribute("q", q);
		model.addAttribute("intention", intention);
		model.addAttribute("intentions", ServiceIntention.values());
		return "volunteers/registry";
	}

	@GetMapping("/volunteers/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String intention,
			HttpServletResponse response) throws IOException {
		VolunteerAccess.requireStaff();
		ServiceIntention i = ServiceIntention.parse(intention).orElse(null);
		DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
		SpreadsheetDownloads.xlsx(response, "volunteers.xlsx", out -> {
			List<String> headers = Arrays.stream(new String[] { "name", "gender", "birthDate", "idNumber", "phone",
					"community", "intentions", "skills", "availableTime", "account", "registeredAt" })
				.map(h -> messages.message("volunteers.field." + h)).toList();
			try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, messages.message("volunteers.registry.sheet"), headers)) {
				registry.export(q, i, v -> sheet.row(Arrays.asList(v.name(), messages.message("volunteers.gender." + v.gender()),
						v.birthDate().format(date), v.idNumberMasked(), v.phoneMasked(), v.communityName(),
						String.join("、", v.intentions().stream().map(x -> messages.message("volunteers.intention." + x.name())).toList()),
						v.skills(), v.availableTime(), v.username() == null ? "" : v.username(),
						v.registeredAt().atZone(VolunteerTimes.ZONE).toLocalDate().format(date))));
			}
		});
	}
}
