package org.jinlin.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.EnrolmentStep;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident resets her password with a one-time code sent to the phone of her account. Asking for a code answers
 * the same for every phone (a code goes out only to a phone of an account, see {@link PhoneCodes}); a phone of no
 * account never has a code to type, so it fails like a wrong code.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class PasswordResetByCode {

	private final PhoneCodes codes;

	private final AccountRepository accounts;

	private final PersonalDataCipher cipher;

	private final PasswordEncoder encoder;

	private final AdministeredNodes messages;

	private final ResidentAccounts residentAccounts;

	/** Sets the new password; answers the account's sign-in name (she proved she holds its phone). */
	public String reset(String phoneInput, String code, String password, String source) {
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		String phone = PhoneCodeRules.phone(phoneInput);
		if (phone == null) {
			errors.add(AdministeredNodes.error("phone", "accounts.error.phone"));
		}
		if (code == null || code.isBlank()) {
			errors.add(AdministeredNodes.error("code", "accounts.error.code"));
		}
		String passwordError = PasswordRules.check(null, password);
		if (passwordError != null) {
			errors.add(AdministeredNodes.error("password", passwordError));
		}
		messages.failIfAny(errors);
		if (!codes.accept(PhoneCodes.Purpose.PASSWORD_RESET, phone, code)) {
			messages.failIfAny(List.of(AdministeredNodes.error("code", "accounts.error.code")));
		}
		AccountRepository.AccountRow account = accounts.findByPhoneIndex(cipher.blindIndex(phone)).orElse(null);
		if (account == null || !account.enabled()) {
			messages.failIfAny(List.of(AdministeredNodes.error("code", "accounts.error.code")));
		}
		String nameError = PasswordRules.check(account.username(), password);
		if (nameError != null) {
			messages.failIfAny(List.of(AdministeredNodes.error("password", nameError)));
		}
		accounts.setPassword(account.id(), encoder.encode(password));
		residentAccounts.audit(EnrolmentStep.PASSWORD_RESET_BY_CODE, account.username(), account.username(),
				account.territoryPath(), source, null);
		return account.username();
	}
}
