package org.jinlin.volunteers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A volunteer-service certificate was issued. Carries the certificate's number (the public log records only its
 * hash), the volunteer's person key (recorded under a pseudonym), never her name.
 */
public record CertificateIssued(String number, String personKey, long communityId, BigDecimal hours,
		LocalDate periodFrom, LocalDate periodTo, Instant at) {
}
