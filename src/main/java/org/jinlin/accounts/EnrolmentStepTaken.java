package org.jinlin.accounts;

import java.time.Instant;

/**
 * A step of a resident's enrolment was taken (for the audit log). Never carries a phone or ID number in clear.
 *
 * @param subject what the step is about: the user name, or a masked phone when there is no account yet
 * @param actor user name of who took the step; {@code anonymous} for a signed-out visitor
 * @param territoryPath the community the step belongs to; {@code null} when unknown (a code sent)
 * @param remoteAddress source address of a signed-out visitor; {@code null} for staff
 * @param detail further facts, no personal data in clear
 */
public record EnrolmentStepTaken(EnrolmentStep step, String subject, String actor, String territoryPath,
		String remoteAddress, String detail, Instant at) {
}
