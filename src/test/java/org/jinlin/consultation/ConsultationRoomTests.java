package org.jinlin.consultation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jinlin.consultation.internal.ArrangementDraft;
import org.jinlin.consultation.internal.ConsultationQueries;
import org.jinlin.consultation.internal.ParticipantInvitations;
import org.jinlin.consultation.internal.RoomBooking;
import org.jinlin.consultation.internal.Topic;
import org.jinlin.consultation.internal.TopicArrangement;
import org.jinlin.consultation.internal.TopicDraft;
import org.jinlin.consultation.internal.TopicIntake;
import org.jinlin.consultation.internal.TopicRoom;
import org.jinlin.demo.DemoCityForModuleTests;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
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
import static org.awaitility.Awaitility.await;

/**
 * Consultation with the spaces module: staff choose one of 军门社区's consultation rooms and a free hour, consultation
 * asks spaces for it by an event, spaces books it as the staff member (reference {@code consultation:{id}}) and
 * answers; the topic records the booking, or the refusal of a taken slot; a new request replaces the booking. The
 * materials sent ahead invite the participants with an account in-app, with the room and time; the public board
 * shows the coming sitting.
 */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ConsultationRoomTests {

	static final String JUNMEN = "350102004001";

	@Autowired
	TopicIntake intake;

	@Autowired
	TopicArrangement arrangement;

	@Autowired
	RoomBooking rooms;

	@Autowired
	ParticipantInvitations invitations;

	@Autowired
	ConsultationInvitations homeFigure;

	@Autowired
	ConsultationQueries queries;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	Actor actAs(String name, Role role, String code) {
		TerritoryNode node = territories.lookupByCode(code).orElseThrow();
		Actor actor = new Actor(1L, name, Set.of(role), node.id(), node.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new TestPrincipal(actor), null,
				role.authority()));
		return actor;
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	Topic topic(long id) {
		return queries.detail(id).topic();
	}

	TopicRoom roomOnceAnswered(long id) {
		await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !topic(id).room().pending());
		return topic(id).room();
	}

	@Test
	void theRoomIsBookedThroughSpacesAndTheParticipantsAreInvited() {
		actAs("junmen", Role.COMMUNITY_WORKER, JUNMEN);
		long id = intake.propose(new TopicDraft("军门社区加装电梯协商", "3号楼加装电梯的费用分摊", "COMMITTEE", null, JUNMEN)).id();
		arrangement.arrange(id, new ArrangementDraft("COUNCIL", false, "军门社区近邻空间", List.of(
				new ArrangementDraft.ParticipantDraft("REPRESENTATIVE", "王秀兰", "居民代表", "resident1"),
				new ArrangementDraft.ParticipantDraft("EXPERT", "张工", "电梯公司", null))));

		// a participant's account must belong to the community
		assertThatThrownBy(() -> arrangement.arrange(id, new ArrangementDraft("COUNCIL", false, "x", List.of(
				new ArrangementDraft.ParticipantDraft("REPRESENTATIVE", "某人", null, "no-such-account")))))
			.isInstanceOf(ValidationFailedException.class);

		// the community's consultation rooms with their free hours, read from spaces
		List<RoomBooking.RoomChoice> choices = rooms.choices(id);
		assertThat(choices).extracting(RoomBooking.RoomChoice::name).containsExactlyInAnyOrder("协商议事区", "民主协商议事室");
		RoomBooking.RoomChoice room = choices.get(0);
		OffsetDateTime start = room.freeHours().stream().filter(h -> h.isAfter(OffsetDateTime.now().plusDays(2)))
			.filter(h -> room.freeHours().contains(h.plusHours(1)))
			.findFirst().orElseThrow();
		OffsetDateTime end = start.plusHours(2);

		// a zone that is no consultation room of the community is refused before anything is sent
		assertThatThrownBy(() -> rooms.request(id, 999_999L, start, end)).isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> rooms.request(id, room.zoneId(), start, start.minusHours(1)))
			.isInstanceOf(ValidationFailedException.class);

		assertThat(rooms.request(id, room.zoneId(), start, end).room().pending()).isTrue();
		TopicRoom booked = roomOnceAnswered(id);
		assertThat(booked.status()).isEqualTo(TopicRoom.Status.BOOKED);
		assertThat(booked.name()).isEqualTo(room.name());
		var row = jdbc.sql("SELECT id, status, booked_by, zone_id FROM space_booking WHERE reference = ?")
			.param("consultation:" + id)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).single();
		assertThat(row).containsExactly(booked.bookingId(), "CONFIRMED", "junmen", room.zoneId());
		assertThat(topic(id).roomBookingId()).isEqualTo(booked.bookingId());
		// the hour is no longer offered as free
		assertThat(rooms.choices(id).get(0).freeHours()).doesNotContain(start);

		// another topic asking for the same room at an overlapping time is refused by spaces, with its reason
		long other = intake.propose(new TopicDraft("军门社区停车位协商", "地面停车位分配", "COMMITTEE", null, JUNMEN)).id();
		rooms.request(other, room.zoneId(), start.plusHours(1), end.plusHours(1));
		TopicRoom refused = roomOnceAnswered(other);
		assertThat(refused.status()).isEqualTo(TopicRoom.Status.REFUSED);
		assertThat(refused.refusal()).isEqualTo("spaces.error.taken");
		assertThat(refused.bookingId()).isNull();

		// a new request replaces the booking: the earlier one is cancelled in spaces
		OffsetDateTime later = room.freeHours().stream().filter(h -> h.isAfter(end.plusDays(1)))
			.filter(h -> room.freeHours().contains(h.plusHours(1))).findFirst().orElseThrow();
		rooms.request(id, room.zoneId(), later, later.plusHours(2));
		await().pollInSameThread().atMost(Duration.ofSeconds(20))
			.until(() -> topic(id).room().booked() && topic(id).room().start().equals(later.toInstant()));
		assertThat(jdbc.sql("SELECT status FROM space_booking WHERE id = ?").param(booked.bookingId())
			.query(String.class).single()).isEqualTo("CANCELLED");
		TopicRoom moved = topic(id).room();
		assertThat(moved.bookingId()).isNotEqualTo(booked.bookingId());

		// the public board shows the coming sitting with its room and time
		var board = queries.publicBoard(JUNMEN, Locale.SIMPLIFIED_CHINESE);
		assertThat(board.coming()).anySatisfy(c -> {
			assertThat(c.id()).isEqualTo(id);
			assertThat(c.room().name()).isEqualTo(room.name());
			assertThat(c.room().start()).isEqualTo(later.toInstant());
		});
		assertThat(board.coming()).noneMatch(c -> c.id() == other);

		// the materials go ahead: resident1 (a participant with an account) is invited in-app, with room and time
		arrangement.sendMaterials(id, "电梯加装方案和费用分摊表");
		Actor resident = actAs("resident1", Role.RESIDENT, JUNMEN + "G01");
		await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> homeFigure.unread(resident).isPresent());
		assertThat(homeFigure.unread(resident)).hasValue(1);
		var mine = invitations.mine();
		assertThat(mine).singleElement().satisfies(e -> {
			assertThat(e.invitation().topicId()).isEqualTo(id);
			assertThat(e.invitation().materials()).isEqualTo("电梯加装方案和费用分摊表");
			assertThat(e.invitation().place()).isEqualTo(room.name());
			assertThat(e.invitation().sittingStart()).isEqualTo(later.toInstant());
			assertThat(e.invitation().unread()).isTrue();
		});
		assertThat(invitations.markRead()).isEqualTo(1);
		assertThat(homeFigure.unread(resident)).hasValue(0);
		// someone never invited sees no figure on her home
		assertThat(homeFigure.unread(new Actor(2L, "resident2", Set.of(Role.RESIDENT), 1, "/", null, null))).isEmpty();
	}
}
