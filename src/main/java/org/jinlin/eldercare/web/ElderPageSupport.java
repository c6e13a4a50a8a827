package org.jinlin.eldercare.web;

import org.jinlin.eldercare.internal.ElderAccess;
import org.jinlin.eldercare.internal.ElderQueries;
import org.springframework.stereotype.Component;
import org.jinlin.eldercare.internal.CareRules;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.DeviceKind;
import org.jinlin.eldercare.internal.ElderViews;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.Mobility;
import org.jinlin.eldercare.internal.RiskEventKind;
import org.jinlin.eldercare.internal.RiskLevel;
import org.jinlin.eldercare.VisitKind;
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

import org.jinlin.eldercare.internal.ElderViews.AddDevice;
import org.jinlin.eldercare.internal.ElderViews.AssignCarer;
import org.jinlin.eldercare.internal.ElderViews.ContactDraft;
import org.jinlin.eldercare.internal.ElderViews.ElderRow;
import org.jinlin.eldercare.internal.ElderViews.Health;
import org.jinlin.eldercare.internal.ElderViews.PhotoUpload;
import org.jinlin.eldercare.internal.ElderViews.RecordAssessment;
import org.jinlin.eldercare.internal.ElderViews.RecordRiskEvent;
import org.jinlin.eldercare.internal.ElderViews.RecordVisit;
import org.jinlin.eldercare.internal.ElderViews.UpdateCare;
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

/** What the register's pages share: the profile page's model, and parsing of form values. */
@Component
class ElderPageSupport {

	private final ElderQueries queries;

	private final MessageSource messages;

	ElderPageSupport(ElderQueries queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	String detail(long id, Model model, Map<String, List<String>> errors, Map<String, String> form) {
		Actor actor = CurrentActor.require();
		ElderViews.ElderView e = queries.find(id);
		model.addAttribute("e", e);
		model.addAttribute("assessments", queries.assessments(id));
		model.addAttribute("visits", queries.visits(id));
		model.addAttribute("riskEvents", queries.riskEvents(id));
		model.addAttribute("items", CareRules.ITEMS);
		model.addAttribute("canWrite", ElderAccess.canWrite(actor));
		model.addAttribute("canVisit", ElderAccess.canWrite(actor)
				|| e.careCircle().stream().anyMatch(c -> c.username().equals(actor.name())));
		model.addAttribute("errors", errors);
		model.addAttribute("form", form == null ? Map.of() : form);
		model.addAttribute("zone", CareRules.ZONE);
		model.addAttribute("livings", LivingSituation.values());
		model.addAttribute("mobilities", Mobility.values());
		model.addAttribute("deviceKinds", DeviceKind.values());
		model.addAttribute("visitKinds", VisitKind.values());
		model.addAttribute("carerRoles", CarerRole.values());
		model.addAttribute("riskEventKinds", RiskEventKind.values());
		return "eldercare/elder";
	}

	static RiskLevel riskOf(String risk) {
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

	static Integer integer(String s) {
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

	LocalDate date(String s, String field) {
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

	static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	String msg(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}
}
