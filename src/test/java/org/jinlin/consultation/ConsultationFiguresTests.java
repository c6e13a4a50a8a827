package org.jinlin.consultation;

import java.util.Set;

import org.jinlin.consultation.internal.ConsultationFigures;
import org.jinlin.consultation.internal.ConsultationQueries;
import org.jinlin.consultation.internal.FollowUpRating;
import org.jinlin.consultation.internal.TopicSource;
import org.jinlin.consultation.internal.TopicStatus;
import org.jinlin.demo.DemoCityForModuleTests;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each consultation figure equals the records it counts: every source-and-stage cell, the quorum failures, the
 * completed topics and the ratings equal the topic lists they link to and the indicators' records, which equal
 * the rows in the tables (the demo city's 军门社区 consultations).
 */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ConsultationFiguresTests {

	@Autowired
	ConsultationFigures figures;

	@Autowired
	ConsultationQueries queries;

	@Autowired
	ConsultationIndicators indicators;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	String actAs(String name, Role role, String code) {
		TerritoryNode node = territories.lookupByCode(code).orElseThrow();
		Actor actor = new Actor(1L, name, Set.of(role), node.id(), node.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new TestPrincipal(actor), null,
				role.authority()));
		return node.path();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long count(String sql, String path) {
		return jdbc.sql(sql).param(path + "%").query(Long.class).single();
	}

	@Test
	void eachFigureEqualsItsRecords() {
		String path = actAs("junmen", Role.COMMUNITY_WORKER, "350102004001");
		var report = figures.report(null);
		var f = report.figures();
		assertThat(report.node().path()).isEqualTo(path);

		long cells = 0;
		for (TopicSource source : TopicSource.values()) {
			for (TopicStatus status : TopicStatus.values()) {
				long n = f.bySourceAndStatus().getOrDefault(source, java.util.Map.of()).getOrDefault(status, 0L);
				assertThat(queries.search(new ConsultationQueries.TopicQuery(source, status, false, false, 0, 20)).total())
					.as("%s %s", source, status).isEqualTo(n);
				cells += n;
			}
		}
		assertThat(cells).isEqualTo(count("SELECT COUNT(*) FROM consultation_topic WHERE territory_path LIKE ?", path));

		// quorum failures: the sittings, and the topic list they link to
		long failedSittings = count("""
				SELECT COUNT(*) FROM consultation_sitting x JOIN consultation_topic t ON t.id = x.topic_id
				WHERE t.territory_path LIKE ? AND x.quorum_met = FALSE""", path);
		assertThat(f.quorumFailures()).isEqualTo(failedSittings);
		assertThat(queries.search(new ConsultationQueries.TopicQuery(null, null, true, false, 0, 20)).total())
			.isEqualTo(f.topicsWithQuorumFailures());
		ConsultationFigure quorum = indicators.figure(ConsultationIndicator.QUORUM_MET, null);
		var sittings = indicators.records(ConsultationIndicator.QUORUM_MET, null, 0, 1000);
		assertThat(sittings.total()).isEqualTo(quorum.count()).isEqualTo(count("""
				SELECT COUNT(*) FROM consultation_sitting x JOIN consultation_topic t ON t.id = x.topic_id
				WHERE t.territory_path LIKE ?""", path));
		assertThat(quorum.count() - quorum.met()).isEqualTo(f.quorumFailures());
		assertThat(sittings.items().stream().filter(CountedRecord::met).count()).isEqualTo(quorum.met());

		// time to result: the completed topics the figure averages
		assertThat(queries.search(new ConsultationQueries.TopicQuery(null, TopicStatus.COMPLETED, false, false, 0, 20))
			.total()).isEqualTo(f.completed());
		ConsultationFigure results = indicators.figure(ConsultationIndicator.RESULTS_PUBLISHED, null);
		assertThat(results.met()).isEqualTo(f.completed());
		assertThat(indicators.records(ConsultationIndicator.RESULTS_PUBLISHED, null, 0, 1000).total())
			.isEqualTo(results.count())
			.isEqualTo(count("SELECT COUNT(*) FROM consultation_topic WHERE territory_path LIKE ? AND decision_published_at IS NOT NULL", path));
		assertThat(f.averageDaysToResult() == null).isEqualTo(f.completed() == 0);

		// satisfaction: the ratings, counted once each
		ConsultationFigure satisfaction = indicators.figure(ConsultationIndicator.SATISFACTION, null);
		long rated = f.satisfaction().values().stream().mapToLong(Long::longValue).sum();
		assertThat(satisfaction.count()).isEqualTo(rated)
			.isEqualTo(count("SELECT COUNT(*) FROM consultation_rating r JOIN consultation_topic t ON t.id = r.topic_id WHERE t.territory_path LIKE ?", path));
		assertThat(satisfaction.met()).isEqualTo(f.satisfaction().get(FollowUpRating.SATISFIED)
				+ f.satisfaction().get(FollowUpRating.BASICALLY_SATISFIED));
		assertThat(indicators.records(ConsultationIndicator.SATISFACTION, null, 0, 2).items()).hasSizeLessThanOrEqualTo(2);
		assertThat(indicators.records(ConsultationIndicator.SATISFACTION, null, 0, 1000).items())
			.allSatisfy(r -> assertThat(r.href()).startsWith("/consultation/topics/"));
	}

	@Test
	void indicatorsAreForStaffInsideTheirJurisdiction() {
		actAs("junmen", Role.COMMUNITY_WORKER, "350102004001");
		assertThatThrownBy(() -> indicators.figure(ConsultationIndicator.SATISFACTION, "350111003001"))
			.isInstanceOf(NotFoundException.class);
		actAs("resident1", Role.RESIDENT, "350102004001G01");
		assertThatThrownBy(() -> indicators.figure(ConsultationIndicator.SATISFACTION, null))
			.isInstanceOf(ForbiddenException.class);
	}
}
