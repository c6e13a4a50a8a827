package org.jinlin.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.EnrolmentStep;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident signs up herself, signed out: name, mobile number proven by a one-time code, the last six characters
 * of her ID number, her community and a password. Exactly one matching resident of the register (and not already
 * someone's account) gets the account at once; otherwise the sign-up waits for a community worker of the community
 * she named ({@link SignUpQueue}). Every step is audited.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ResidentSignUp {

	private final PhoneCodes codes;

	private final ResidentRegister register;

	private final Territories territories;

	private final AccountRepository accounts;

	private final ResidentSignUpRepository signUps;

	private final ResidentAccounts residentAccounts;

	private final AdministeredNodes messages;

	private final PersonalDataCipher cipher;

	private final PasswordEncoder encoder;

	private final SmsGateway sms;

	private final FieldErrors fieldErrors;

	/** What became of a sign-up: {@code MATCHED} with the new account's sign-in name, or {@code PENDING}. */
	public record Outcome(String status, String username) {
	}

	/** The communities a resident may choose, with their street's name. */
	@Transactional(readOnly = true)
	public List<CommunityChoice> communities() {
		java.util.Map<Long, String> streets = new java.util.HashMap<>();
		territories.lookupLevelUnder(TerritoryLevel.STREET, "/").forEach(s -> streets.put(s.id(), s.name()));
		return territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/").stream()
			.map(c -> new CommunityChoice(c.code(), c.name(), c.ancestorIds().stream().map(streets::get)
				.filter(java.util.Objects::nonNull).findFirst().orElse("")))
			.toList();
	}

	/** A community as the sign-up form offers it. */
	public record CommunityChoice(String code, String name, String streetName) {
	}

	public Outcome signUp(SignUpRequest request, String source) {
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		String name = FieldErrors.trim(request.name());
		if (name == null || name.length() > 50) {
			errors.add(AdministeredNodes.error("name", "accounts.error.signUp.name"));
		}
		String phone = PhoneCodeRules.phone(request.phone());
		if (phone == null) {
			errors.add(AdministeredNodes.error("phone", "accounts.error.phone"));
		}
		String suffix = PhoneCodeRules.idSuffix(request.idSuffix());
		if (suffix == null) {
			errors.add(AdministeredNodes.error("idSuffix", "accounts.error.idSuffix"));
		}
		TerritoryNode community = request.communityCode() == null ? null
				: territories.lookupByCode(request.communityCode().strip()).filter(n -> n.level() == TerritoryLevel.COMMUNITY)
					.orElse(null);
		if (community == null) {
			errors.add(AdministeredNodes.error("communityCode", "accounts.error.community"));
		}
		String passwordError = PasswordRules.check(null, request.password());
		if (passwordError != null) {
			errors.add(AdministeredNodes.error("password", passwordError));
		}
		if (request.code() == null || request.code().isBlank()) {
			errors.add(AdministeredNodes.error("code", "accounts.error.code"));
		}
		messages.failIfAny(errors);
		// the code last: a try is spent only on an otherwise complete form
		if (!codes.accept(PhoneCodes.Purpose.SIGN_UP, phone, request.code())) {
			messages.failIfAny(List.of(AdministeredNodes.error("code", "accounts.error.code")));
		}
		// the phone is proven hers: telling her it already has an account reveals nothing to anybody else
		String phoneIndex = cipher.blindIndex(phone);
		if (accounts.findByPhoneIndex(phoneIndex).isPresent() || signUps.pendingForPhone(phoneIndex)) {
			messages.failIfAny(List.of(AdministeredNodes.error("phone", "accounts.error.phone.taken")));
		}
		residentAccounts.audit(EnrolmentStep.SIGN_UP_REQUESTED, Masking.phone(phone), "anonymous", community.path(), source,
				"community=" + community.code());
		List<Long> candidates = register.lookupIdsByNameAndIdSuffix(name, suffix);
		var match = PhoneCodeRules.uniqueMatch(candidates, accounts.linkedResidents(candidates))
			.flatMap(register::lookup).filter(r -> r.status() == ResidentStatus.ACTIVE);
		String passwordHash = encoder.encode(request.password());
		if (match.isPresent()) {
			ResidentView resident = match.get();
			ResidentAccounts.Created created = residentAccounts.create(resident.id(), resident.communityId(), resident.name(),
					passwordHash, cipher.encrypt(phone), phoneIndex, "self-sign-up");
			residentAccounts.audit(EnrolmentStep.SIGN_UP_MATCHED, created.username(), created.username(),
					created.community().path(), source, "resident=" + resident.id());
			sms.send(phone, fieldErrors.message("accounts.sms.welcome", created.username()));
			return new Outcome("MATCHED", created.username());
		}
		long id = signUps.insert(name, cipher.encrypt(suffix), PhoneCodeRules.maskedIdSuffix(suffix), cipher.encrypt(phone),
				phoneIndex, Masking.phone(phone), passwordHash, community.id(), community.path());
		residentAccounts.audit(EnrolmentStep.SIGN_UP_QUEUED, Masking.phone(phone), "anonymous", community.path(), source,
				"signUp=" + id + "; candidates=" + candidates.size());
		return new Outcome("PENDING", null);
	}
}
