package org.jinlin.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.EnrolmentStep;
import org.jinlin.accounts.EnrolmentStepTaken;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes sent by SMS for signing up and for resetting a password ({@link PhoneCodeRules}). The answer to
 * asking for a code is the same whether or not the phone belongs to anybody.
 */
@Service
@RequiredArgsConstructor
public class PhoneCodes {

	/** What a code is for. */
	public enum Purpose {
		SIGN_UP, PASSWORD_RESET
	}

	private final PhoneCodeRepository codes;

	private final AccountRepository accounts;

	private final SmsGateway sms;

	private final PersonalDataCipher cipher;

	private final FieldErrors errors;

	private final ApplicationEventPublisher events;

	/**
	 * Sends a new code to the phone, unless the phone or the source asked too often (a field message on
	 * {@code phone} saying how many seconds to wait). For a password reset the text goes out only to a phone of an
	 * account; the caller cannot tell the difference.
	 */
	@Transactional
	public void send(Purpose purpose, String phoneInput, String source) {
		String phone = PhoneCodeRules.phone(phoneInput);
		if (phone == null) {
			throw errors.invalid("phone", "accounts.error.phone");
		}
		String index = cipher.blindIndex(phone);
		String from = SignInThrottleRule.source(source);
		Instant now = Instant.now();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		codes.deleteOlderThan(now.minus(Duration.ofHours(2)));
		List<Instant> toPhone = codes.sentToPhoneSince(index, hourAgo);
		Duration wait = PhoneCodeRules.waitBeforeSending(toPhone.isEmpty() ? null : toPhone.get(toPhone.size() - 1),
				toPhone, codes.askedFromSourceSince(from, hourAgo), now);
		if (!wait.isZero()) {
			throw errors.invalid("phone", "accounts.error.code.wait", String.valueOf(PhoneCodeRules.seconds(wait)));
		}
		String code = PhoneCodeRules.newCode();
		codes.insert(purpose.name(), index, from, PhoneCodeRules.hash(code), now, now.plus(PhoneCodeRules.LIFETIME));
		boolean deliver = purpose == Purpose.SIGN_UP || accounts.findByPhoneIndex(index).isPresent();
		if (deliver) {
			sms.send(phone, errors.message("accounts.sms.code", code, PhoneCodeRules.LIFETIME.toMinutes()));
		}
		events.publishEvent(new EnrolmentStepTaken(EnrolmentStep.CODE_SENT, Masking.phone(phone), "anonymous", null, from,
				"purpose=" + purpose + "; delivered=" + deliver, now));
	}

	/**
	 * Whether the code is the phone's latest for the purpose, in time and with tries left; an accepted code is used
	 * up. Commits on its own, so that a wrong try counts even when the caller's transaction rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean accept(Purpose purpose, String phone, String typed) {
		String p = PhoneCodeRules.phone(phone);
		if (p == null) {
			return false;
		}
		Instant now = Instant.now();
		return codes.latest(purpose.name(), cipher.blindIndex(p)).map(latest -> {
			switch (PhoneCodeRules.check(latest.code(), typed, now)) {
				case ACCEPTED:
					return codes.use(latest.id(), now);
				case WRONG:
					codes.countTry(latest.id());
					return false;
				default:
					return false;
			}
		}).orElse(false);
	}
}
