package org.jinlin.people;

import org.jinlin.people.internal.ResidentRegistration;

import java.util.ArrayList;
import java.util.List;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ResidentRegistration#registerAll}: all-or-nothing with row errors, batches, history and events. */
@SpringBootTest
@RecordApplicationEvents
class ResidentBulkRegistrationTests {

	@Autowired
	ResidentRegister register;

	@Autowired
	ResidentRegistration registration;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void signOut() {
		ResidentFixtures.signOut();
	}

	Actor junmen() {
		TerritoryNode community = territories.lookupByCode("350102004001").orElseThrow();
		return ResidentFixtures.staff("junmen-bulk", Role.COMMUNITY_WORKER, community.id(), community.path());
	}

	long building(String code) {
		return territories.lookupByCode(code).orElseThrow().id();
	}

	long residents() {
		return jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single();
	}

	@Test
	void insertsManyRowsInBatchesWithHistoryAndOneEventPerBatch() {
		long b1 = building("350102004001G01C01B01");
		long b2 = building("350102004001G01C01B02");
		List<RegisterResident> drafts = new ArrayList<>();
		for (int i = 0; i < 2_500; i++) {
			RegisterResident d = ResidentFixtures.draft("批量" + i, i % 2 == 0 ? b1 : b2);
			drafts.add(new RegisterResident(d.name(), d.gender(), d.birthDate(), d.idNumber(), i % 3 == 0 ? null : d.phone(),
					d.buildingId(), String.valueOf(1 + i % 3), String.valueOf(100 + i % 40), d.tags(), null));
		}
		long before = residents();
		ImportResult result = tx.execute(s -> registration.registerAll(junmen(), drafts, "2026年人口普查导入"));
		assertThat(result.ok()).isTrue();
		assertThat(result.inserted()).isEqualTo(2_500);
		assertThat(residents()).isEqualTo(before + 2_500);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM resident_change c JOIN resident r ON r.id = c.resident_id WHERE r.created_by = 'junmen-bulk' AND c.change_type = 'REGISTERED' AND c.reason = '2026年人口普查导入'")
			.query(Long.class).single()).isEqualTo(2_500);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM resident WHERE created_by = 'junmen-bulk' AND registration_channel = 'IMPORT'")
			.query(Long.class).single()).isEqualTo(2_500);
		// 2 buildings x 3 units x 40 rooms at most
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT household_id) FROM resident WHERE created_by = 'junmen-bulk'")
			.query(Long.class).single()).isBetween(1L, 240L);
		assertThat(events.stream(ResidentsRegistered.class)).hasSize(3)
			.allSatisfy(e -> assertThat(e.by()).isEqualTo("junmen-bulk"))
			.extracting(e -> e.residentIds().size()).containsExactly(1000, 1000, 500);

		ResidentFixtures.signIn(junmen());
		ResidentQuery imported = new ResidentQuery("批量", null, null, null, null, 0, 50);
		assertThat(register.count(imported)).isEqualTo(2_500);
		assertThat(register.search(imported).items()).hasSize(50);
		assertThat(register.search(imported.withPage(49)).items()).hasSize(50);
		assertThat(register.search(imported.withPage(50)).items()).isEmpty();
		List<ResidentRow> exported = new ArrayList<>();
		register.export(imported, exported::add);
		assertThat(exported).hasSize(2_500).allSatisfy(r -> assertThat(r.idNumberMasked()).contains("**********"));
		assertThat(exported).extracting(ResidentRow::id).doesNotHaveDuplicates().isSorted();
		RegisterResident first = drafts.get(0);
		assertThat(register.findByIdNumber(first.idNumber().toLowerCase())).get()
			.satisfies(v -> assertThat(v.name()).isEqualTo("批量0"))
			.satisfies(v -> assertThat(v.phoneMasked()).isNull());
	}

	@Test
	void reportsRowErrorsAndInsertsNothing() {
		long junmenBuilding = building("350102004001G01C01B01");
		long ziyangBuilding = building("350111003001G01C01B01");
		RegisterResident ok = ResidentFixtures.draft("正常", junmenBuilding);
		RegisterResident existing = ResidentFixtures.draft("已登记", junmenBuilding);
		tx.execute(s -> registration.registerAll(junmen(), List.of(existing), null));
		RegisterResident badCheck = new RegisterResident("校验错", ok.gender(), ok.birthDate(),
				ok.idNumber().substring(0, 17) + (ok.idNumber().endsWith("1") ? "2" : "1"), null, junmenBuilding, null,
				null, null, null);
		List<RegisterResident> drafts = List.of(ok, // 0 fine
				ResidentFixtures.draft("外辖区", ziyangBuilding), // 1 building outside jurisdiction
				ok, // 2 duplicate of row 0
				existing, // 3 already in the register
				badCheck); // 4 check digit
		long before = residents();
		ImportResult result = tx.execute(s -> registration.registerAll(junmen(), drafts, "导入"));
		assertThat(result.inserted()).isZero();
		assertThat(result.errors()).extracting(ImportResult.RowError::index, ImportResult.RowError::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple(1, "people.error.buildingId.unknown"),
				org.assertj.core.groups.Tuple.tuple(2, "people.error.idNumber.duplicateInList"),
				org.assertj.core.groups.Tuple.tuple(3, "people.error.idNumber.duplicate"),
				org.assertj.core.groups.Tuple.tuple(4, "people.error.idNumber.checksum"));
		assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain(ok.idNumber()));
		assertThat(residents()).isEqualTo(before);
	}

	@Test
	void onlyWritersMayImport() {
		TerritoryNode street = territories.lookupByCode("350102004000").orElseThrow();
		Actor official = ResidentFixtures.staff("dongjie-bulk", Role.STREET_OFFICIAL, street.id(), street.path());
		assertThatThrownBy(() -> registration.registerAll(official, List.of(), null)).isInstanceOf(ForbiddenException.class);
	}
}
