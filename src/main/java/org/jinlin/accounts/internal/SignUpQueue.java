package org.jinlin.accounts.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.EnrolmentStep;
import org.jinlin.people.ResidentQuery;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentRow;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ups that matched no single resident wait here for a community worker (or above) of the community they name:
 * she confirms one resident of her register (the account is created and linked, the resident told her sign-in name by
 * SMS) or rejects the sign-up. Another jurisdiction's sign-up answers 404.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class SignUpQueue {

	private final ResidentSignUpRepository signUps;

	private final ResidentRegister register;

	private final Territories territories;

	private final AccountRepository accounts;

	private final ResidentAccounts residentAccounts;

	private final PersonalDataCipher cipher;

	private final SmsGateway sms;

	private final FieldErrors errors;

	/** A waiting sign-up as staff see it: phone and ID suffix masked. */
	public record WaitingSignUp(long id, String name, String phoneMasked, String idSuffixMasked, String communityCode,
			String communityName, java.time.Instant requestedAt) {
	}

	/** Waiting sign-ups of the actor's jurisdiction, oldest first. */
	@Transactional(readOnly = true)
	public Paged<WaitingSignUp> waiting(int page, int size) {
		Actor actor = AccountsAccess.requireEnrolment();
		if (page < 0 || size < 1 || size > 200) {
			throw errors.invalid("size", "accounts.error.paging");
		}
		String like = actor.jurisdiction().likePattern();
		List<WaitingSignUp> items = signUps.pendingUnder(like, (long) page * size, size).stream().map(this::view).toList();
		return new Paged<>(items, page, size, signUps.countPendingUnder(like));
	}

	/** One waiting sign-up of the jurisdiction, or 404. */
	@Transactional(readOnly = true)
	public WaitingSignUp get(long id) {
		return view(pending(AccountsAccess.requireEnrolment(), id));
	}

	/** Residents of the sign-up's community whose name starts like the one given, for the worker to choose from. */
	@Transactional(readOnly = true)
	public List<ResidentRow> candidates(long id) {
		ResidentSignUpRepository.Stored s = pending(AccountsAccess.requireEnrolment(), id);
		String community = territories.lookup(s.communityId()).map(TerritoryNode::code).orElse(null);
		String prefix = s.name().substring(0, s.name().offsetByCodePoints(0, 1));
		return register.search(new ResidentQuery(prefix, null, community, null, ResidentStatus.ACTIVE, 0, 50)).items();
	}

	/** Confirms the sign-up as this resident of the worker's jurisdiction: the account is created and linked. */
	public String confirm(long id, Long residentId) {
		Actor actor = AccountsAccess.requireEnrolment();
		ResidentSignUpRepository.Stored s = pending(actor, id);
		ResidentView resident = residentId == null ? null
				: register.lookup(residentId).filter(r -> r.status() == ResidentStatus.ACTIVE)
					.filter(r -> actor.covers(r.territoryPath())).orElse(null);
		if (resident == null) {
			throw errors.invalid("residentId", "accounts.error.resident");
		}
		if (accounts.findByResident(resident.id()).isPresent()) {
			throw errors.conflict("accounts.error.resident.linked");
		}
		if (accounts.findByPhoneIndex(s.phoneIndex()).isPresent()) {
			throw errors.conflict("accounts.error.phone.taken");
		}
		ResidentAccounts.Created created = residentAccounts.create(resident.id(), resident.communityId(), resident.name(),
				s.passwordHash(), s.phoneCipher(), s.phoneIndex(), actor.name());
		if (!signUps.decide(id, "CONFIRMED", actor.name(), resident.id(), created.username())) {
			throw new ConflictException("The sign-up was decided meanwhile");
		}
		residentAccounts.audit(EnrolmentStep.SIGN_UP_CONFIRMED, created.username(), actor.name(), created.community().path(),
				null, "signUp=" + id + "; resident=" + resident.id());
		sms.send(cipher.decrypt(s.phoneCipher()), errors.message("accounts.sms.confirmed", created.username()));
		return created.username();
	}

	/** Rejects the sign-up; the resident is told by SMS to ask her community. */
	public void reject(long id) {
		Actor actor = AccountsAccess.requireEnrolment();
		ResidentSignUpRepository.Stored s = pending(actor, id);
		if (!signUps.decide(id, "REJECTED", actor.name(), null, null)) {
			throw new ConflictException("The sign-up was decided meanwhile");
		}
		residentAccounts.audit(EnrolmentStep.SIGN_UP_REJECTED, s.phoneMasked(), actor.name(), s.territoryPath(), null,
				"signUp=" + id);
		sms.send(cipher.decrypt(s.phoneCipher()), errors.message("accounts.sms.rejected"));
	}

	private ResidentSignUpRepository.Stored pending(Actor actor, long id) {
		return signUps.find(id).filter(s -> actor.covers(s.territoryPath())).filter(s -> "PENDING".equals(s.status()))
			.orElseThrow(() -> new NotFoundException("No waiting sign-up " + id));
	}

	private WaitingSignUp view(ResidentSignUpRepository.Stored s) {
		TerritoryNode community = territories.lookup(s.communityId()).orElse(null);
		return new WaitingSignUp(s.id(), s.name(), s.phoneMasked(), s.idSuffixMasked(),
				community == null ? null : community.code(), community == null ? null : community.name(), s.requestedAt());
	}
}
