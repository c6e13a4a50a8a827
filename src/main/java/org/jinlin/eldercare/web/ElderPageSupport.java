package org.jinlin.eldercare.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.DeviceKind;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.Mobility;
import org.jinlin.eldercare.VisitKind;
import org.jinlin.eldercare.internal.CareRules;
import org.jinlin.eldercare.internal.ElderAccess;
import org.jinlin.eldercare.internal.ElderQueries;
import org.jinlin.eldercare.internal.ElderViews;
import org.jinlin.eldercare.internal.RiskEventKind;
import org.jinlin.eldercare.internal.RiskLevel;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the register's pages share: the profile page's model, and parsing of form values. */
@Component
@RequiredArgsConstructor
class ElderPageSupport {

	private final ElderQueries queries;

	private final MessageSource messages;

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
