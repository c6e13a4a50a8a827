package org.jinlin.people.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentDraft;
import org.jinlin.people.ResidentTag;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * Turns a checked draft into the row the repository writes (ID number and phone encrypted, blind-indexed and
 * masked), compares a draft with the stored record, and reports the register's own field errors.
 */
@Component
@RequiredArgsConstructor
public class ResidentWrites {

	public static final int REASON_MAX = 500;

	private final PersonalDataCipher cipher;

	private final FieldErrors fieldErrors;

	/** The blind index of a normalized ID number ({@code null} for none). */
	String index(String idNumber) {
		return idNumber == null ? null : cipher.blindIndex(idNumber);
	}

	String decrypt(String cipherText) {
		return cipher.decrypt(cipherText);
	}

	/** The row for a draft at a place. */
	ResidentRepository.Write write(ResidentDraft d, String id, String index, ResidentPlaces.Place place,
			long householdId, RegistrationChannel channel) {
		String phone = ResidentDraftValidation.normalizePhone(d.phone());
		return new ResidentRepository.Write(d.name().strip(), d.gender(), d.birthDate(), cipher.encrypt(id), index,
				Masking.idNumber(id), cipher.encrypt(phone), phone == null ? null : Masking.phone(phone),
				place.building().id(), blank(d.unit()), blank(d.room()), place.communityId(), place.building().path(),
				householdId, ResidentTag.toStored(d.tags()), channel);
	}

	/** Keeps the stored ID cipher when the number did not change (no needless re-encryption). */
	static ResidentRepository.Write withIdOf(ResidentRepository.Write w, ResidentRepository.Stored s) {
		return new ResidentRepository.Write(w.name(), w.gender(), w.birthDate(), s.idNumberCipher(), w.idNumberIndex(),
				w.idNumberMasked(), w.phoneCipher(), w.phoneMasked(), w.buildingId(), w.unit(), w.room(), w.communityId(),
				w.territoryPath(), w.householdId(), w.tags(), w.channel());
	}

	/** The names of the fields a change alters. */
	List<String> changedFields(ResidentRepository.Stored s, UpdateResident cmd, String index) {
		List<String> changed = new ArrayList<>();
		add(changed, "name", !s.name().equals(cmd.name().strip()));
		add(changed, "gender", s.gender() != cmd.gender());
		add(changed, "birthDate", !s.birthDate().equals(cmd.birthDate()));
		add(changed, "idNumber", !s.idNumberIndex().equals(index));
		add(changed, "phone",
				!Objects.equals(cipher.decrypt(s.phoneCipher()), ResidentDraftValidation.normalizePhone(cmd.phone())));
		add(changed, "buildingId", s.buildingId() != cmd.buildingId());
		add(changed, "unit", !Objects.equals(s.unit(), blank(cmd.unit())));
		add(changed, "room", !Objects.equals(s.room(), blank(cmd.room())));
		add(changed, "tags", !ResidentTag.parseStored(s.tags()).equals(new HashSet<>(cmd.tags())));
		return changed;
	}

	private static void add(List<String> changed, String field, boolean differs) {
		if (differs) {
			changed.add(field);
		}
	}

	/** Checks the length of a reason, and that there is one when {@code required}. */
	static void checkReason(String reason, boolean required, List<ResidentDraftValidation.FieldError> errors) {
		if (reason == null || reason.isBlank()) {
			if (required) {
				errors.add(new ResidentDraftValidation.FieldError("reason", "people.error.reason.required",
						"A reason is required"));
			}
		}
		else if (reason.strip().length() > REASON_MAX) {
			errors.add(new ResidentDraftValidation.FieldError("reason", "people.error.reason.length",
					"The reason is too long"));
		}
	}

	static ResidentDraftValidation.FieldError duplicate() {
		return new ResidentDraftValidation.FieldError("idNumber", "people.error.idNumber.duplicate",
				"A resident with this ID number is already registered");
	}

	static ResidentDraftValidation.FieldError unknownBuilding() {
		return new ResidentDraftValidation.FieldError("buildingId", "people.error.buildingId.unknown",
				"Unknown building or outside your jurisdiction");
	}

	static boolean hasError(List<ResidentDraftValidation.FieldError> errors, String field) {
		return errors.stream().anyMatch(e -> e.field().equals(field));
	}

	/** 400 with the localized messages when there is any error. */
	void failIfAny(List<ResidentDraftValidation.FieldError> errors) {
		fieldErrors.failIfAny("people.error.invalid",
				errors.stream().map(e -> new FieldErrors.FieldError(e.field(), e.code())).toList());
	}

	/** 400 for one field. */
	void fail(String field, String code) {
		throw fieldErrors.invalid(code, List.of(new FieldErrors.FieldError(field, code)));
	}

	static String blank(String s) {
		return ResidentRepository.blankToNull(s);
	}
}
