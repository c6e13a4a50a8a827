package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandChecks.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the category catalogue: categories, their questions and the departments that handle them. */
@Repository
@RequiredArgsConstructor
class DemandCategoryRepository {

	private final JdbcClient jdbc;

	List<Department> departments() {
		return jdbc.sql("SELECT id, code, name, territory_id, territory_path FROM demand_department ORDER BY code")
			.query((rs, n) -> new Department(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
			.list();
	}

	List<DemandCategory> load(String where, Map<String, ?> params) {
		Map<String, List<UrgentAnswer>> urgent = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.category_id, u.attribute_code, u.choice_key, u.sign_minutes, u.handle_minutes, u.call_numbers
				FROM demand_urgent_answer u JOIN demand_category c ON c.id = u.category_id %s
				ORDER BY u.category_id, u.attribute_code, u.choice_key""".formatted(where))
			.params(params)
			.query(rs -> {
				urgent.computeIfAbsent(rs.getLong(1) + "/" + rs.getString(2), k -> new ArrayList<>())
					.add(new UrgentAnswer(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
							List.of(rs.getString(6).split(","))));
			});
		Map<Long, List<CategoryAttribute>> attributes = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT a.category_id, a.code, a.datatype, a.required, a.description, a.description_en, a.choices, a.position
				FROM demand_category_attribute a JOIN demand_category c ON c.id = a.category_id %s
				ORDER BY a.category_id, a.position""".formatted(where))
			.params(params)
			.query(rs -> {
				attributes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new CategoryAttribute(rs.getString(2), AttributeType.valueOf(rs.getString(3)), rs.getBoolean(4),
							rs.getString(5), rs.getString(6), CategoryAttribute.parseChoices(rs.getString(7)), rs.getInt(8),
							urgent.getOrDefault(rs.getLong(1) + "/" + rs.getString(2), List.of())));
			});
		return jdbc.sql("""
				SELECT c.id, c.code, c.name, c.name_en, c.description, c.group_name, c.keywords, c.handling_level,
				       c.department_id, d.name, c.urgency, c.sign_deadline, c.sign_deadline_unit, c.handle_deadline,
				       c.handle_deadline_unit, c.active
				FROM demand_category c LEFT JOIN demand_department d ON d.id = c.department_id %s
				ORDER BY c.group_name, c.code""".formatted(where))
			.params(params)
			.query((rs, n) -> new DemandCategory(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), HandlingLevel.valueOf(rs.getString(8)),
					(Long) rs.getObject(9, Long.class), rs.getString(10), Urgency.valueOf(rs.getString(11)), rs.getInt(12),
					DeadlineUnit.valueOf(rs.getString(13)), rs.getInt(14), DeadlineUnit.valueOf(rs.getString(15)),
					rs.getBoolean(16), attributes.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	void update(long id, CategoryDraft draft, Long departmentId, String by, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE demand_category SET name = ?, name_en = ?, description = ?, group_name = ?, keywords = ?,
				  handling_level = ?, department_id = ?, urgency = ?, sign_deadline = ?, sign_deadline_unit = ?,
				  handle_deadline = ?, handle_deadline_unit = ?, active = ?, updated_at = ?, updated_by = ?
				WHERE id = ?""")
			.params(draft.name().strip(), blankToNull(draft.nameEn()), blankToNull(draft.description()),
					blankToNull(draft.group()), blankToNull(draft.keywords()), draft.handlingLevel().name(), departmentId,
					draft.urgency().name(), draft.signDeadline(), draft.signDeadlineUnit().name(), draft.handleDeadline(),
					draft.handleDeadlineUnit().name(), draft.active() == null || draft.active(), now, by, id)
			.update();
		jdbc.sql("DELETE FROM demand_category_attribute WHERE category_id = ?").param(id).update();
		jdbc.sql("DELETE FROM demand_urgent_answer WHERE category_id = ?").param(id).update();
	}

	long insert(CategoryDraft draft, Long departmentId, String by, OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO demand_category (code, name, name_en, description, group_name, keywords, handling_level,
				  department_id, urgency, sign_deadline, sign_deadline_unit, handle_deadline, handle_deadline_unit, active,
				  updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(draft.code(), draft.name().strip(), blankToNull(draft.nameEn()), blankToNull(draft.description()),
					blankToNull(draft.group()), blankToNull(draft.keywords()), draft.handlingLevel().name(), departmentId,
					draft.urgency().name(), draft.signDeadline(), draft.signDeadlineUnit().name(), draft.handleDeadline(),
					draft.handleDeadlineUnit().name(), draft.active() == null || draft.active(), now, by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A category's urgent answers, already checked against its questions. */
	void insertUrgentAnswers(long categoryId, List<UrgentAnswer> answers) {
		for (UrgentAnswer u : answers) {
			jdbc.sql("""
					INSERT INTO demand_urgent_answer (category_id, attribute_code, choice_key, sign_minutes, handle_minutes,
					  call_numbers) VALUES (?, ?, ?, ?, ?, ?)""")
				.params(categoryId, u.attributeCode(), u.choiceKey(), u.signMinutes(), u.handleMinutes(),
						String.join(",", u.callNumbers()))
				.update();
		}
	}

	void insertAttributes(long categoryId, List<CategoryDraft.AttributeDraft> attributes) {
		int position = 0;
		for (CategoryDraft.AttributeDraft a : attributes) {
			jdbc.sql("""
					INSERT INTO demand_category_attribute (category_id, code, datatype, required, description, description_en,
					  choices, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(categoryId, a.code(), a.datatype().name(), Boolean.TRUE.equals(a.required()), a.description().strip(),
						blankToNull(a.descriptionEn()),
						a.datatype().hasChoices() ? CategoryAttribute.formatChoices(CategoryAttribute.parseChoices(a.choices())) : null,
						position++)
				.update();
		}
	}

}
