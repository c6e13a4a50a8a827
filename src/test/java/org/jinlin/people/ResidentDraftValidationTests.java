package org.jinlin.people;

import org.jinlin.people.internal.ResidentDraftValidation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The field rules, in particular GB 11643-1999 ID-card numbers. */
class ResidentDraftValidationTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	/** The standard's own example: a woman born 1949-12-31 in Beijing Chaoyang. */
	static final String VALID = "11010519491231002X";

	static RegisterResident draft(String idNumber, Gender gender, LocalDate birth) {
		return new RegisterResident("王秀英", gender, birth, idNumber, "13812345678", 1L, "2", "301",
				Set.of(ResidentTag.EMPTY_NEST), RegistrationChannel.PHONE_CALL);
	}

	static List<String> codes(ResidentDraft d) {
		return ResidentDraftValidation.validate(d, TODAY).stream().map(ResidentDraftValidation.FieldError::code).toList();
	}

	@Test
	void acceptsAValidIdNumberWithMatchingGenderAndBirthDate() {
		assertThat(ResidentDraftValidation.validate(draft(VALID, Gender.FEMALE, LocalDate.of(1949, 12, 31)), TODAY)).isEmpty();
		assertThat(codes(draft("11010519491231002x", Gender.FEMALE, LocalDate.of(1949, 12, 31))))
			.as("lower-case x is normalized").isEmpty();
	}

	@Test
	void computesTheIso7064CheckCharacter() {
		assertThat(ResidentDraftValidation.checkChar("11010519491231002")).isEqualTo('X');
		String generated = ResidentFixtures.idNumber("350102", LocalDate.of(1950, 3, 8), 12, Gender.MALE);
		assertThat(ResidentDraftValidation.idNumberValid(generated)).isTrue();
	}

	@Test
	void rejectsAWrongCheckDigit() {
		assertThat(codes(draft("110105194912310021", Gender.FEMALE, LocalDate.of(1949, 12, 31))))
			.containsExactly("people.error.idNumber.checksum");
	}

	@Test
	void rejectsAnImpossibleOrFutureBirthDateInTheNumber() {
		String feb30 = "11010519490230002";
		assertThat(codes(draft(feb30 + ResidentDraftValidation.checkChar(feb30), Gender.FEMALE, LocalDate.of(1949, 2, 28))))
			.contains("people.error.idNumber.birthDate");
		String future = "11010520300101002";
		assertThat(codes(draft(future + ResidentDraftValidation.checkChar(future), Gender.FEMALE, LocalDate.of(2000, 1, 1))))
			.contains("people.error.idNumber.birthDate");
		String old = "11010518991231002";
		assertThat(codes(draft(old + ResidentDraftValidation.checkChar(old), Gender.FEMALE, LocalDate.of(1949, 12, 31))))
			.contains("people.error.idNumber.birthDate");
	}

	@Test
	void rejectsBadShapeAndUnknownRegion() {
		assertThat(codes(draft("1101051949123100", Gender.FEMALE, LocalDate.of(1949, 12, 31))))
			.containsExactly("people.error.idNumber.format");
		assertThat(codes(draft("11010519491231002Y", Gender.FEMALE, LocalDate.of(1949, 12, 31))))
			.containsExactly("people.error.idNumber.format");
		String region = "99010519491231002";
		assertThat(codes(draft(region + ResidentDraftValidation.checkChar(region), Gender.FEMALE, LocalDate.of(1949, 12, 31))))
			.containsExactly("people.error.idNumber.region");
	}

	@Test
	void genderAndBirthDateMustAgreeWithTheIdNumber() {
		assertThat(codes(draft(VALID, Gender.MALE, LocalDate.of(1949, 12, 31)))).containsExactly("people.error.gender.mismatch");
		assertThat(codes(draft(VALID, Gender.FEMALE, LocalDate.of(1949, 12, 30)))).containsExactly("people.error.birthDate.mismatch");
	}

	@Test
	void checksBirthDateRange() {
		assertThat(codes(draft(VALID, Gender.FEMALE, TODAY.plusDays(1)))).contains("people.error.birthDate.future");
		assertThat(codes(draft(VALID, Gender.FEMALE, LocalDate.of(1899, 12, 31)))).contains("people.error.birthDate.tooEarly");
	}

	@Test
	void checksPhoneNumbers() {
		assertThat(ResidentDraftValidation.phoneValid("13812345678")).isTrue();
		assertThat(ResidentDraftValidation.phoneValid("+8613812345678")).isTrue();
		assertThat(ResidentDraftValidation.phoneValid("138 1234 5678")).isTrue();
		assertThat(ResidentDraftValidation.phoneValid("0591-87654321")).isTrue();
		assertThat(ResidentDraftValidation.phoneValid("12812345678")).isFalse();
		assertThat(ResidentDraftValidation.phoneValid("1381234567")).isFalse();
		assertThat(ResidentDraftValidation.phoneValid("abc")).isFalse();
		RegisterResident bad = new RegisterResident("王秀英", Gender.FEMALE, LocalDate.of(1949, 12, 31), VALID, "12345",
				1L, null, null, null, RegistrationChannel.OFFICE);
		assertThat(codes(bad)).containsExactly("people.error.phone.format");
	}

	@Test
	void checksNameUnitRoomAndRequiredFields() {
		RegisterResident empty = new RegisterResident(" ", null, null, null, null, null, null, null, null, null);
		assertThat(codes(empty)).containsExactlyInAnyOrder("people.error.name.required", "people.error.idNumber.required",
				"people.error.gender.required", "people.error.birthDate.required", "people.error.buildingId.required");
		RegisterResident weird = new RegisterResident("王\u0007英", Gender.FEMALE, LocalDate.of(1949, 12, 31), VALID, null,
				1L, "1".repeat(21), "房\n间", null, null);
		assertThat(codes(weird)).containsExactlyInAnyOrder("people.error.name.chars", "people.error.unit.length",
				"people.error.room.chars");
		RegisterResident longName = new RegisterResident("王".repeat(51), Gender.FEMALE, LocalDate.of(1949, 12, 31), VALID,
				null, 1L, null, null, null, null);
		assertThat(codes(longName)).containsExactly("people.error.name.length");
		RegisterResident minority = new RegisterResident("阿依古丽·买买提", Gender.FEMALE, LocalDate.of(1949, 12, 31), VALID,
				null, 1L, null, null, null, null);
		assertThat(codes(minority)).isEmpty();
	}

	@Test
	void messagesNeverContainTheNumber() {
		assertThat(ResidentDraftValidation.validate(draft("110105194912310021", Gender.MALE, LocalDate.of(1949, 1, 1)), TODAY))
			.allSatisfy(e -> assertThat(e.message()).doesNotContain("110105"));
	}
}
