package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.SurveyRules.Channel;
import org.jinlin.quality.internal.SurveyRules.ItemKind;
import org.jinlin.quality.internal.SurveyRules.SamplingRule;
import org.jinlin.quality.internal.SurveyRules.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of the satisfaction surveys. Reports read responses and answers only: no query here that serves a report
 * selects a resident or the invitation a response answers.
 */
@Repository
@RequiredArgsConstructor
public class SurveyRepository {

	private final JdbcClient jdbc;

	/** A questionnaire's head. */
	public record SurveyRow(long id, String title, long territoryId, String territoryCode, String territoryName,
			String territoryPath, LocalDate periodFrom, LocalDate periodTo, Status status, SamplingRule samplingRule,
			int sampleSize, long seed, String createdBy, Instant createdAt) {
	}

	/** One item; {@code options} the multiple-choice option lines. */
	public record ItemRow(long id, int position, ItemKind kind, String text, String dimension, BigDecimal weight,
			List<String> options) {

		public List<SurveyRules.Option> parsedOptions() {
			return options.stream().map(SurveyRules::option).toList();
		}

		public boolean scored() {
			return kind == ItemKind.LIKERT || parsedOptions().stream().anyMatch(o -> o.score() != null);
		}
	}

	/** An invitation (never shown in a report). */
	public record Invitation(long id, long surveyId, long residentId, boolean answered) {
	}

	/** A resident's own invitation as her "my surveys" page lists it. */
	public record MyInvitation(long id, long surveyId, String title, String territoryName, LocalDate periodFrom,
			LocalDate periodTo, Status status, boolean answered) {
	}

	/** An anonymous response: no resident, no invitation. */
	public record ResponseRow(long id, Channel channel, LocalDate answeredOn, BigDecimal score) {
	}

	/** One answer of an anonymous response. */
	public record AnswerRow(long responseId, long itemId, int choice, BigDecimal score) {
	}

	/** One item's answers: how many, their mean score (null for a descriptive item) and the count of each choice. */
	public record ItemStats(long itemId, long answers, Double meanScore, Map<Integer, Long> choices) {
	}

	private static final String SURVEY_COLUMNS = """
			id, title, territory_id, territory_code, territory_name, territory_path, period_from, period_to, status,
			sampling_rule, sample_size, sample_seed, created_by, created_at""";

