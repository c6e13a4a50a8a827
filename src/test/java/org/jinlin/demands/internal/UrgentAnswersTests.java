package org.jinlin.demands.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jinlin.demands.Urgency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Urgent answers: 电梯故障 with 有人被困 is an emergency whose deadlines count calendar minutes, at night and on a
 * holiday too; other answers keep the category's urgency; the catalogue form's lines parse and print back.
 */
class UrgentAnswersTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final List<CategoryAttribute.Choice> TRAPPED_CHOICES = List.of(new CategoryAttribute.Choice("yes", "有人被困"),
			new CategoryAttribute.Choice("no", "无人被困"));

	static final UrgentAnswer TRAPPED = new UrgentAnswer("trapped", "yes", 5, 60, List.of("119", "120"));

	static final List<CategoryAttribute> ELEVATOR = List.of(new CategoryAttribute("trapped", AttributeType.SINGLE_CHOICE,
			true, "是否有人被困", "Is anyone trapped", TRAPPED_CHOICES, 0, List.of(TRAPPED)));

	static Instant at(int y, int m, int d, int h, int min) {
		return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
	}

	@Test
	void someoneTrappedIsUrgent() {
		Optional<UrgentAnswer> urgent = UrgentAnswers.match(ELEVATOR, Map.of("trapped", "yes"));
		assertThat(urgent).contains(TRAPPED);
		assertThat(UrgentAnswers.urgency(Urgency.NORMAL, urgent)).isEqualTo(Urgency.EMERGENCY);
	}

	@Test
	void nobodyTrappedOrNoAnswerIsNotUrgent() {
		assertThat(UrgentAnswers.match(ELEVATOR, Map.of("trapped", "no"))).isEmpty();
		assertThat(UrgentAnswers.match(ELEVATOR, Map.of())).isEmpty();
		assertThat(UrgentAnswers.match(ELEVATOR, Map.of("other", "yes"))).isEmpty();
		assertThat(UrgentAnswers.urgency(Urgency.NORMAL, Optional.empty())).isEqualTo(Urgency.NORMAL);
	}

	@Test
	void amongSeveralChosenUrgentAnswersTheStrictestWins() {
		UrgentAnswer smoke = new UrgentAnswer("signs", "smoke", 3, 30, List.of("119"));
		UrgentAnswer gas = new UrgentAnswer("signs", "gas", 10, 120, List.of("119"));
		List<CategoryAttribute> questions = List.of(new CategoryAttribute("signs", AttributeType.MULTIPLE_CHOICE, false,
				"现象", null, List.of(new CategoryAttribute.Choice("smoke", "冒烟"), new CategoryAttribute.Choice("gas", "燃气味"),
						new CategoryAttribute.Choice("noise", "异响")),
				0, List.of(smoke, gas)));
		assertThat(UrgentAnswers.match(questions, Map.of("signs", "noise,gas,smoke"))).contains(smoke);
		assertThat(UrgentAnswers.match(questions, Map.of("signs", "noise,gas"))).contains(gas);
		assertThat(UrgentAnswers.match(questions, Map.of("signs", "noise"))).isEmpty();
	}

	@Test
	void deadlinesCountCalendarMinutesAtNightAndOnHolidays() {
		// 23:58 on National Day: no office hours, no working day, still 5 minutes to sign for and 60 to handle.
		Instant raised = at(2026, 10, 1, 23, 58);
		assertThat(UrgentAnswers.signDue(raised, TRAPPED)).isEqualTo(at(2026, 10, 2, 0, 3));
		Instant signed = at(2026, 10, 2, 0, 2);
		assertThat(UrgentAnswers.handleDue(signed, TRAPPED)).isEqualTo(at(2026, 10, 2, 1, 2));
	}

	@Test
	void formLinesParseAndPrintBack() {
		List<UrgentAnswer> parsed = UrgentAnswers.parse("trapped", TRAPPED_CHOICES, " yes = 5, 60, 119/120 \n\n");
		assertThat(parsed).containsExactly(TRAPPED);
		assertThat(UrgentAnswers.format(parsed)).isEqualTo("yes=5,60,119/120");
		assertThat(UrgentAnswers.parse("trapped", TRAPPED_CHOICES, "  ")).isEmpty();
	}

	@Test
	void badFormLinesAreRefused() {
		assertThat(UrgentAnswers.parse("trapped", TRAPPED_CHOICES, "maybe=5,60,119")).as("not a choice").isNull();
		assertThat(UrgentAnswers.parse("trapped", TRAPPED_CHOICES, "yes=0,60,119")).as("no time to sign").isNull();
		assertThat(UrgentAnswers.parse("trapped", TRAPPED_CHOICES, "yes=5,20000,119")).as("too long").isNull();
		assertThat(UrgentAnswers.parse("trapped", TRAPPED_CHOICES, "yes=5,60,12345")).as("not an emergency number").isNull();
		assertThat(UrgentAnswers.parse("trapped", TRAPPED_CHOICES, "yes=5,60")).as("no number").isNull();
		assertThat(UrgentAnswers.parse("trapped", TRAPPED_CHOICES, "yes=5,60,119\nyes=3,30,119")).as("twice").isNull();
	}
}
