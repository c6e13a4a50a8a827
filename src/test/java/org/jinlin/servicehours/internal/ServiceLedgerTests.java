package org.jinlin.servicehours.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jinlin.people.ResidentRegister;
import org.jinlin.servicehours.ServiceBalance;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceHours;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.servicehours.internal.LedgerViews.SpendHours;
import org.jinlin.servicehours.internal.LedgerViews.TransferView;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The service ledger against the database: service becomes balanced transfers; under concurrent transfers every
 * unit and every transfer still sums to zero, every balance equals the sum of its account's entries, nothing goes
 * below zero or above the cap, and no failed transfer leaves anything behind; the database refuses to update or
 * delete an entry; corrections are reversing transfers.
 */
@SpringBootTest
class ServiceLedgerTests {

	@Autowired
	ServiceRecording book;

	@Autowired
	ServiceHours hours;

	@Autowired
	TimeBank timeBank;

	@Autowired
	LedgerCorrections corrections;

	@Autowired
	HoursStatements statements;

	@Autowired
	ServiceFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	@Autowired
	ResidentRegister residents;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	static void actAs(Actor actor) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new TestPrincipal(actor), null,
				actor.roles().stream().map(Role::authority).toArray(String[]::new)));
	}

	Actor person(String name) {
		TerritoryNode junmen = junmen();
		return new Actor(99L, name, Set.of(Role.VOLUNTEER), junmen.id(), junmen.path(), null, null);
	}

	Actor worker() {
		TerritoryNode junmen = junmen();
		return new Actor(5L, "junmen", Set.of(Role.COMMUNITY_WORKER), junmen.id(), junmen.path(), null, null);
	}

	TerritoryNode junmen() {
		return territories.lookupByCode("350102004001").orElseThrow();
	}

	@org.junit.jupiter.api.BeforeEach
	void chinese() {
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE, true);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	ServiceDelivered service(String person, String ref, String h, boolean elderly) {
		TerritoryNode junmen = junmen();
		return new ServiceDelivered(person, "测试" + person.substring(person.length() - 2), junmen.id(), junmen.path(),
				ServiceSource.ACTIVITY, ref, elderly ? "ELDERLY" : "GREENERY", "测试服务", new BigDecimal(h), false, elderly,
				Instant.now(), "junmen");
	}

	void join(String person) {
		actAs(person(person));
		timeBank.join();
		SecurityContextHolder.clearContext();
	}

	ResidentView anElderOfJunmen() {
		String path = junmen().path();
		return residents.lookupAll(residents.lookupActiveBornOnOrBefore(LocalDate.now().minusYears(65))).stream()
			.filter(r -> r.territoryPath().startsWith(path))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void serviceIsCreditedOnceAsBalancedTransfersWithPointsAndATimeBankDeposit() {
		String p = "ledger-" + UUID.randomUUID();
		join(p);
		String ref = "wish:" + UUID.randomUUID();
		assertThat(book.record(service(p, ref, "2.5", true))).isPresent();
		assertThat(book.record(service(p, ref, "2.5", true))).as("a repeat changes nothing").isEmpty();
		ServiceBalance b = hours.balanceOf(p);
		assertThat(b.hours()).isEqualByComparingTo("2.5");
		assertThat(b.points()).isEqualByComparingTo("2.5");
		assertThat(b.timeBank()).isEqualByComparingTo("2.5");
		assertThat(b.personTimes()).isEqualTo(1);
		// A non-elderly service credits hours but deposits nothing.
		book.record(service(p, "activity:" + UUID.randomUUID(), "1", false));
		assertThat(hours.balanceOf(p).hours()).isEqualByComparingTo("3.5");
		assertThat(hours.balanceOf(p).timeBank()).isEqualByComparingTo("2.5");
		assertThat(unbalancedTransfers()).isEmpty();
	}

	@Test
	void theDatabaseRefusesToUpdateOrDeleteAnyLedgerRow() {
		String p = "ledger-" + UUID.randomUUID();
		book.record(service(p, "wish:" + UUID.randomUUID(), "1", false));
		long entry = jdbc.sql("""
				SELECT e.id FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
				WHERE a.holder_ref = ? AND a.unit = 'HOURS'""").param(p).query(Long.class).single();
		long transfer = jdbc.sql("SELECT transfer_id FROM ledger_entry WHERE id = ?").param(entry).query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET amount = 1000 WHERE id = ?").param(entry).update())
			.isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE id = ?").param(entry).update())
			.isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_transfer SET reason = 'x' WHERE id = ?").param(transfer).update())
			.isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_transfer WHERE id = ?").param(transfer).update())
			.isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("UPDATE service_record SET hours = 9 WHERE person_key = ?").param(p).update())
			.isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
		assertThat(hours.balanceOf(p).hours()).isEqualByComparingTo("1");
	}

	@Test
	void aCorrectionIsAReversingTransferWithAReasonOnceOnly() {
		String p = "ledger-" + UUID.randomUUID();
		join(p);
		long record = book.record(service(p, "wish:" + UUID.randomUUID(), "3", true)).orElseThrow();
		long transfer = jdbc.sql("SELECT id FROM ledger_transfer WHERE service_record_id = ? AND kind = 'SERVICE'")
			.param(record).query(Long.class).single();
		actAs(worker());
		assertThatThrownBy(() -> corrections.reverse(transfer, " ")).isInstanceOf(ValidationFailedException.class);
		TransferView reversal = corrections.reverse(transfer, "重复登记");
		assertThat(reversal.kind()).isEqualTo(TransferKind.REVERSAL);
		assertThat(reversal.reversesId()).isEqualTo(transfer);
		assertThat(hours.balanceOf(p).hours()).isEqualByComparingTo("0");
		assertThat(hours.balanceOf(p).timeBank()).as("the deposit goes with it").isEqualByComparingTo("0");
		assertThat(hours.balanceOf(p).personTimes()).isZero();
		assertThatThrownBy(() -> corrections.reverse(transfer, "再来一次")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> corrections.reverse(reversal.id(), "冲正的冲正")).isInstanceOf(ConflictException.class);
		// The original is still there, unchanged.
		assertThat(statements.transfer(transfer).entries()).hasSize(4);
		assertThat(unbalancedTransfers()).isEmpty();
	}

	@Test
	void timeBankHoursPayOnlyForEldersAndNeverOverdraw() {
		String p = "ledger-" + UUID.randomUUID();
		join(p);
		book.record(service(p, "visit:" + UUID.randomUUID(), "2", true));
		ResidentView elder = anElderOfJunmen();
		actAs(worker());
		assertThatThrownBy(() -> timeBank.spend(new SpendHours(p, elder.id(), Relation.PARENT,
				new BigDecimal("2.01"), "助浴", null))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("余额不足");
		TransferView spent = timeBank.spend(new SpendHours(p, elder.id(), Relation.PARENT,
				new BigDecimal("1.5"), "助浴", null));
		assertThat(spent.kind()).isEqualTo(TransferKind.TIME_BANK_SPEND);
		assertThat(hours.balanceOf(p).timeBank()).isEqualByComparingTo("0.5");
		ResidentView young = residents.lookupAll(jdbc.sql("SELECT id FROM resident WHERE birth_date > ? AND territory_path LIKE ?")
			.params(LocalDate.now().minusYears(40), junmen().path() + "%").query(Long.class).list()).get(0);
		assertThatThrownBy(() -> timeBank.spend(new SpendHours(p, young.id(), Relation.SELF,
				new BigDecimal("0.5"), "助浴", null))).isInstanceOf(ConflictException.class).hasMessageContaining("60");
		assertThatThrownBy(() -> timeBank.spend(new SpendHours(p, elder.id(), null, new BigDecimal("0.5"), "助浴", null)))
			.isInstanceOf(ValidationFailedException.class);
	}

	/**
	 * Eight threads move hours at once — service credits with deposits, donations, spending from time banks and
	 * the pool, reversals — many of them refused for want of balance. Afterwards the books must still balance.
	 */
	@Test
	void theLedgerInvariantsHoldUnderConcurrentTransfers() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String p = "conc-" + run + "-" + i;
			people.add(p);
			join(p);
			book.record(service(p, "seed:" + run + ":" + i, "4", true));
		}
		ResidentView elder = anElderOfJunmen();
		List<Long> reversible = Collections.synchronizedList(new ArrayList<>(jdbc.sql("""
				SELECT t.id FROM ledger_transfer t JOIN service_record r ON r.id = t.service_record_id
				WHERE t.kind = 'SERVICE' AND r.person_key LIKE ?""").param("conc-" + run + "-%").query(Long.class).list()));
		Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
		List<Long> reversedOriginals = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			long seed = 42 + t;
			futures.add(pool.submit(() -> {
				Random random = new Random(seed);
				for (int i = 0; i < 25; i++) {
					String p = people.get(random.nextInt(people.size()));
					BigDecimal h = BigDecimal.valueOf(25 + random.nextInt(300), 2);
					int op = random.nextInt(5);
					String name = switch (op) { case 0 -> "service"; case 1 -> "donate"; case 2 -> "spend";
						case 3 -> "pool"; default -> "reverse"; };
					try {
						switch (op) {
							case 0 -> book.record(service(p, "conc:" + UUID.randomUUID(), h.toPlainString(), true));
							case 1 -> {
								actAs(person(p));
								timeBank.donate(h, null);
							}
							case 2 -> {
								actAs(worker());
								timeBank.spend(new SpendHours(p, elder.id(), Relation.PARENT, h, "助餐", null));
							}
							case 3 -> {
								actAs(worker());
								timeBank.spend(new SpendHours(null, elder.id(), null, h, "助洁", null));
							}
							default -> {
								actAs(worker());
								if (reversible.isEmpty()) {
									continue;
								}
								long id = reversible.get(random.nextInt(reversible.size()));
								corrections.reverse(id, "并发测试冲正");
								reversedOriginals.add(id);
							}
						}
						ok.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
					}
					catch (ConflictException expected) {
						refused.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();

		assertThat(ok.values().stream().mapToInt(AtomicInteger::get).sum()).as("most operations went through").isGreaterThan(60);
		assertThat(refused.values().stream().mapToInt(AtomicInteger::get).sum()).as("some were refused").isPositive();

		// 1. All movements sum to zero, per unit and per transfer.
		assertThat(jdbc.sql("SELECT a.unit, SUM(e.amount) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id GROUP BY a.unit")
			.query((rs, n) -> rs.getBigDecimal(2)).list()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("0"));
		assertThat(unbalancedTransfers()).isEmpty();

		// 2. Every balance equals the sum of its account's movements; nobody but an issuer below zero; the cap holds.
		for (String p : people) {
			ServiceBalance b = hours.balanceOf(p);
			assertThat(b.hours()).isEqualByComparingTo(sumOf(p, "PERSON", "HOURS"));
			assertThat(b.points()).isEqualByComparingTo(sumOf(p, "PERSON", "POINTS"));
			assertThat(b.timeBank()).isEqualByComparingTo(sumOf(p, "TIME_BANK", "HOURS"));
			assertThat(b.hours().signum()).isNotNegative();
			assertThat(b.timeBank().signum()).isNotNegative();
			assertThat(b.timeBank()).isLessThanOrEqualTo(new BigDecimal("1500"));
		}
		assertThat(jdbc.sql("""
				SELECT a.id FROM ledger_account a JOIN ledger_entry e ON e.account_id = a.id
				WHERE a.holder_kind <> 'ORGANISATION' GROUP BY a.id HAVING SUM(e.amount) < 0""").query(Long.class).list())
			.isEmpty();

		// 3. Nothing lost, nothing half-written: one transfer per accepted donation and spending, each reversal once.
		assertThat(count("DONATION", "conc-" + run + "-%")).isEqualTo(okCount(ok, "donate"));
		assertThat(count("TIME_BANK_SPEND", "conc-" + run + "-%")).isEqualTo(okCount(ok, "spend"));
		for (Long original : reversedOriginals) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_transfer WHERE reverses_id = ?").param(original)
				.query(Long.class).single()).isEqualTo(1);
		}
		assertThat(reversedOriginals).doesNotHaveDuplicates();
	}

	BigDecimal sumOf(String ref, String kind, String unit) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
				WHERE a.holder_ref = ? AND a.holder_kind = ? AND a.unit = ?""").params(ref, kind, unit)
			.query(BigDecimal.class).single();
	}

	long count(String kind, String personPattern) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT t.id) FROM ledger_transfer t JOIN ledger_entry e ON e.transfer_id = t.id
				JOIN ledger_account a ON a.id = e.account_id
				WHERE t.kind = ? AND a.holder_kind = 'TIME_BANK' AND a.holder_ref LIKE ?""").params(kind, personPattern)
			.query(Long.class).single();
	}

	static long okCount(Map<String, AtomicInteger> ok, String name) {
		return ok.getOrDefault(name, new AtomicInteger()).get();
	}

	List<Long> unbalancedTransfers() {
		return jdbc.sql("""
				SELECT e.transfer_id FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
				GROUP BY e.transfer_id, a.unit HAVING SUM(e.amount) <> 0""").query(Long.class).list();
	}
}
