package org.jinlin.accounts.internal;

import java.time.Duration;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.EnrolmentStep;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff (community worker and above, within their jurisdiction) create the account of a resident who cannot sign up
 * herself, or take the one she has, and print an invitation: a one-time link, shown once as a QR code, with which she
 * (or her family) sets the password. Only the token's hash is kept; a new invitation closes the earlier ones.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ResidentInvitations {

	public static final Duration VALIDITY = Duration.ofDays(14);

	private final ResidentRegister register;

	private final AccountRepository accounts;

	private final InvitationRepository invitations;

	private final ResidentAccounts residentAccounts;

	private final AdministeredNodes messages;

	private final PasswordEncoder encoder;

	/** An issued invitation: the token in clear exists only in this answer. */
	public record IssuedInvitation(String username, String displayName, String token, Instant expiresAt,
			boolean newAccount) {

		@Override
		public String toString() {
			return "IssuedInvitation[username=" + username + "]";
		}
	}

	/** An open invitation as the person opening the link sees it. */
	public record OpenInvitation(String username, String displayName, Instant expiresAt) {
	}

	/** The resident (in the actor's jurisdiction, else 404) and whether she has an account, for the staff form. */
	@Transactional(readOnly = true)
	public ResidentAccountStatus status(long residentId) {
		AccountsAccess.requireEnrolment();
		ResidentView resident = register.find(residentId);
		return new ResidentAccountStatus(resident, accounts.findByResident(residentId).map(AccountRepository.AccountRow::username)
			.orElse(null));
	}

	/** A resident and the sign-in name of her account, if she has one. */
	public record ResidentAccountStatus(ResidentView resident, String username) {
	}

	/** Creates (or takes) the resident's account and issues an invitation for it. */
	public IssuedInvitation issue(long residentId) {
		Actor actor = AccountsAccess.requireEnrolment();
		ResidentView resident = register.find(residentId);
		if (resident.status() != ResidentStatus.ACTIVE || !actor.covers(resident.territoryPath())) {
			throw new NotFoundException("No active resident " + residentId);
		}
		boolean created = false;
		AccountRepository.AccountRow account = accounts.findByResident(residentId).orElse(null);
		if (account == null) {
			// no password anybody knows until the invitation is used
			ResidentAccounts.Created c = residentAccounts.create(residentId, resident.communityId(), resident.name(),
					encoder.encode(PhoneCodeRules.newToken()), null, null, actor.name());
			account = accounts.findById(c.id()).orElseThrow();
			created = true;
		}
		else if (!account.enabled()) {
			throw new ConflictException(messages.text("accounts.error.invitation.disabled"));
		}
		String token = PhoneCodeRules.newToken();
		Instant expires = Instant.now().plus(VALIDITY);
		invitations.closeOpen(account.id());
		invitations.insert(account.id(), PhoneCodeRules.sha256(token), account.territoryPath(), actor.name(), expires);
		residentAccounts.audit(EnrolmentStep.INVITATION_ISSUED, account.username(), actor.name(), account.territoryPath(),
				null, "resident=" + residentId + (created ? "; account created" : "; existing account"));
		return new IssuedInvitation(account.username(), account.displayName(), token, expires, created);
	}

	/** The open invitation of this token, or 404 (unknown, used or expired: the same answer). */
	@Transactional(readOnly = true)
	public OpenInvitation open(String token) {
		InvitationRepository.Open open = find(token);
		AccountRepository.AccountRow account = accounts.findById(open.accountId()).orElseThrow();
		return new OpenInvitation(account.username(), account.displayName(), open.expiresAt());
	}

	/** Sets the password with the invitation, which is then used up; answers the sign-in name. */
	public String accept(String token, String password, String repeated, String source) {
		InvitationRepository.Open open = find(token);
		AccountRepository.AccountRow account = accounts.findById(open.accountId()).orElseThrow();
		String error = PasswordRules.check(account.username(), password);
		if (error == null && !password.equals(repeated)) {
			error = "accounts.error.password.repeat";
		}
		if (error != null) {
			throw ValidationFailedException.field("password", messages.text(error));
		}
		if (!invitations.use(open.id())) {
			throw new NotFoundException("Invitation used meanwhile");
		}
		accounts.setPassword(account.id(), encoder.encode(password));
		residentAccounts.audit(EnrolmentStep.INVITATION_USED, account.username(), account.username(), account.territoryPath(),
				source, null);
		return account.username();
	}

	private InvitationRepository.Open find(String token) {
		if (token == null || token.length() < 20 || token.length() > 64) {
			throw new NotFoundException("No open invitation");
		}
		return invitations.findOpen(PhoneCodeRules.sha256(token), Instant.now())
			.orElseThrow(() -> new NotFoundException("No open invitation"));
	}

}
