package org.jinlin.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS gateway outside {@code prod}: messages are kept (phone and text encrypted) instead of sent, and
 * administrators read them on {@code /admin/sms-outbox}; tests read the latest code of a phone from here.
 */
@Service
@Profile("!prod")
@RequiredArgsConstructor
public class SmsOutbox implements SmsGateway {

	private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

	private final SmsOutboxRepository repository;

	private final PersonalDataCipher cipher;

	/** One kept message as administrators see it: the phone masked, the text in clear. */
	public record OutboxMessage(long id, String phoneMasked, String text, Instant at) {
	}

	@Override
	@Transactional
	public void send(String phone, String text) {
		repository.insert(cipher.blindIndex(phone), Masking.phone(phone), cipher.encrypt(text));
	}

	/** The latest messages, newest first (administrators only). */
	@Transactional(readOnly = true)
	public List<OutboxMessage> latest(int limit) {
		AccountsAccess.requireAdministrator();
		return repository.latest(limit).stream()
			.map(s -> new OutboxMessage(s.id(), s.phoneMasked(), cipher.decrypt(s.bodyCipher()), s.at()))
			.toList();
	}

	/** The six-digit code of the latest message to this phone that carries one (for tests and local trials). */
	@Transactional(readOnly = true)
	public Optional<String> latestCode(String phone) {
		return textsTo(phone).stream().map(CODE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
	}

	/** The texts kept for this phone, newest first (for tests and local trials). */
	@Transactional(readOnly = true)
	public List<String> textsTo(String phone) {
		String p = PhoneCodeRules.phone(phone);
		return repository.bodiesTo(cipher.blindIndex(p == null ? phone : p)).stream().map(cipher::decrypt).toList();
	}
}
