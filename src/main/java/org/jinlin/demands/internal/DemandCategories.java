package org.jinlin.demands.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Urgency;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category catalogue. Reading it is public (it is the Open311 service list); only
 * administrators change it. Answers to a category's questions are checked here.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DemandCategories {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,39}");

	private final DemandCategoryRepository repository;

	private final DemandChecks fieldErrors;

	/** Active categories, ordered by group and name. */
	public List<DemandCategory> active() {
		return repository.load("WHERE c.active = TRUE", Map.of());
	}

	/** All categories, also inactive ones. */
	public List<DemandCategory> all() {
		return repository.load("", Map.of());
	}

	public Optional<DemandCategory> findByCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return repository.load("WHERE c.code = :code", Map.of("code", code)).stream().findFirst();
	}

	public DemandCategory get(long id) {
		return repository.load("WHERE c.id = :id", Map.of("id", id)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("No category " + id));
	}

	public List<Department> departments() {
		return repository.departments();
	}

	Optional<Department> department(long id) {
		return departments().stream().filter(d -> d.id() == id).findFirst();
	}

	// ------------------------------------------------------------------ administration

	/** Creates a category, or replaces the one with the same code (its questions too). Administrators only. */
	@Transactional
	public DemandCategory save(CategoryDraft draft) {
		Actor actor = CurrentActor.require();
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("Only administrators edit the category catalogue");
		}
		Long departmentId = validate(draft);
		OffsetDateTime now = OffsetDateTime.now();
		Optional<DemandCategory> existing = findByCode(draft.code());
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
			repository.update(id, draft, departmentId, actor.name(), now);
		}
		else {
			id = repository.insert(draft, departmentId, actor.name(), now);
		}
		repository.insertAttributes(id, draft.attributes());
		repository.insertUrgentAnswers(id, draft.attributes().stream().flatMap(a -> urgentAnswers(a).stream()).toList());
		return get(id);
	}

	/** Checks a draft; returns the department id it names, if any. */
	Long validate(CategoryDraft d) {
		List<FieldError> errors = new ArrayList<>();
		if (d.code() == null || !CODE.matcher(d.code()).matches()) {
			errors.add(error("code", "demands.category.code.invalid"));
		}
		if (d.name() == null || d.name().isBlank() || d.name().length() > 100) {
			errors.add(error("name", "demands.category.name.invalid"));
		}
		if (d.handlingLevel() == null) {
			errors.add(error("handlingLevel", "demands.category.level.required"));
		}
		if (d.urgency() == null) {
			errors.add(error("urgency", "demands.category.urgency.required"));
		}
		if (d.signDeadline() == null || d.signDeadline() < 1 || d.signDeadline() > 1000 || d.signDeadlineUnit() == null) {
			errors.add(error("signDeadline", "demands.category.deadline.invalid"));
		}
		if (d.handleDeadline() == null || d.handleDeadline() < 1 || d.handleDeadline() > 1000 || d.handleDeadlineUnit() == null) {
			errors.add(error("handleDeadline", "demands.category.deadline.invalid"));
		}
		Long departmentId = null;
		if (d.handlingLevel() == HandlingLevel.DEPARTMENT) {
			departmentId = departments().stream().filter(x -> x.code().equals(d.departmentCode())).map(Department::id)
				.findFirst().orElse(null);
			if (departmentId == null) {
				errors.add(error("departmentCode", "demands.category.department.required"));
			}
		}
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (int i = 0; i < d.attributes().size(); i++) {
			CategoryDraft.AttributeDraft a = d.attributes().get(i);
			String field = "attributes[" + i + "]";
			if (a.code() == null || !CODE.matcher(a.code()).matches() || !codes.add(a.code())) {
				errors.add(error(field + ".code", "demands.category.attribute.code.invalid"));
			}
			if (a.datatype() == null) {
				errors.add(error(field + ".datatype", "demands.category.attribute.type.required"));
			}
			if (a.description() == null || a.description().isBlank() || a.description().length() > 300) {
				errors.add(error(field + ".description", "demands.category.attribute.description.invalid"));
			}
			if (a.datatype() != null && a.datatype().hasChoices() && CategoryAttribute.parseChoices(a.choices()).isEmpty()) {
				errors.add(error(field + ".choices", "demands.category.attribute.choices.required"));
			}
			if (blankToNull(a.urgentAnswers()) != null && (a.datatype() == null || !a.datatype().hasChoices()
					|| UrgentAnswers.parse(a.code(), CategoryAttribute.parseChoices(a.choices()), a.urgentAnswers()) == null)) {
				errors.add(error(field + ".urgentAnswers", "demands.category.attribute.urgent.invalid"));
			}
		}
		fieldErrors.failIfAny(errors);
		return departmentId;
	}

	/** A checked question's urgent answers (none for a question without choices). */
	private static List<UrgentAnswer> urgentAnswers(CategoryDraft.AttributeDraft a) {
		if (a.datatype() == null || !a.datatype().hasChoices()) {
			return List.of();
		}
		List<UrgentAnswer> parsed = UrgentAnswers.parse(a.code(), CategoryAttribute.parseChoices(a.choices()),
				a.urgentAnswers());
		return parsed == null ? List.of() : parsed;
	}

	/**
	 * Checks answers to a category's questions: required ones present, numbers numeric, dates ISO dates,
	 * choices among the allowed keys. Returns the answers to store (multiple choices joined by commas).
	 */
	Map<String, String> checkAnswers(DemandCategory category, Map<String, List<String>> answers) {
		Map<String, List<String>> given = answers == null ? Map.of() : answers;
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> stored = new LinkedHashMap<>();
		for (String code : given.keySet()) {
			if (category.attributes().stream().noneMatch(a -> a.code().equals(code))) {
				errors.add(error("attribute[" + code + "]", "demands.attribute.unknown"));
			}
		}
		for (CategoryAttribute a : category.attributes()) {
			String field = "attribute[" + a.code() + "]";
			List<String> values = given.getOrDefault(a.code(), List.of()).stream().filter(v -> v != null && !v.isBlank())
				.map(String::strip).toList();
			if (values.isEmpty()) {
				if (a.required()) {
					errors.add(error(field, "demands.attribute.required"));
				}
				continue;
			}
			if (a.datatype() != AttributeType.MULTIPLE_CHOICE && values.size() > 1) {
				errors.add(error(field, "demands.attribute.single"));
				continue;
			}
			String v = values.get(0);
			switch (a.datatype()) {
				case NUMBER -> {
					try {
						new java.math.BigDecimal(v);
					}
					catch (NumberFormatException e) {
						errors.add(error(field, "demands.attribute.number"));
					}
				}
				case DATE -> {
					try {
						if (v.length() > 10) {
							OffsetDateTime.parse(v);
						}
						else {
							java.time.LocalDate.parse(v);
						}
					}
					catch (java.time.format.DateTimeParseException e) {
						errors.add(error(field, "demands.attribute.date"));
					}
				}
				case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
					for (String value : values) {
						if (a.choices().stream().noneMatch(c -> c.key().equals(value))) {
							errors.add(error(field, "demands.attribute.choice"));
						}
					}
				}
				case STRING, TEXT -> {
					if (v.length() > (a.datatype() == AttributeType.STRING ? 200 : 2000)) {
						errors.add(error(field, "demands.attribute.too-long"));
					}
				}
			}
			stored.put(a.code(), String.join(",", values));
		}
		fieldErrors.failIfAny(errors);
		return stored;
	}

	static FieldError error(String field, String code) {
		return new FieldError(field, code);
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