	public long insert(SurveyRow s) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quality_survey (title, territory_id, territory_code, territory_name, territory_path, period_from,
				  period_to, status, sampling_rule, sample_size, sample_seed, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.title(), s.territoryId(), s.territoryCode(), s.territoryName(), s.territoryPath(), s.periodFrom(),
					s.periodTo(), s.status().name(), s.samplingRule().name(), s.sampleSize(), s.seed(), s.createdBy(),
					s.createdAt().atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void insertItems(long surveyId, List<ItemRow> items) {
		for (ItemRow i : items) {
			jdbc.sql("""
					INSERT INTO quality_survey_item (survey_id, position, kind, text, dimension, weight, options)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(surveyId, i.position(), i.kind().name(), i.text(), i.dimension(), i.weight(),
						i.options().isEmpty() ? null : String.join("\n", i.options()))
				.update();
		}
	}

	public Optional<SurveyRow> find(long id) {
		return jdbc.sql("SELECT " + SURVEY_COLUMNS + " FROM quality_survey WHERE id = ?").param(id)
			.query(SurveyRepository::survey).optional();
	}

	/** Surveys whose territory lies under the path prefix, newest period first. */
	public List<SurveyRow> list(String pathPrefix, long offset, int limit) {
		return jdbc.sql("SELECT " + SURVEY_COLUMNS + " " + """
				FROM quality_survey WHERE territory_path LIKE ? ORDER BY period_to DESC, id DESC
				 OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
			.params(pathPrefix + "%", offset, limit).query(SurveyRepository::survey).list();
	}

	public long count(String pathPrefix) {
		return jdbc.sql("SELECT COUNT(*) FROM quality_survey WHERE territory_path LIKE ?").param(pathPrefix + "%")
			.query(Long.class).single();
	}

	/** Moves a survey from one state to the next; false when it was no longer in {@code from}. */
	public boolean move(long id, Status from, Status to, Instant at) {
		String column = to == Status.OPEN ? "opened_at" : "closed_at";
		return jdbc.sql("UPDATE quality_survey SET status = ?, " + column + " = ? WHERE id = ? AND status = ?")
			.params(to.name(), at.atOffset(ZoneOffset.UTC), id, from.name()).update() == 1;
	}

	public List<ItemRow> items(long surveyId) {
		return jdbc.sql("""
				SELECT id, position, kind, text, dimension, weight, options FROM quality_survey_item WHERE survey_id = ?
				ORDER BY position""")
			.param(surveyId)
			.query((rs, n) -> {
				String options = rs.getString(7);
				return new ItemRow(rs.getLong(1), rs.getInt(2), ItemKind.valueOf(rs.getString(3)), rs.getString(4),
						rs.getString(5), rs.getBigDecimal(6),
						options == null ? List.of() : Arrays.asList(options.split("\n")));
			})
			.list();
	}

	public void insertInvitations(long surveyId, Collection<Long> residentIds, Instant at) {
		for (Long residentId : residentIds) {
			jdbc.sql("INSERT INTO quality_survey_invitation (survey_id, resident_id, invited_at) VALUES (?, ?, ?)")
				.params(surveyId, residentId, at.atOffset(ZoneOffset.UTC)).update();
		}
	}

	public long invitations(long surveyId) {
		return jdbc.sql("SELECT COUNT(*) FROM quality_survey_invitation WHERE survey_id = ?").param(surveyId)
			.query(Long.class).single();
	}

	public Optional<Invitation> invitation(long id) {
		return jdbc.sql("SELECT id, survey_id, resident_id, answered FROM quality_survey_invitation WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
			.optional();
	}

	/** A resident's invitations, open surveys first, newest first. */
	public List<MyInvitation> invitationsOf(long residentId) {
		return jdbc.sql("""
				SELECT i.id, s.id, s.title, s.territory_name, s.period_from, s.period_to, s.status, i.answered
				FROM quality_survey_invitation i JOIN quality_survey s ON s.id = i.survey_id
				WHERE i.resident_id = ? AND s.status <> 'DRAFT'
				ORDER BY CASE WHEN s.status = 'OPEN' THEN 0 ELSE 1 END, s.period_to DESC, i.id DESC""")
			.param(residentId)
			.query((rs, n) -> new MyInvitation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), Status.valueOf(rs.getString(7)),
					rs.getBoolean(8)))
			.list();
	}

	/** A page of a survey's invitations not answered yet (for staff to call): invitation id and resident id. */
	public List<Invitation> pending(long surveyId, int offset, int limit) {
		return jdbc.sql("""
				SELECT id, survey_id, resident_id, answered FROM quality_survey_invitation WHERE survey_id = ? AND answered = FALSE
				ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
			.params(surveyId, offset, limit)
			.query((rs, n) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
			.list();
	}

	/** Marks an invitation answered; false when it already was (another answer came first). */
	public boolean markAnswered(long invitationId) {
		return jdbc.sql("UPDATE quality_survey_invitation SET answered = TRUE WHERE id = ? AND answered = FALSE")
			.param(invitationId).update() == 1;
	}

	public long insertResponse(long surveyId, long invitationId, Channel channel, String enteredBy, LocalDate on,
			double score) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quality_survey_response (survey_id, invitation_id, channel, entered_by, answered_on, score)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(surveyId, invitationId, channel.name(), enteredBy, on, BigDecimal.valueOf(score).setScale(2,
					java.math.RoundingMode.HALF_UP))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void insertAnswer(long responseId, long itemId, int choice, Double score) {
		jdbc.sql("INSERT INTO quality_survey_answer (response_id, item_id, choice, score) VALUES (?, ?, ?, ?)")
			.params(responseId, itemId, choice,
					score == null ? null : BigDecimal.valueOf(score).setScale(2, java.math.RoundingMode.HALF_UP))
			.update();
	}

	public long responses(long surveyId) {
		return jdbc.sql("SELECT COUNT(*) FROM quality_survey_response WHERE survey_id = ?").param(surveyId)
			.query(Long.class).single();
	}

	/** A page of a survey's anonymous responses, in the order they came. */
	public List<ResponseRow> responses(long surveyId, long offset, int limit) {
		return jdbc.sql("""
				SELECT id, channel, answered_on, score FROM quality_survey_response WHERE survey_id = ? ORDER BY id
				OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
			.params(surveyId, offset, limit)
			.query((rs, n) -> new ResponseRow(rs.getLong(1), Channel.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))
			.list();
	}

	/** The answers of these responses, by response id. */
	public Map<Long, List<AnswerRow>> answers(Collection<Long> responseIds) {
		Map<Long, List<AnswerRow>> byResponse = new HashMap<>();
		if (responseIds.isEmpty()) {
			return byResponse;
		}
		jdbc.sql("SELECT response_id, item_id, choice, score FROM quality_survey_answer WHERE response_id IN (:ids)")
			.param("ids", responseIds)
			.query((rs, n) -> new AnswerRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBigDecimal(4)))
			.list()
			.forEach(a -> byResponse.computeIfAbsent(a.responseId(), k -> new ArrayList<>()).add(a));
		return byResponse;
	}

	/** Every item's answer count, mean score and choice counts. */
	public Map<Long, ItemStats> itemStats(long surveyId) {
		Map<Long, ItemStats> stats = new HashMap<>();
		jdbc.sql("""
				SELECT a.item_id, COUNT(*), AVG(a.score) FROM quality_survey_answer a
				JOIN quality_survey_response r ON r.id = a.response_id WHERE r.survey_id = ? GROUP BY a.item_id""")
			.param(surveyId)
			.query(rs -> {
				BigDecimal mean = rs.getBigDecimal(3);
				stats.put(rs.getLong(1), new ItemStats(rs.getLong(1), rs.getLong(2),
						mean == null ? null : mean.doubleValue(), new HashMap<>()));
			});
		jdbc.sql("""
				SELECT a.item_id, a.choice, COUNT(*) FROM quality_survey_answer a
				JOIN quality_survey_response r ON r.id = a.response_id WHERE r.survey_id = ? GROUP BY a.item_id, a.choice""")
			.param(surveyId)
			.query(rs -> {
				ItemStats s = stats.get(rs.getLong(1));
				if (s != null) {
					s.choices().put(rs.getInt(2), rs.getLong(3));
				}
			});
		return stats;
	}

	/** The survey index figure's base: responses to surveys under the path whose period ends in [from, to]. */
	public record IndexTally(long responses, Double meanScore) {
	}

	public IndexTally indexTally(String pathPrefix, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(*), AVG(r.score) FROM quality_survey_response r JOIN quality_survey s ON s.id = r.survey_id
				WHERE s.territory_path LIKE ? AND s.period_to BETWEEN ? AND ?""")
			.params(pathPrefix + "%", from, to)
			.query((rs, n) -> {
				BigDecimal mean = rs.getBigDecimal(2);
				return new IndexTally(rs.getLong(1), mean == null ? null : mean.doubleValue());
			})
			.single();
	}

	/** One response the figure counts, with its survey: no resident. */
	public record IndexRecord(long responseId, long surveyId, String title, String territoryName, LocalDate answeredOn,
			BigDecimal score) {
	}

	public List<IndexRecord> indexRecords(String pathPrefix, LocalDate from, LocalDate to, long offset, int limit) {
		return jdbc.sql("""
				SELECT r.id, s.id, s.title, s.territory_name, r.answered_on, r.score
				FROM quality_survey_response r JOIN quality_survey s ON s.id = r.survey_id
				WHERE s.territory_path LIKE ? AND s.period_to BETWEEN ? AND ? ORDER BY r.id
				OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
			.params(pathPrefix + "%", from, to, offset, limit)
			.query((rs, n) -> new IndexRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)))
			.list();
	}

	private static SurveyRow survey(ResultSet rs, int n) throws SQLException {
		return new SurveyRow(rs.getLong("id"), rs.getString("title"), rs.getLong("territory_id"),
				rs.getString("territory_code"), rs.getString("territory_name"), rs.getString("territory_path"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				Status.valueOf(rs.getString("status")), SamplingRule.valueOf(rs.getString("sampling_rule")),
				rs.getInt("sample_size"), rs.getLong("sample_seed"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
