package org.jinlin.demo;

import org.jinlin.people.internal.ResidentDraftValidation;

import org.jinlin.people.RegisterResident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jinlin.demo.DemoResidentGenerator.Building;
import org.jinlin.demo.DemoResidentGenerator.DemoResident;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic residents are deterministic and realistic, and every ID number is valid. */
class DemoResidentGeneratorTests {

	static final String[] DISTRICTS = { "350102", "350103", "350104", "350105", "350111", "350112", "350121", "350122",
			"350123", "350124", "350125", "350128", "350181" };

	/** A city shaped like the demo city: 450 communities of 12 buildings, the named ones included. */
	static List<Building> buildings() {
		List<Building> buildings = new ArrayList<>();
		long id = 1000;
		List<String> communities = new ArrayList<>(List.of(DemoResidentGenerator.JUNMEN, DemoResidentGenerator.PINGSHAN,
				DemoResidentGenerator.ZIYANG));
		for (int i = 0; communities.size() < 450; i++) {
			String district = DISTRICTS[i % DISTRICTS.length];
			communities.add(district + String.format("%03d", 100 + i / DISTRICTS.length) + (i % 3 == 0 ? "201" : "001"));
		}
		for (String community : communities) {
			boolean rural = community.endsWith("201");
			for (int b = 1; b <= 12; b++) {
				buildings.add(new Building(id++, community + "G01C01B" + String.format("%02d", b), community,
						community.substring(0, 6), rural));
			}
		}
		return buildings;
	}

	final List<DemoResident> residents = new DemoResidentGenerator().generate(buildings());

	@Test
	void isDeterministic() {
		List<DemoResident> again = new DemoResidentGenerator().generate(buildings());
		assertThat(again).hasSameSizeAs(residents);
		for (int i = 0; i < residents.size(); i++) {
			assertThat(again.get(i)).usingRecursiveComparison().isEqualTo(residents.get(i));
		}
	}

	@Test
	void aFewThousandResidentsWithManyInJunmen() {
		assertThat(residents).hasSizeBetween(3_000, 5_000);
		long junmen = residents.stream().filter(r -> r.communityCode().equals(DemoResidentGenerator.JUNMEN)).count();
		assertThat(junmen).isBetween(300L, 310L);
		assertThat(residents.stream().map(DemoResident::communityCode).distinct().count()).isEqualTo(450);
	}

	@Test
	void agePyramidIsRealistic() {
		double elderly = residents.stream().filter(r -> r.age() >= 60).count() / (double) residents.size();
		assertThat(elderly).isBetween(0.14, 0.19);
		assertThat(residents.stream().filter(r -> r.age() >= 80).count()).isGreaterThan(30);
		assertThat(residents).allSatisfy(r -> assertThat(r.age()).isBetween(0, 96));
		double children = residents.stream().filter(r -> r.age() < 15).count() / (double) residents.size();
		assertThat(children).isBetween(0.08, 0.22);
		long women = residents.stream().filter(r -> !r.male()).count();
		assertThat(women / (double) residents.size()).isBetween(0.45, 0.55);
	}

