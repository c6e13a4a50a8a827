package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.Problems;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balances, statements, the time bank and corrections of the service ledger. People see their own accounts; staff
 * see and correct the ledger of their jurisdiction; only community workers and above book time-bank spending and
 * reversals.
 */
@Service
public class ServiceHours {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The most hours one spending, donation or pool spending may move. */
	static final BigDecimal MAX_MOVE = new BigDecimal("100");

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final LedgerPolicy policy;

	private final ServiceBook book;

	private final Problems problems;

	private final Territories territories;

	private final ResidentRegister residents;

	ServiceHours(JdbcClient jdbc, Ledger ledger, LedgerPolicy policy, ServiceBook book, Problems problems,
			Territories territories, ResidentRegister residents) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.policy = policy;
		this.book = book;
		this.problems = problems;
		this.territories = territories;
		this.residents = residents;
	}

	// ------------------------------------------------------------------ queries

	/**
	 * A person's balance, for other modules' pages (a member's own page, a certificate). No jurisdiction check: the
	 * caller decides who may see whose balance.
	 */
	@Transactional(readOnly = true)
	public ServiceBalance balanceOf(String personKey) {
		if (personKey == null) {
			return ServiceBalance.none(null);
		}
		var counts = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN r.problem_solved THEN 1 ELSE 0 END), 0)
				FROM service_record r
				WHERE r.person_key = ? AND NOT EXISTS (SELECT 1 FROM ledger_transfer t JOIN ledger_transfer v
					ON v.reverses_id = t.id WHERE t.service_record_id = r.id AND t.kind = 'SERVICE')""")
			.param(personKey)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return new ServiceBalance(personKey, ledger.balance(HolderKind.PERSON, personKey, LedgerUnit.HOURS),
				ledger.balance(HolderKind.PERSON, personKey, LedgerUnit.POINTS),
				ledger.balance(HolderKind.TIME_BANK, personKey, LedgerUnit.HOURS), counts[0], counts[1]);
	}

	/** One line of a statement: a movement on one of the person's accounts. */
	public record Movement(long transferId, TransferKind kind, HolderKind account, LedgerUnit unit, BigDecimal amount,
			String reason, Instant bookedAt, boolean reversed) {
	}

	/** A service record as the person (or staff) sees it. */
	public record ServiceRecordView(long id, String personKey, String personName, ServiceSource source,
			String sourceRef, String category, String content, BigDecimal hours, boolean problemSolved,
			boolean elderlyCare, Instant deliveredAt, String confirmedBy, Long transferId, boolean reversed) {
	}

	/** The signed-in person's own page. */
	public record MyHours(ServiceBalance balance, boolean timeBankMember, BigDecimal timeBankCap, int spendingAge,
			List<ServiceRecordView> records, List<Movement> movements) {
	}

	@Transactional(readOnly = true)
	public MyHours mine() {
		Actor actor = person();
		return new MyHours(balanceOf(actor.name()), book.timeBankMember(actor.name()), policy.timeBankCap(),
				policy.spendingAge(), records("r.person_key = ?", List.of(actor.name()), 100), movements(actor.name(), 100));
	}

	/** A person's statement for staff: only records served inside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public List<ServiceRecordView> recordsOf(String personKey) {
		Actor actor = staff();
		return records("r.person_key = ? AND r.territory_path LIKE ?",
				List.of(personKey, actor.jurisdiction().likePattern()), 500);
	}

	/** A transfer with its entries, for the ledger page. */
	public record TransferView(long id, TransferKind kind, String reason, Long reversesId, boolean reversed,
			String territoryPath, String bookedBy, Instant bookedAt, List<EntryView> entries) {
	}

	public record EntryView(HolderKind kind, String holder, LedgerUnit unit, String displayName, BigDecimal amount) {
	}

	/** The latest transfers booked in the caller's jurisdiction (or under the node {@code territoryCode}). */
	@Transactional(readOnly = true)
	public List<TransferView> transfers(String territoryCode, int limit) {
		Actor actor = staff();
		String pattern = scopePattern(actor, territoryCode);
		List<Long> ids = jdbc.sql("""
				SELECT id FROM ledger_transfer WHERE territory_path LIKE ? ORDER BY booked_at DESC, id DESC LIMIT ?""")
			.params(pattern, Math.max(1, Math.min(limit, 500)))
			.query(Long.class)
			.list();
		return ids.stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public TransferView transfer(long id) {
		Actor actor = staff();
		TransferView t = view(id);
		if (!actor.covers(t.territoryPath())) {
			throw new NotFoundException("No such transfer");
		}
		return t;
	}

	private TransferView view(long id) {
		Ledger.TransferRow t = ledger.transfer(id).orElseThrow(() -> new NotFoundException("No such transfer"));
		List<EntryView> entries = ledger.entries(id).stream()
			.map(e -> new EntryView(e.kind(), e.ref(), e.unit(), e.displayName(), e.amount()))
			.toList();
		return new TransferView(t.id(), t.kind(), t.reason(), t.reversesId(), ledger.reversed(id), t.territoryPath(),
				t.bookedBy(), t.bookedAt(), entries);
	}

	// ------------------------------------------------------------------ time bank

	/** The signed-in person joins the time bank: from now on, elderly-care hours are also deposited there. */
	@Transactional
	public MyHours joinTimeBank() {
		Actor actor = person();
		jdbc.sql("""
				INSERT INTO time_bank_member (person_key, display_name, territory_path, joined_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(actor.name(), null, actor.territoryPath(), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return mine();
	}

	/** The signed-in person gives time-bank hours to the donation pool of her community. */
	@Transactional
	public MyHours donate(BigDecimal hours, String idempotencyKey) {
		Actor actor = person();
		policy.checkAmount(hours, MAX_MOVE).ifPresent(rule -> {
			throw problems.invalid("hours", rule, MAX_MOVE);
		});
		if (!book.timeBankMember(actor.name())) {
			throw problems.conflict("servicehours.timebank.not-member");
		}
		TerritoryNode community = communityOf(actor.territoryId())
			.orElseThrow(() -> problems.conflict("servicehours.donation.no-community"));
		String key = "donation:" + actor.name() + ":" + (idempotencyKey == null ? java.util.UUID.randomUUID() : idempotencyKey);
		ledger.post(TransferKind.DONATION, key, null, null, null, community.path(), actor.name(),
				List.of(new Ledger.Posting(new Ledger.AccountRef(HolderKind.TIME_BANK, actor.name(), LedgerUnit.HOURS, null,
						actor.territoryPath()), hours.negate()),
						new Ledger.Posting(new Ledger.AccountRef(HolderKind.DONATION_POOL, ServiceBook.communityRef(community.id()),
								LedgerUnit.HOURS, community.name(), community.path()), hours)));
		return mine();
	}

	/**
	 * Time-bank hours spent on care: from a holder's time bank, or (with no holder) from the community's donation
	 * pool. The one cared for must be a registered resident of the spending age or older; staff book it.
	 *
	 * @param personKey whose time bank pays, or {@code null} to pay from the donation pool
	 */
	public record SpendHours(String personKey, Long beneficiaryResidentId, Relation relation, BigDecimal hours,
			String service, String idempotencyKey) {
	}

	@Transactional
	public TransferView spend(SpendHours cmd) {
		Actor actor = staffWriter();
		List<Problems.FieldError> errors = new ArrayList<>();
		policy.checkAmount(cmd.hours(), MAX_MOVE).ifPresent(rule -> errors.add(new Problems.FieldError("hours", rule, MAX_MOVE)));
		if (cmd.service() == null || cmd.service().isBlank() || cmd.service().strip().length() > 200) {
			errors.add(new Problems.FieldError("service", "servicehours.spend.service.required"));
		}
		if (cmd.beneficiaryResidentId() == null) {
			errors.add(new Problems.FieldError("beneficiaryResidentId", "servicehours.spend.beneficiary.required"));
		}
		boolean fromPool = cmd.personKey() == null || cmd.personKey().isBlank();
		Relation relation = fromPool ? Relation.SELF : cmd.relation();
		if (!fromPool && relation == null) {
			errors.add(new Problems.FieldError("relation", "servicehours.timebank.relation.required"));
		}
		problems.failIfAny(errors);
		ResidentView beneficiary;
		try {
			beneficiary = residents.find(cmd.beneficiaryResidentId());
		}
		catch (NotFoundException e) {
			throw problems.invalid("beneficiaryResidentId", "servicehours.spend.beneficiary.unknown");
		}
		int age = Period.between(beneficiary.birthDate(), LocalDate.now(ZONE)).getYears();
		policy.checkBeneficiary(age, relation).ifPresent(rule -> {
			throw problems.conflict(rule, policy.spendingAge());
		});
		TerritoryNode community = territories.lookup(beneficiary.communityId()).orElseThrow();
		String provider = "provider:" + community.id();
		Ledger.AccountRef from = fromPool
				? new Ledger.AccountRef(HolderKind.DONATION_POOL, ServiceBook.communityRef(community.id()), LedgerUnit.HOURS,
						community.name(), community.path())
				: new Ledger.AccountRef(HolderKind.TIME_BANK, cmd.personKey().strip(), LedgerUnit.HOURS, null,
						community.path());
		if (!fromPool && ledger.findAccount(HolderKind.TIME_BANK, cmd.personKey().strip(), LedgerUnit.HOURS).isEmpty()) {
			throw problems.invalid("personKey", "servicehours.timebank.no-account");
		}
		String key = (fromPool ? "pool-spend:" : "spend:") + (cmd.idempotencyKey() == null
				? java.util.UUID.randomUUID() : actor.name() + ":" + cmd.idempotencyKey());
		long id = ledger.post(fromPool ? TransferKind.POOL_SPEND : TransferKind.TIME_BANK_SPEND, key, cmd.service().strip(),
				null, null, community.path(), actor.name(),
				List.of(new Ledger.Posting(from, cmd.hours().negate()), new Ledger.Posting(
						new Ledger.AccountRef(HolderKind.ORGANISATION, provider, LedgerUnit.HOURS, community.name(),
								community.path()), cmd.hours())));
		jdbc.sql("""
				INSERT INTO time_bank_spending (transfer_id, beneficiary_resident_id, relation, beneficiary_age, service)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(id, beneficiary.id(), relation.name(), age, cmd.service().strip())
			.update();
		return view(id);
	}

	// ------------------------------------------------------------------ corrections

	/**
	 * Corrects a transfer by booking its exact negation with a reason; the original stays as it was. A transfer is
	 * reversed at most once, a reversal is never reversed, and a reversal that would overdraw an account (hours
	 * already spent) is refused.
	 */
	@Transactional
	public TransferView reverse(long transferId, String reason) {
		Actor actor = staffWriter();
		if (reason == null || reason.isBlank()) {
			throw problems.invalid("reason", "servicehours.reverse.reason.required");
		}
		if (reason.strip().length() > 500) {
			throw problems.invalid("reason", "servicehours.reverse.reason.too-long");
		}
		Ledger.TransferRow t = ledger.transfer(transferId)
			.filter(x -> actor.covers(x.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No such transfer"));
		if (t.kind() == TransferKind.REVERSAL) {
			throw problems.conflict("servicehours.reverse.of-reversal");
		}
		if (ledger.reversed(transferId)) {
			throw problems.conflict("servicehours.reverse.already");
		}
		List<Ledger.Posting> negated = negation(transferId);
		Optional<Long> deposit = t.kind() == TransferKind.SERVICE && t.serviceRecordId() != null
				? ledger.transferByKey("deposit:" + t.serviceRecordId()).filter(d -> !ledger.reversed(d))
				: Optional.empty();
		List<Ledger.Posting> depositBack = deposit.map(this::negation).orElse(List.of());
		var all = new ArrayList<Ledger.AccountRef>();
		negated.forEach(p -> all.add(p.account()));
		depositBack.forEach(p -> all.add(p.account()));
		ledger.lockAll(all);
		// Checked again under the locks: a concurrent reversal of the same transfer has committed by now.
		if (ledger.reversed(transferId)) {
			throw problems.conflict("servicehours.reverse.already");
		}
		long id;
		try {
			id = ledger.post(TransferKind.REVERSAL, "reversal:" + transferId, reason.strip(), transferId, t.serviceRecordId(),
					t.territoryPath(), actor.name(), negated);
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			throw problems.conflict("servicehours.reverse.already");
		}
		// The time-bank deposit that came with a service record goes with it.
		if (deposit.isPresent()) {
			ledger.post(TransferKind.REVERSAL, "reversal:" + deposit.get(), reason.strip(), deposit.get(),
					t.serviceRecordId(), t.territoryPath(), actor.name(), depositBack);
		}
		return view(id);
	}

	// ------------------------------------------------------------------ helpers

	private List<Ledger.Posting> negation(long transferId) {
		return ledger.entries(transferId).stream()
			.map(e -> new Ledger.Posting(new Ledger.AccountRef(e.kind(), e.ref(), e.unit(), e.displayName(),
					e.territoryPath()), e.amount().negate()))
			.toList();
	}

	private List<ServiceRecordView> records(String where, List<Object> params, int limit) {
		return jdbc.sql("""
				SELECT r.id, r.person_key, r.person_name, r.source, r.source_ref, r.category, r.content, r.hours,
					r.problem_solved, r.elderly_care, r.delivered_at, r.confirmed_by,
					(SELECT MIN(t.id) FROM ledger_transfer t WHERE t.service_record_id = r.id AND t.kind = 'SERVICE'),
					(SELECT COUNT(*) FROM ledger_transfer t JOIN ledger_transfer v ON v.reverses_id = t.id
						WHERE t.service_record_id = r.id AND t.kind = 'SERVICE')
				FROM service_record r WHERE """ + " " + where + " ORDER BY r.delivered_at DESC, r.id DESC LIMIT " + limit)
			.params(params)
			.query((rs, n) -> new ServiceRecordView(rs.getLong(1), rs.getString(2), rs.getString(3),
					ServiceSource.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getBigDecimal(8), rs.getBoolean(9), rs.getBoolean(10),
					rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12), rs.getObject(13, Long.class),
					rs.getLong(14) > 0))
			.list();
	}

	private List<Movement> movements(String personKey, int limit) {
		return jdbc.sql("""
				SELECT t.id, t.kind, a.holder_kind, a.unit, e.amount, t.reason, t.booked_at,
					(SELECT COUNT(*) FROM ledger_transfer v WHERE v.reverses_id = t.id)
				FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id JOIN ledger_transfer t ON t.id = e.transfer_id
				WHERE a.holder_ref = ? AND a.holder_kind IN ('PERSON', 'TIME_BANK')
				ORDER BY t.booked_at DESC, t.id DESC, a.holder_kind, a.unit LIMIT ?""")
			.params(personKey, limit)
			.query((rs, n) -> new Movement(rs.getLong(1), TransferKind.valueOf(rs.getString(2)),
					HolderKind.valueOf(rs.getString(3)), LedgerUnit.valueOf(rs.getString(4)), rs.getBigDecimal(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8) > 0))
			.list();
	}

	Optional<TerritoryNode> communityOf(long nodeId) {
		TerritoryNode node = territories.lookup(nodeId).orElse(null);
		if (node == null) {
			return Optional.empty();
		}
		if (node.level() == TerritoryLevel.COMMUNITY) {
			return Optional.of(node);
		}
		Map<TerritoryLevel, TerritoryNode> chain = territories.lookupAll(node.ancestorIds()).stream()
			.collect(Collectors.toMap(TerritoryNode::level, n -> n, (a, b) -> a));
		return Optional.ofNullable(chain.get(TerritoryLevel.COMMUNITY));
	}

	/** The community on a territory path ("/1/2/40/41/..."), if the path reaches one. */
	Optional<TerritoryNode> communityOnPath(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isBlank()) {
				try {
					ids.add(Long.parseLong(part));
				}
				catch (NumberFormatException e) {
					return Optional.empty();
				}
			}
		}
		return territories.lookupAll(ids).stream().filter(n -> n.level() == TerritoryLevel.COMMUNITY).findFirst();
	}

	String scopePattern(Actor actor, String territoryCode) {
		if (territoryCode == null || territoryCode.isBlank()) {
			return actor.jurisdiction().likePattern();
		}
		TerritoryNode node = territories.lookupByCode(territoryCode.strip())
			.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No such territory in your jurisdiction"));
		return node.path() + "%";
	}

	private static Actor person() {
		Actor actor = CurrentActor.require();
		if (actor.isApiKey() || actor.accountId() == null) {
			throw new ForbiddenException("Only a signed-in person has service hours");
		}
		return actor;
	}

	static Actor staff() {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff() || actor.isApiKey()) {
			throw new ForbiddenException("Staff only");
		}
		return actor;
	}

	private static Actor staffWriter() {
		Actor actor = staff();
		if (!actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL,
				Role.ADMINISTRATOR)) {
			throw new ForbiddenException("Community workers and above book time-bank spending and corrections");
		}
		return actor;
	}
}
