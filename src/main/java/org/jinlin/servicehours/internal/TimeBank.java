package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.servicehours.internal.LedgerViews.MyHours;
import org.jinlin.servicehours.internal.LedgerViews.SpendHours;
import org.jinlin.servicehours.internal.LedgerViews.TransferView;
import org.jinlin.servicehours.internal.TransferPosting.AccountRef;
import org.jinlin.servicehours.internal.TransferPosting.Posting;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time bank: a person joins it and donates hours to her community's pool; staff book hours spent on the care of
 * an elder of the spending age, from a holder's time bank or from the pool.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class TimeBank {

	/** The most hours one spending, donation or pool spending may move. */
	static final BigDecimal MAX_MOVE = new BigDecimal("100");

	private final TransferPosting posting;

	private final LedgerRepository ledger;

	private final TimeBankRepository timeBank;

	private final LedgerPolicy policy;

	private final HoursStatements statements;

	private final ServiceTerritories territories;

	private final ResidentRegister residents;

	private final FieldErrors problems;

	/** The signed-in person joins the time bank: from now on, elderly-care hours are also deposited there. */
	public MyHours join() {
		Actor actor = ServiceHoursAccess.requirePerson();
		timeBank.join(actor.name(), null, actor.territoryPath(), OffsetDateTime.now(ZoneOffset.UTC));
		return statements.mine();
	}

	/** The signed-in person gives time-bank hours to the donation pool of her community. */
	public MyHours donate(BigDecimal hours, String idempotencyKey) {
		Actor actor = ServiceHoursAccess.requirePerson();
		policy.checkAmount(hours, MAX_MOVE).ifPresent(rule -> {
			throw problems.invalid("hours", rule, MAX_MOVE);
		});
		if (!timeBank.isMember(actor.name())) {
			throw problems.conflict("servicehours.timebank.not-member");
		}
		TerritoryNode community = territories.communityOf(actor.territoryId())
			.orElseThrow(() -> problems.conflict("servicehours.donation.no-community"));
		String key = "donation:" + actor.name() + ":" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
		posting.post(TransferKind.DONATION, key, null, null, null, community.path(), actor.name(),
				List.of(new Posting(new AccountRef(HolderKind.TIME_BANK, actor.name(), LedgerUnit.HOURS, null,
						actor.territoryPath()), hours.negate()),
						new Posting(new AccountRef(HolderKind.DONATION_POOL, ServiceRecording.communityRef(community.id()),
								LedgerUnit.HOURS, community.name(), community.path()), hours)));
		return statements.mine();
	}

	/** Staff book time-bank (or, without a holder, donation-pool) hours spent on an elder's care. */
	public TransferView spend(SpendHours cmd) {
		Actor actor = ServiceHoursAccess.requireWriter();
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		policy.checkAmount(cmd.hours(), MAX_MOVE).ifPresent(rule -> errors.add(new FieldErrors.FieldError("hours", rule, MAX_MOVE)));
		if (cmd.service() == null || cmd.service().isBlank() || cmd.service().strip().length() > 200) {
			errors.add(new FieldErrors.FieldError("service", "servicehours.spend.service.required"));
		}
		if (cmd.beneficiaryResidentId() == null) {
			errors.add(new FieldErrors.FieldError("beneficiaryResidentId", "servicehours.spend.beneficiary.required"));
		}
		boolean fromPool = cmd.personKey() == null || cmd.personKey().isBlank();
		Relation relation = fromPool ? Relation.SELF : cmd.relation();
		if (!fromPool && relation == null) {
			errors.add(new FieldErrors.FieldError("relation", "servicehours.timebank.relation.required"));
		}
		problems.failIfAny(errors);
		ResidentView beneficiary;
		try {
			beneficiary = residents.find(cmd.beneficiaryResidentId());
		}
		catch (NotFoundException e) {
			throw problems.invalid("beneficiaryResidentId", "servicehours.spend.beneficiary.unknown");
		}
		int age = Period.between(beneficiary.birthDate(), LocalDate.now(LedgerPolicy.ZONE)).getYears();
		policy.checkBeneficiary(age, relation).ifPresent(rule -> {
			throw problems.conflict(rule, policy.spendingAge());
		});
		TerritoryNode community = territories.lookup(beneficiary.communityId()).orElseThrow();
		String provider = "provider:" + community.id();
		AccountRef from = fromPool
				? new AccountRef(HolderKind.DONATION_POOL, ServiceRecording.communityRef(community.id()), LedgerUnit.HOURS,
						community.name(), community.path())
				: new AccountRef(HolderKind.TIME_BANK, cmd.personKey().strip(), LedgerUnit.HOURS, null, community.path());
		if (!fromPool && ledger.findAccount(HolderKind.TIME_BANK, cmd.personKey().strip(), LedgerUnit.HOURS).isEmpty()) {
			throw problems.invalid("personKey", "servicehours.timebank.no-account");
		}
		String key = (fromPool ? "pool-spend:" : "spend:") + (cmd.idempotencyKey() == null
				? UUID.randomUUID() : actor.name() + ":" + cmd.idempotencyKey());
		long id = posting.post(fromPool ? TransferKind.POOL_SPEND : TransferKind.TIME_BANK_SPEND, key,
				cmd.service().strip(), null, null, community.path(), actor.name(),
				List.of(new Posting(from, cmd.hours().negate()), new Posting(
						new AccountRef(HolderKind.ORGANISATION, provider, LedgerUnit.HOURS, community.name(),
								community.path()), cmd.hours())));
		timeBank.recordSpending(id, beneficiary.id(), relation, age, cmd.service().strip());
		return statements.view(id);
	}
}
