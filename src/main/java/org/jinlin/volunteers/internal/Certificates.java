package org.jinlin.volunteers.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.volunteers.CertificateIssued;
import org.jinlin.volunteers.internal.ActivityModels.ServiceRecordView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service certificates (志愿服务证明): issued to a volunteer for a period from their confirmed records, with a number
 * {@code JL-<year>-<10 random characters>} (50 random bits from a SecureRandom: it cannot be guessed, and the public
 * verification only trusts this table), downloadable as a PDF and verifiable by anyone at
 * {@code /certificates/{number}} — which shows the name, period, hours, issuer and issue date, nothing more.
 */
@Service
@RequiredArgsConstructor
public class Certificates {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final Pattern NUMBER = Pattern.compile("JL-\\d{4}-[0-9A-Z]{10}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CertificateRepository certificates;

	private final VolunteerRecordRepository records;

	private final VolunteerRegistry registry;

	private final FieldErrors messages;

	private final ApplicationEventPublisher events;

	/** A certificate as issued. */
	public record Certificate(String number, long volunteerId, String personName, LocalDate periodFrom, LocalDate periodTo,
			BigDecimal hours, int recordCount, String summary, String issuer, Instant issuedAt) {
	}

	/** What the public verification shows: no identity beyond the name. */
	public record Verification(String number, boolean genuine, String name, LocalDate periodFrom, LocalDate periodTo,
			BigDecimal hours, int recordCount, String issuer, LocalDate issuedOn) {
	}

	/** The caller asks for a certificate over a period. */
	public record IssueRequest(String from, String to) {
	}

	/** Issues a certificate to the signed-in volunteer for the period, from their confirmed records. */
	@Transactional
	public Certificate issue(IssueRequest request) {
		VolunteerView v = registry.requireMine();
		List<FieldError> errors = new ArrayList<>();
		LocalDate from = VolunteerTimes.date(request.from());
		LocalDate to = VolunteerTimes.date(request.to());
		if (from == null) {
			errors.add(new FieldError("from", "volunteers.error.date"));
		}
		if (to == null || (from != null && to.isBefore(from)) || to.isAfter(LocalDate.now(VolunteerTimes.ZONE))) {
			errors.add(new FieldError("to", "volunteers.error.periodTo"));
		}
		messages.failIfAny(VolunteerRegistry.INVALID, errors);
		return issue(v, from, to, newNumber(LocalDate.now(VolunteerTimes.ZONE).getYear()), Instant.now());
	}

	public Certificate issue(VolunteerView v, LocalDate from, LocalDate to, String number, Instant at) {
		List<ServiceRecordView> records = this.records.ofVolunteer(v.id(), from, to);
		if (records.isEmpty()) {
			throw new ConflictException(messages.message("volunteers.error.noRecords"));
		}
		BigDecimal hours = records.stream().map(ServiceRecordView::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
		String summary = records.stream()
			.map(r -> r.serviceDate() + " " + r.activityTitle() + " " + r.hours().toPlainString() + "h")
			.collect(Collectors.joining("\n"));
		if (summary.length() > 2000) {
			summary = summary.substring(0, 1990) + "\n…";
		}
		String issuer = messages.message("volunteers.certificate.issuer");
		try {
			certificates.insert(new Certificate(number, v.id(), v.name(), from, to, hours, records.size(), summary, issuer, at));
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Certificate number taken, try again");
		}
		events.publishEvent(new CertificateIssued(number, v.personKey(), v.communityId(), hours, from, to, at));
		return find(number).orElseThrow();
	}

	public static String newNumber(int year) {
		StringBuilder sb = new StringBuilder("JL-").append(year).append('-');
		for (int i = 0; i < 10; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	/** The caller's own certificates, newest first. */
	public List<Certificate> mine() {
		return registry.mine().map(v -> certificates.ofVolunteer(v.id())).orElse(List.of());
	}

	/** One of the caller's own certificates; 404 for anyone else's. */
	public Certificate myCertificate(String number) {
		VolunteerView v = registry.mine().orElseThrow(() -> new NotFoundException("No such certificate"));
		return find(number).filter(c -> c.volunteerId() == v.id())
			.orElseThrow(() -> new NotFoundException("No such certificate"));
	}

	/** Public verification: genuine numbers only; anything else (never issued, forged) is a 404. */
	public Verification verify(String number) {
		Certificate c = find(number).orElseThrow(() -> new NotFoundException("No such certificate"));
		return new Verification(c.number(), true, c.personName(), c.periodFrom(), c.periodTo(), c.hours(), c.recordCount(),
				c.issuer(), c.issuedAt().atZone(VolunteerTimes.ZONE).toLocalDate());
	}

	Optional<Certificate> find(String number) {
		if (number == null || !NUMBER.matcher(number.trim().toUpperCase(java.util.Locale.ROOT)).matches()) {
			return Optional.empty();
		}
		return certificates.byNumber(number.trim().toUpperCase(java.util.Locale.ROOT));
	}

	/**
	 * The certificate as a PDF (A4, Chinese with the Adobe CJK font shipped in OpenPDF), carrying the absolute address
	 * of its public verification page and a QR code of it.
	 */
	public byte[] pdf(Certificate c, String verificationUrl) {
		CurrentActor.require();
		return CertificatePdf.render(c, verificationUrl, messages);
	}

	/** The path of a certificate number's public verification page. */
	public static String verificationPath(String number) {
		return "/certificates/" + number;
	}
}
