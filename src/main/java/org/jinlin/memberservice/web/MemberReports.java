package org.jinlin.memberservice.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberViews.QuarterlyReport;
import org.jinlin.memberservice.internal.MemberViews.Registration;
import org.jinlin.memberservice.internal.MemberViews.ReportLine;
import org.jinlin.memberservice.internal.MemberValidation;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Documents of member service: the quarterly service report of a member for her employer unit (Excel and printable
 * PDF with Chinese text in the STSong-Light CJK font shipped with OpenPDF) and the staff's registration list export.
 * Callers check access before the response starts (the report is computed by {@link org.jinlin.memberservice.internal.MemberFigures#report}).
 */
@Component
@RequiredArgsConstructor
class MemberReports {

	private final MessageSource messages;

	private String msg(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	void xlsx(QuarterlyReport report, HttpServletResponse response) throws IOException {
		String file = "service-report-" + report.registration().id() + "-" + report.quarter() + ".xlsx";
		SpreadsheetDownloads.xlsx(response, file, out -> writeXlsx(report, out));
	}

	void writeXlsx(QuarterlyReport report, OutputStream out) throws IOException {
		Registration r = report.registration();
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, report.quarter(),
				List.of(msg("memberservice.report.date"), msg("memberservice.report.kind"),
						msg("memberservice.report.content"), msg("memberservice.report.community"),
						msg("memberservice.report.hours")))) {
			for (ReportLine l : report.lines()) {
				sheet.row(Arrays.asList(l.date(), msg("memberservice.report.kind." + l.kind()), l.content(),
						l.communityName(), l.hours()));
			}
			sheet.row(Arrays.asList(null, null, null, null, null));
			sheet.row(Arrays.asList(msg("memberservice.report.member"), r.displayName(), msg("memberservice.field.employer"),
					r.employer(), null));
			sheet.row(Arrays.asList(msg("memberservice.report.total"), report.personTimes(),
					msg("memberservice.report.hours"), report.totalHours(), null));
		}
	}

	void pdf(QuarterlyReport report, HttpServletResponse response) throws IOException {
		response.setContentType("application/pdf");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
			.filename("service-report-" + report.registration().id() + "-" + report.quarter() + ".pdf", StandardCharsets.UTF_8)
			.build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		writePdf(report, response.getOutputStream());
		response.flushBuffer();
	}

	void writePdf(QuarterlyReport report, OutputStream out) throws IOException {
		Registration r = report.registration();
		Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
		try {
			PdfWriter.getInstance(doc, out).setCloseStream(false);
			BaseFont base = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(base, 18, Font.BOLD);
			Font body = new Font(base, 11);
			Font head = new Font(base, 11, Font.BOLD);
			doc.open();
			Paragraph t = new Paragraph(msg("memberservice.report.title", report.quarter()), title);
			t.setAlignment(Element.ALIGN_CENTER);
			t.setSpacingAfter(12);
			doc.add(t);
			doc.add(new Paragraph(msg("memberservice.report.to", r.employer() == null ? "" : r.employer()), body));
			doc.add(new Paragraph(msg("memberservice.report.intro", r.displayName(), r.communityName(), report.from(),
					report.to(), report.personTimes(), report.totalHours()), body));
			doc.add(new Paragraph(" ", body));
			PdfPTable table = new PdfPTable(new float[] { 2.2f, 2f, 5f, 2.6f, 1.4f });
			table.setWidthPercentage(100);
			for (String h : List.of("memberservice.report.date", "memberservice.report.kind", "memberservice.report.content",
					"memberservice.report.community", "memberservice.report.hours")) {
				table.addCell(new PdfPCell(new Phrase(msg(h), head)));
			}
			for (ReportLine l : report.lines()) {
				table.addCell(new Phrase(String.valueOf(l.date()), body));
				table.addCell(new Phrase(msg("memberservice.report.kind." + l.kind()), body));
				table.addCell(new Phrase(l.content(), body));
				table.addCell(new Phrase(l.communityName() == null ? "" : l.communityName(), body));
				table.addCell(new Phrase(plain(l.hours()), body));
			}
			if (report.lines().isEmpty()) {
				PdfPCell none = new PdfPCell(new Phrase(msg("memberservice.report.none"), body));
				none.setColspan(5);
				table.addCell(none);
			}
			doc.add(table);
			doc.add(new Paragraph(" ", body));
			doc.add(new Paragraph(msg("memberservice.report.signature"), body));
			doc.close();
		}
		catch (DocumentException e) {
			throw new IOException("The report could not be written", e);
		}
	}

	private static String plain(BigDecimal b) {
		return b == null ? "" : b.toPlainString();
	}

	/** The staff's registration list as Excel (phones masked). */
	void registrationsXlsx(List<Registration> list, HttpServletResponse response) throws IOException {
		SpreadsheetDownloads.xlsx(response, "member-registrations.xlsx", out -> {
			try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, msg("memberservice.members.sheet"),
					List.of(msg("memberservice.field.kind"), msg("memberservice.field.name"),
							msg("memberservice.field.employer"), msg("memberservice.field.community"),
							msg("memberservice.field.categories"), msg("memberservice.field.availability"),
							msg("memberservice.field.skills"), msg("memberservice.field.phone"),
							msg("memberservice.field.headcount"), msg("memberservice.field.status"),
							msg("memberservice.field.registeredAt")))) {
				for (Registration r : list) {
					sheet.row(Arrays.asList(msg("memberservice.kind." + r.kind()), r.displayName(), r.employer(),
							r.communityName(),
							String.join("、", r.categories().stream().map(c -> msg("memberservice.category." + c)).toList()),
							String.join("、", r.availability().stream().map(c -> msg("memberservice.availability." + c)).toList()),
							r.skills(), r.phoneMasked(), r.headcount(), msg("memberservice.status." + r.status()),
							r.registeredAt() == null ? null : r.registeredAt().atZone(MemberValidation.ZONE).toLocalDate()));
				}
			}
		});
	}
}
