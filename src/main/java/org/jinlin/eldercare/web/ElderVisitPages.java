package org.jinlin.eldercare.web;

import org.jinlin.eldercare.internal.ElderBirthdays;
import org.jinlin.eldercare.internal.ElderVisits;
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

/** The visits page: overdue visits and upcoming birthdays. */
@Controller
class ElderVisitPages {

	private final ElderVisits visits;

	private final ElderBirthdays birthdays;

	ElderVisitPages(ElderVisits visits, ElderBirthdays birthdays) {
		this.visits = visits;
		this.birthdays = birthdays;
	}

	@GetMapping("/eldercare/visits")
	String visits(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "7") int days,
			Model model) {
		int d = days == 30 ? 30 : 7;
		model.addAttribute("overdue", visits.overdueVisits(mine));
		model.addAttribute("birthdays", birthdays.upcomingBirthdays(d));
		model.addAttribute("mine", mine);
		model.addAttribute("days", d);
		return "eldercare/visits";
	}
}