	@Test
	void idNumbersAreValidUniqueAndMatchTheResident() {
		Set<String> seen = new HashSet<>();
		for (DemoResident r : residents) {
			String id = r.idNumber();
			assertThat(id).matches("\\d{17}[\\dX]");
			assertThat(seen.add(id)).as("unique").isTrue();
			assertThat(id.charAt(17)).isEqualTo(DemoResidentGenerator.checkChar(id.substring(0, 17)));
			assertThat(id.substring(0, 6)).isEqualTo(r.communityCode().substring(0, 6)).isNotEqualTo("350100");
			assertThat(LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
				.isEqualTo(r.birthDate());
			assertThat((id.charAt(16) - '0') % 2 == 1).isEqualTo(r.male());
		}
		// A published example of GB 11643-1999 checks the check-character algorithm itself.
		assertThat(DemoResidentGenerator.checkChar("11010519491231002")).isEqualTo('X');
	}

	@Test
	void phonesAreUniqueMainlandMobiles() {
		List<String> phones = residents.stream().map(DemoResident::phone).filter(p -> p != null).toList();
		assertThat(phones).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).matches("1[358]\\d{9}"));
		assertThat(phones.size()).isGreaterThan(residents.size() * 3 / 4);
		assertThat(residents).filteredOn(r -> r.age() < 12).allSatisfy(r -> assertThat(r.phone()).isNull());
	}

	@Test
	void householdsShareOneAddressAndHaveOneToFiveMembers() {
		Map<Integer, List<DemoResident>> households = residents.stream()
			.collect(Collectors.groupingBy(DemoResident::household));
		Set<String> addresses = new HashSet<>();
		households.values().forEach(members -> {
			assertThat(members).hasSizeBetween(1, 5);
			DemoResident first = members.get(0);
			assertThat(members).allSatisfy(m -> {
				assertThat(m.buildingId()).isEqualTo(first.buildingId());
				assertThat(m.unit()).isEqualTo(first.unit());
				assertThat(m.room()).isEqualTo(first.room());
			});
			assertThat(addresses.add(first.buildingId() + "|" + first.unit() + "|" + first.room())).isTrue();
		});
		assertThat(households.values().stream().mapToInt(List::size).max().orElseThrow()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void tagsFollowTheHouseholds() {
		Map<Integer, List<DemoResident>> households = residents.stream()
			.collect(Collectors.groupingBy(DemoResident::household));
		for (DemoResident r : residents) {
			boolean alone = households.get(r.household()).size() == 1;
			assertThat(r.tags().contains("LIVING_ALONE")).as("living alone").isEqualTo(alone && r.age() >= 60);
			if (r.tags().contains("EMPTY_NEST")) {
				assertThat(households.get(r.household())).allSatisfy(m -> assertThat(m.age()).isGreaterThanOrEqualTo(58));
			}
			if (r.tags().contains("PARTY_MEMBER")) {
				assertThat(r.age()).isGreaterThanOrEqualTo(18);
			}
		}
		assertThat(residents).allSatisfy(r -> assertThat(r.tags()).isSubsetOf("LIVING_ALONE", "EMPTY_NEST", "DISABLED",
				"LOW_INCOME", "PARTY_MEMBER", "VETERAN"));
		double party = share("PARTY_MEMBER");
		assertThat(party).isBetween(0.02, 0.12);
		assertThat(share("LIVING_ALONE")).isBetween(0.01, 0.08);
		assertThat(share("DISABLED")).isBetween(0.005, 0.05);
		assertThat(share("LOW_INCOME")).isBetween(0.01, 0.08);
		assertThat(residents.stream().map(DemoResident::channel).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder("SELF", "PHONE_CALL", "DOOR_TO_DOOR", "OFFICE", "IMPORT");
	}

	private double share(String tag) {
		return residents.stream().filter(r -> r.tags().contains(tag)).count() / (double) residents.size();
	}

	@Test
	void namesAreRealisticWithFuzhouSurnames() {
		assertThat(residents).allSatisfy(r -> assertThat(r.name()).matches("[\\u4e00-\\u9fa5]{2,3}"));
		Map<String, Long> surnames = residents.stream()
			.collect(Collectors.groupingBy(r -> r.name().substring(0, 1), Collectors.counting()));
		List<String> top = surnames.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(3).map(Map.Entry::getKey).toList();
		assertThat(top).contains("陈", "林");
		assertThat(residents.stream().map(DemoResident::name).distinct().count()).isGreaterThan(residents.size() / 3);
	}

	@Test
	void theStoryResidentsExist() {
		assertThat(residents).filteredOn(r -> "resident1".equals(r.account())).singleElement().satisfies(r -> {
			assertThat(r.name()).isEqualTo("王秀兰");
			assertThat(r.communityCode()).isEqualTo(DemoResidentGenerator.JUNMEN);
		});
		assertThat(residents).filteredOn(r -> r.communityCode().equals(DemoResidentGenerator.ZIYANG))
			.anySatisfy(r -> {
				assertThat(r.age()).isEqualTo(86);
				assertThat(r.tags()).contains("LIVING_ALONE");
			});
	}

	@Test
	void everyResidentPassesTheRegistersValidation() {
		LocalDate today = LocalDate.now(ResidentDraftValidation.ZONE);
		for (DemoResident r : residents) {
			RegisterResident draft = DemoResidents.draft(r);
			assertThat(ResidentDraftValidation.validate(draft, today)).as(r.toString()).isEmpty();
			assertThat(ResidentDraftValidation.validate(draft, DemoResidentGenerator.REFERENCE_DATE)).isEmpty();
			assertThat(ResidentDraftValidation.idNumberValid(r.idNumber())).isTrue();
		}
	}
}
