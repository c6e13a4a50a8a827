package org.jinlin.volunteers;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.volunteers.ActivityModels.ServiceRecordView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Service certificates (志愿服务证明): issued to a volunteer for a period from their confirmed records, with a number
 * {@code JL-<year>-<10 random characters>} (50 random bits from a SecureRandom: it cannot be guessed, and the public
 * verification only trusts this table), downloadable as a PDF and verifiable by anyone at
 * {@code /certificates/{number}} — which shows the name, period, hours, issuer and issue date, nothing more.
 */
@Service
class Certificates {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final Pattern NUMBER = Pattern.compile("JL-\\d{4}-[0-9A-Z]{10}");

	/** The demo certificate of volunteer1, documented in the README of the module. */
	static final String DEMO_NUMBER = "JL-2026-DEMO000001";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private final JdbcClient jdbc;

	private final VolunteerRegistry registry;

	private final VolunteerActivities activities;

	private final VolunteerMessages messages;

	Certificates(JdbcClient jdbc, VolunteerRegistry registry, VolunteerActivities activities, VolunteerMessages messages) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.activities = activities;
		this.messages = messages;
	}

	/** A certificate as issued. */
	record Certificate(String number, long volunteerId, String personName, LocalDate periodFrom, LocalDate periodTo,
			BigDecimal hours, int recordCount, String summary, String issuer, Instant issuedAt) {
	}

	/** What the public verification shows: no identity beyond the name. */
	record Verification(String number, boolean genuine, String name, LocalDate periodFrom, LocalDate periodTo,
			BigDecimal hours, int recordCount, String issuer, LocalDate issuedOn) {
	}

	/** The caller asks for a certificate over a period. */
	record IssueRequest(String from, String to) {
	}

	/** Issues a certificate to the signed-in volunteer for the period, from their confirmed records. */
	@Transactional
	Certificate issue(IssueRequest request) {
		VolunteerView v = registry.requireMine();
		VolunteerMessages.Errors errors = messages.errors();
		LocalDate from = date(request.from());
		LocalDate to = date(request.to());
		if (from == null) {
			errors.add("from", "volunteers.error.date");
		}
		if (to == null || (from != null && to.isBefore(from)) || to.isAfter(LocalDate.now(VolunteerActivities.ZONE))) {
			errors.add("to", "volunteers.error.periodTo");
		}
		errors.throwIfAny();
		return issue(v, from, to, newNumber(LocalDate.now(VolunteerActivities.ZONE).getYear()), Instant.now());
	}

	Certificate issue(VolunteerView v, LocalDate from, LocalDate to, String number, Instant at) {
		List<ServiceRecordView> records = activities.records(
				" WHERE r.volunteer_id = ? AND r.service_date >= ? AND r.service_date <= ? ORDER BY r.service_date, r.id", v.id(),
				from, to);
		if (records.isEmpty()) {
			throw new ConflictException(messages.get("volunteers.error.noRecords"));
		}
		BigDecimal hours = records.stream().map(ServiceRecordView::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
		String summary = records.stream()
			.map(r -> r.serviceDate() + " " + r.activityTitle() + " " + r.hours().toPlainString() + "h")
			.collect(Collectors.joining("\n"));
		if (summary.length() > 2000) {
			summary = summary.substring(0, 1990) + "\n…";
		}
		String issuer = messages.get("volunteers.certificate.issuer");
		try {
			jdbc.sql("""
					INSERT INTO volunteer_certificate (certificate_number, volunteer_id, person_name, period_from, period_to, hours,
					  record_count, summary, issuer, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(number, v.id(), v.name(), from, to, hours, records.size(), summary, issuer, VolunteerActivities.ts(at))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Certificate number taken, try again");
		}
		return find(number).orElseThrow();
	}

	static String newNumber(int year) {
		StringBuilder sb = new StringBuilder("JL-").append(year).append('-');
		for (int i = 0; i < 10; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	/** The caller's own certificates, newest first. */
	List<Certificate> mine() {
		return registry.mine()
			.map(v -> jdbc.sql("SELECT * FROM volunteer_certificate WHERE volunteer_id = ? ORDER BY issued_at DESC, id DESC")
				.param(v.id()).query(Certificates::map).list())
			.orElse(List.of());
	}

	/** One of the caller's own certificates; 404 for anyone else's. */
	Certificate myCertificate(String number) {
		VolunteerView v = registry.mine().orElseThrow(() -> new NotFoundException("No such certificate"));
		return find(number).filter(c -> c.volunteerId() == v.id())
			.orElseThrow(() -> new NotFoundException("No such certificate"));
	}

	/** Public verification: genuine numbers only; anything else (never issued, forged) is a 404. */
	Verification verify(String number) {
		Certificate c = find(number).orElseThrow(() -> new NotFoundException("No such certificate"));
		return new Verification(c.number(), true, c.personName(), c.periodFrom(), c.periodTo(), c.hours(), c.recordCount(),
				c.issuer(), c.issuedAt().atZone(VolunteerActivities.ZONE).toLocalDate());
	}

	Optional<Certificate> find(String number) {
		if (number == null || !NUMBER.matcher(number.trim().toUpperCase(java.util.Locale.ROOT)).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM volunteer_certificate WHERE certificate_number = ?")
			.param(number.trim().toUpperCase(java.util.Locale.ROOT)).query(Certificates::map).optional();
	}

	/** The certificate as a PDF (A4, Chinese with the Adobe CJK font shipped in OpenPDF). */
	byte[] pdf(Certificate c) {
		CurrentActor.require();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			BaseFont base = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(base, 22, Font.BOLD);
			Font body = new Font(base, 12);
			Font small = new Font(base, 10);
			Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
			PdfWriter.getInstance(doc, out);
			doc.open();
			Paragraph t = new Paragraph(messages.get("volunteers.certificate.pdfTitle"), title);
			t.setAlignment(Element.ALIGN_CENTER);
			t.setSpacingAfter(18);
			doc.add(t);
			Paragraph no = new Paragraph(messages.get("volunteers.certificate.number") + "：" + c.number(), small);
			no.setAlignment(Element.ALIGN_RIGHT);
			doc.add(no);
			Paragraph text = new Paragraph(messages.get("volunteers.certificate.pdfBody", c.personName(),
					c.periodFrom().format(DATE), c.periodTo().format(DATE), c.recordCount(), c.hours().toPlainString()), body);
			text.setSpacingBefore(18);
			text.setSpacingAfter(12);
			text.setLeading(22);
			doc.add(text);
			PdfPTable table = new PdfPTable(new float[] { 1.2f, 4f, 1f });
			table.setWidthPercentage(100);
			for (String h : List.of("volunteers.certificate.col.date", "volunteers.certificate.col.content",
					"volunteers.certificate.col.hours")) {
				PdfPCell cell = new PdfPCell(new Paragraph(messages.get(h), small));
				cell.setBackgroundColor(new java.awt.Color(235, 235, 235));
				table.addCell(cell);
			}
			for (String line : c.summary().split("\n")) {
				int first = line.indexOf(' ');
				int last = line.lastIndexOf(' ');
				if (first < 0 || last <= first) {
					table.addCell(new PdfPCell(new Paragraph(line, small)));
					table.addCell(new PdfPCell(new Paragraph("", small)));
					table.addCell(new PdfPCell(new Paragraph("", small)));
					continue;
				}
				table.addCell(new PdfPCell(new Paragraph(line.substring(0, first), small)));
				table.addCell(new PdfPCell(new Paragraph(line.substring(first + 1, last), small)));
				table.addCell(new PdfPCell(new Paragraph(line.substring(last + 1), small)));
			}
			doc.add(table);
			Paragraph issuer = new Paragraph(c.issuer() + "\n" + messages.get("volunteers.certificate.issuedAt") + "："
					+ c.issuedAt().atZone(VolunteerActivities.ZONE).toLocalDate().format(DATE), body);
			issuer.setAlignment(Element.ALIGN_RIGHT);
			issuer.setSpacingBefore(24);
			doc.add(issuer);
			Paragraph verify = new Paragraph(messages.get("volunteers.certificate.verifyAt", "/certificates/" + c.number()), small);
			verify.setSpacingBefore(24);
			doc.add(verify);
			doc.close();
		}
		catch (Exception e) {
			throw new IllegalStateException("Certificate PDF failed: " + e.getClass().getSimpleName(), e);
		}
		return out.toByteArray();
	}

	static Certificate map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Certificate(rs.getString("certificate_number"), rs.getLong("volunteer_id"), rs.getString("person_name"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getBigDecimal("hours"), rs.getInt("record_count"), rs.getString("summary"), rs.getString("issuer"),
				VolunteerActivities.instant(rs, "issued_at"));
	}

	private static LocalDate date(String s) {
		try {
			return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
