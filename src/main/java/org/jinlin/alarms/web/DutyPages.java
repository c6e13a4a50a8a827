package org.jinlin.alarms.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.DutyRole;
import org.jinlin.alarms.DutyStatus;
import org.jinlin.alarms.internal.AlarmAccess;
import org.jinlin.alarms.internal.DutyRoster;
import org.jinlin.alarms.internal.ResponderDraft;
import org.jinlin.alarms.internal.ResponderView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duty roster: the signed-in responder switches herself on or off duty (or back to the rota); staff see the
 * responders of their jurisdiction; managers register accounts as responders and edit their weekly rota.
 */
@Controller
@RequiredArgsConstructor
class DutyPages {

	static final Pattern SHIFT = Pattern.compile("\\s*([1-7])\\s+(\\d{1,2}:\\d{2})\\s*[-–~]\\s*(\\d{1,2}:\\d{2})\\s*");

	private final DutyRoster roster;

	private final AlarmPagesSupport support;

	/** The register form as submitted. */
	record Registration(String username, String role, String territoryCode, String dutyStatus) implements java.io.Serializable {
	}

	@GetMapping("/alarms/duty")
	String page(Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("me", roster.mine().orElse(null));
		model.addAttribute("statuses", DutyStatus.values());
		model.addAttribute("roles", DutyRole.values());
		boolean staff = AlarmAccess.deskStaff(actor);
		model.addAttribute("staff", staff);
		model.addAttribute("manager", staff && AlarmAccess.manager(actor));
		if (staff) {
			List<ResponderView> responders = roster.responders();
			model.addAttribute("responders", responders);
			Map<String, String> rota = new java.util.HashMap<>();
			responders.forEach(r -> rota.put(r.username(), text(r.shifts())));
			model.addAttribute("rota", rota);
		}
		if (!model.containsAttribute("registration")) {
			model.addAttribute("registration", new Registration(null, DutyRole.RESPONDER.name(), null, DutyStatus.ROTA.name()));
		}
		return "alarms/duty";
	}

	/** Sets a responder's status: oneself, or (managers) a responder of the area. */
	@PostMapping("/alarms/duty/{username}/status")
	String status(@PathVariable String username, @RequestParam(required = false) String status, RedirectAttributes flash) {
		DutyStatus s = parse(status);
		if (s == null) {
			flash.addFlashAttribute("statusError", support.msg("alarms.field.unknown-value", String.valueOf(status)));
			return "redirect:/alarms/duty";
		}
		roster.setStatus(username, s);
		flash.addFlashAttribute("notice", "alarms.pages.duty.changed");
		return "redirect:/alarms/duty";
	}

	@PostMapping("/alarms/duty/responders")
	String register(@ModelAttribute Registration form, RedirectAttributes flash) {
		try {
			roster.register(new ResponderDraft(form.username() == null ? null : form.username().strip(), form.role(),
					form.territoryCode(), form.dutyStatus()));
			flash.addFlashAttribute("notice", "alarms.pages.duty.registered");
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("registration", form);
			flash.addFlashAttribute("registerErrors", FormErrors.of(e));
		}
		return "redirect:/alarms/duty#register";
	}

	/** Replaces a responder's weekly rota from lines like "1 07:00-22:00". */
	@PostMapping("/alarms/duty/{username}/shifts")
	String shifts(@PathVariable String username, @RequestParam(required = false) String shifts, RedirectAttributes flash) {
		List<ResponderView.ShiftView> parsed = new ArrayList<>();
		String[] lines = shifts == null ? new String[0] : shifts.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			Matcher m = SHIFT.matcher(lines[i]);
			try {
				if (!m.matches()) {
					throw new DateTimeParseException("shift", lines[i], 0);
				}
				parsed.add(new ResponderView.ShiftView(DayOfWeek.of(Integer.parseInt(m.group(1))), time(m.group(2)),
						time(m.group(3))));
			}
			catch (DateTimeParseException e) {
				return shiftError(username, shifts, support.msg("alarms.pages.duty.shifts.invalid", i + 1), flash);
			}
		}
		try {
			roster.setShifts(username, parsed);
			flash.addFlashAttribute("notice", "alarms.pages.duty.shifts.saved");
		}
		catch (ValidationFailedException e) {
			return shiftError(username, shifts,
					String.join("；", FormErrors.of(e).values().stream().flatMap(List::stream).toList()), flash);
		}
		return "redirect:/alarms/duty#responder-" + username;
	}

	private static String shiftError(String username, String text, String message, RedirectAttributes flash) {
		flash.addFlashAttribute("shiftErrors", Map.of(username, message));
		flash.addFlashAttribute("shiftText", Map.of(username, text == null ? "" : text));
		return "redirect:/alarms/duty#responder-" + username;
	}

	private static LocalTime time(String hhmm) {
		String[] p = hhmm.split(":");
		int h = Integer.parseInt(p[0]);
		int m = Integer.parseInt(p[1]);
		if (h == 24 && m == 0) {
			return LocalTime.MAX.withNano(0).withSecond(0);
		}
		if (h > 23 || m > 59) {
			throw new DateTimeParseException("time", hhmm, 0);
		}
		return LocalTime.of(h, m);
	}

	/** The shifts as the text area shows them. */
	static String text(List<ResponderView.ShiftView> shifts) {
		StringBuilder b = new StringBuilder();
		for (ResponderView.ShiftView s : shifts) {
			b.append(s.day().getValue()).append(' ').append(s.start()).append('-').append(s.end()).append('\n');
		}
		return b.toString();
	}

	private static DutyStatus parse(String s) {
		if (s == null) {
			return null;
		}
		try {
			return DutyStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
