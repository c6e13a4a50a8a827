package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationMaterialsSent;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants' in-app invitations: written when a topic's materials are sent ahead (one per participant
 * with an account), listed on "my consultations" with the materials, the place and the time of the sitting, and
 * marked read there.
 */
@Service
@RequiredArgsConstructor
public class ParticipantInvitations {

	private final ConsultationInvitationRepository repository;

	private final ConsultationScope scope;

	/** One invitation as "my consultations" shows it; {@code visible}: the account may open the topic's page. */
	public record Entry(ConsultationInvitationRepository.Invitation invitation, boolean visible) {
	}

	@ApplicationModuleListener
	void on(ConsultationMaterialsSent e) {
		for (String account : e.invited()) {
			repository.invite(e.topicId(), account, e.at());
		}
	}

	/** The signed-in account's invitations, newest first. */
	@Transactional(readOnly = true)
	public List<Entry> mine() {
		Actor actor = signedIn();
		return repository.of(actor.name()).stream()
			.map(i -> new Entry(i, ConsultationAccess.canRead(actor) && visible(actor, i)))
			.toList();
	}

	/** Marks the signed-in account's invitations read; how many were unread. */
	@Transactional
	public int markRead() {
		return repository.markRead(signedIn().name(), Instant.now());
	}

	private boolean visible(Actor actor, ConsultationInvitationRepository.Invitation i) {
		if (actor.isStaff()) {
			return actor.covers(i.territoryPath());
		}
		return scope.residentCommunity(actor).map(c -> c.path().equals(i.territoryPath())).orElse(false);
	}

	private static Actor signedIn() {
		Actor actor = CurrentActor.require();
		if (actor.isApiKey()) {
			throw new ForbiddenException("ParticipantInvitations belong to accounts");
		}
		return actor;
	}
}
