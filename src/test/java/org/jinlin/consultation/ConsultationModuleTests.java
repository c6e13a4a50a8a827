package org.jinlin.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jinlin.consultation.internal.ArrangementDraft;
import org.jinlin.consultation.internal.SittingDraft;
import org.jinlin.consultation.internal.StageRecording;
import org.jinlin.consultation.internal.TopicArrangement;
import org.jinlin.consultation.internal.TopicIntake;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.internal.DemandDeliberating;
import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.demands.internal.DemandRaising;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.internal.RaiseDemand;
import org.jinlin.demo.DemoCityForModuleTests;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultation module with its dependencies: a demand made a public matter opens a topic (once), the topic's
 * published decision goes back into the demand's history and moves the demand on to handling.
 */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ConsultationModuleTests {

	@Autowired
	DemandRaising raising;

	@Autowired
	DemandDeliberating deliberating;

	@Autowired
	DemandQueries demands;

	@Autowired
	TopicArrangement arrangement;

	@Autowired
	TopicIntake intake;

	@Autowired
	StageRecording stages;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	void actAsJunmen() {
		TerritoryNode node = territories.lookupByCode("350102004001").orElseThrow();
		Actor actor = new Actor(1L, "junmen", Set.of(Role.COMMUNITY_WORKER), node.id(), node.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new TestPrincipal(actor), null,
				Role.COMMUNITY_WORKER.authority()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	Long topicOf(long demandId) {
		return jdbc.sql("SELECT id FROM consultation_topic WHERE demand_id = ?").param(demandId).query(Long.class)
			.optional().orElse(null);
	}

	@Test
	void aPublicMatterIsDeliberatedAsATopicWhoseDecisionMovesTheDemandOn(Scenario scenario) {
		actAsJunmen();
		long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
		DemandView raised = raising.raise(new RaiseDemand("sanitation", "小区垃圾分类亭选址，居民意见不一", building, null, null,
				null, RaiseChannel.PHONE_CALL, null, "李大爷", "13900003333", false, Map.of()));
		long demandId = raised.id();

		scenario.stimulate(() -> deliberating.markPublicMatter(demandId, "涉及全体居民"))
			.andWaitForStateChange(() -> topicOf(demandId))
			.andVerify(id -> assertThat(id).isNotNull());
		Map<String, Object> topic = jdbc.sql("SELECT source, status, territory_path, description FROM consultation_topic WHERE id = ?")
			.param(topicOf(demandId)).query().singleRow();
		assertThat(topic.get("SOURCE")).isEqualTo("DEMAND");
		assertThat(topic.get("STATUS")).isEqualTo("ELIGIBLE");
		assertThat((String) topic.get("TERRITORY_PATH")).isEqualTo(territories.lookupByCode("350102004001").orElseThrow().path());
		assertThat(topic.toString()).doesNotContain("13900003333").doesNotContain("李大爷");
		long id = topicOf(demandId);

		// a redelivered event opens nothing new
		assertThat(intake.openForDemand(demandId, raised.communityId(), raised.territoryPath(), "环境卫生", "x")).isEqualTo(id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM consultation_topic WHERE demand_id = ?").param(demandId)
			.query(Long.class).single()).isEqualTo(1);

		actAsJunmen();
		arrangement.arrange(id, new ArrangementDraft("COUNCIL", false, "军门社区协商议事室",
				List.of(new ArrangementDraft.ParticipantDraft("STAKEHOLDER", "3号楼居民代表", null, null))));
		stages.recordSitting(id, 0, new SittingDraft(Instant.now().minusSeconds(3600), 15, 12, 9, 2, 1, "议事会纪要",
				"分类亭设在小区北门内侧"));
		scenario.stimulate(() -> stages.publishDecision(id))
			.andWaitForStateChange(() -> jdbc.sql("SELECT status FROM demand WHERE id = ?").param(demandId)
				.query(String.class).single(), s -> !s.equals(DemandStatus.DELIBERATING.name()))
			.andVerify(s -> assertThat(s).isEqualTo(DemandStatus.DISPATCHED.name()));
		assertThat(jdbc.sql("SELECT public_note FROM demand_step WHERE demand_id = ? AND kind = 'DECISION_PUBLISHED'")
			.param(demandId).query(String.class).list())
			.singleElement().asString().contains("分类亭设在小区北门内侧").contains("#" + id);
	}
}
