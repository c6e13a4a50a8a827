package org.jinlin.people;

import org.jinlin.people.internal.ResidentDraftValidation;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Synthetic, checksum-valid ID-card numbers and resident drafts for tests; never two alike in one JVM. */
final class ResidentFixtures {

	private static final AtomicInteger COUNTER = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	private ResidentFixtures() {
	}

	/** A valid 18-character ID number. */
	static String idNumber(String region, LocalDate birth, int sequence, Gender gender) {
		int seq = (sequence % 500) * 2 + (gender == Gender.MALE ? 1 : 0);
		String first17 = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ String.format("%03d", seq);
		return first17 + ResidentDraftValidation.checkChar(first17);
	}

	/** A fresh identity: birth date and ID number that agree, unique in this JVM. */
	record Identity(String idNumber, LocalDate birthDate, Gender gender) {
	}

	static Identity nextIdentity() {
		int n = COUNTER.incrementAndGet();
		LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(n % 25_000);
		Gender gender = n % 2 == 0 ? Gender.FEMALE : Gender.MALE;
		// Region 350100 (the city itself): the demo residents carry district codes (350102 ...), so a test
		// identity can never collide with one of the thousands of demo records.
		return new Identity(idNumber("350100", birth, (n / 25_000) % 500, gender), birth, gender);
	}

	static RegisterResident draft(String name, long buildingId) {
		Identity id = nextIdentity();
		return new RegisterResident(name, id.gender(), id.birthDate(), id.idNumber(), "13800138000", buildingId, "1",
				"101", Set.of(ResidentTag.LIVING_ALONE), RegistrationChannel.DOOR_TO_DOOR);
	}

	/** Runs as the given actor (service-level tests). */
	static void signIn(Actor actor) {
		ActorPrincipal principal = () -> actor;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_TEST"));
	}

	static void signOut() {
		SecurityContextHolder.clearContext();
	}

	static Actor staff(String name, org.jinlin.shared.Role role, long territoryId, String path) {
		return new Actor(null, name, Set.of(role), territoryId, path, null, null);
	}
}
