package org.jinlin.demands.web.desk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.demands.internal.DemandSearch;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PublicText;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.territory.Territories;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/** Staff search over the demands of the jurisdiction, with paging and an Excel export of the matches. */
@Controller
@RequiredArgsConstructor
public class SearchPages {

	static final int PAGE_SIZE = 20;

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(DeskSupport.ZONE);

	static final String[] HEADERS = { "demands.desk.col.id", "demands.desk.col.raisedAt", "demands.desk.col.category",
			"demands.desk.col.status", "demands.desk.col.urgency", "demands.desk.col.channel", "demands.desk.col.place",
			"demands.desk.col.description", "demands.desk.col.raiser", "demands.desk.col.phone", "demands.desk.col.handler",
			"demands.desk.col.assignee", "demands.desk.col.signDue", "demands.desk.col.signedAt",
			"demands.desk.col.handleDue", "demands.desk.col.resolvedAt", "demands.desk.col.outcome",
			"demands.desk.col.rating", "demands.desk.col.overdue", "demands.desk.col.escalations",
			"demands.desk.col.rework", "demands.desk.col.supervised" };

	private final DemandQueries queries;

	private final DemandCategories categories;

	private final Territories territories;

	private final DeskSupport support;

	/** The filters as the page sends them (dates are calendar days in the city's zone, both inclusive). */
	record SearchForm(String community, DemandStatus status, String category,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Boolean overdue, Integer page) {

		DemandSearch toSearch(int size) {
			Instant f = from == null ? null : from.atStartOfDay(DeskSupport.ZONE).toInstant();
			Instant t = to == null ? null : to.plusDays(1).atStartOfDay(DeskSupport.ZONE).toInstant();
			return new DemandSearch(DeskSupport.blankToNull(community), status, DeskSupport.blankToNull(category), f, t,
					Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, page == null ? 0 : Math.max(0, page), size);
		}

		public int pageOr0() {
			return page == null ? 0 : page;
		}
	}

	@GetMapping("/demands")
	String search(@ModelAttribute("q") SearchForm q, BindingResult binding,
			HtmxRequest htmx, Model model) {
		requireStaff();
		Map<String, List<String>> errors = support.bindingErrors(binding, null);
		Paged<DemandView> result = Paged.empty(0, PAGE_SIZE);
		if (errors.isEmpty()) {
			try {
				result = queries.search(q.toSearch(PAGE_SIZE));
			}
			catch (NotFoundException e) {
				errors = Map.of("community", List.of(support.msg("demands.desk.search.unknownPlace")));
			}
		}
		long pages = (result.total() + PAGE_SIZE - 1) / PAGE_SIZE;
		model.addAttribute("result", result);
		model.addAttribute("pages", pages);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", DemandStatus.values());
		model.addAttribute("categories", categories.all());
		model.addAttribute("communities", territories.communities());
		model.addAttribute("zone", DeskSupport.ZONE);
		model.addAttribute("now", Instant.now());
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "demands/desk/search :: results" : "demands/desk/search";
	}

	/** The matches as .xlsx: built fully first, so a refused export never leaves a half-written download. */
	@GetMapping("/demands/export.xlsx")
	void export(@ModelAttribute("q") SearchForm q, BindingResult binding, HttpServletResponse response) throws IOException {
		requireStaff();
		if (binding.hasErrors()) {
			response.sendError(400);
			return;
		}
		List<String> headers = Arrays.stream(HEADERS).map(support::msg).toList();
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		Instant now = Instant.now();
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(buffer, support.msg("demands.desk.export.sheet"), headers)) {
			queries.export(q.toSearch(1000), d -> sheet.row(row(d, now)));
		}
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("demands-" + LocalDate.now(DeskSupport.ZONE) + ".xlsx").build().toString());
		response.setContentLength(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}

	/** One demand as a row: contact phone masked, personal data in the description hidden. */
	private List<Object> row(DemandView d, Instant now) {
		List<Object> r = new ArrayList<>();
		r.add(d.id());
		r.add(time(d.raisedAt()));
		r.add(d.categoryName());
		r.add(support.msg("demands.status." + d.status()));
		r.add(support.msg("demands.urgency." + d.urgency()));
		r.add(support.msg("demands.channel." + d.channel()));
		r.add(d.addressLabel());
		r.add(PublicText.scrub(d.description(), LocaleContextHolder.getLocale()));
		r.add(d.raiserDisplay());
		r.add(d.contactPhoneMasked());
		r.add(d.handlerName());
		r.add(d.assignee());
		r.add(time(d.signDueAt()));
		r.add(time(d.signedAt()));
		r.add(time(d.handleDueAt()));
		r.add(time(d.resolvedAt()));
		r.add(d.outcome() == null ? null : support.msg("demands.outcome." + d.outcome()));
		r.add(d.rating() == null ? null : support.msg("demands.rating." + d.rating()));
		r.add(support.msg(d.overdue(now) ? "demands.desk.yes" : "demands.desk.no"));
		r.add(d.escalationCount());
		r.add(d.reworkCount());
		r.add(support.msg(d.supervised() ? "demands.desk.yes" : "demands.desk.no"));
		return r;
	}

	private static String time(Instant t) {
		return t == null ? null : TIME.format(t);
	}

	private static void requireStaff() {
		if (!CurrentActor.require().isStaff()) {
			throw new ForbiddenException("Only staff search demands");
		}
	}
}
